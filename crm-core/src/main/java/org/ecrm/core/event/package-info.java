/**
 * Domain events: the sealed {@link org.ecrm.core.event.CrmEvent} hierarchy and the
 * {@link org.ecrm.core.event.CrmListener} that receives them.
 */
@NullMarked
package org.ecrm.core.event;

import org.jspecify.annotations.NullMarked;
