/**
 * Role-based access: which actor may read or write what, enforced by the facade's
 * {@link org.ecrm.core.Crm#as(org.ecrm.core.model.Actor) actor views}, with reads of personal data
 * recorded in the audit trail.
 */
@NullMarked
package org.ecrm.core.access;

import org.jspecify.annotations.NullMarked;
