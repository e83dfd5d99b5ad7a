/**
 * Domain events: the sealed {@link org.ecrm.core.event.CrmEvent} hierarchy and the
 * {@link org.ecrm.core.event.CrmListener} that receives them.
 *
 * <p>Start at {@link org.ecrm.core.event.CrmListener}, given to {@code Crm.Builder.listener(...)}; events carry
 * values of {@link org.ecrm.core.model} only.
 */
@NullMarked
package org.ecrm.core.event;

import org.jspecify.annotations.NullMarked;
