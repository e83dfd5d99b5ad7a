/**
 * Role-based access: which actor may read or write what, enforced by the facade's
 * {@link org.ecrm.core.Crm#as(org.ecrm.core.model.Actor) actor views}, with reads of personal data
 * recorded in the audit trail.
 *
 * <p>Start at {@link org.ecrm.core.access.AccessPolicy} (which {@link org.ecrm.core.access.Permission}s a role
 * holds), given to {@code Crm.Builder}; a refused call throws {@link org.ecrm.core.access.AccessDeniedException}.
 */
@NullMarked
package org.ecrm.core.access;

import org.jspecify.annotations.NullMarked;
