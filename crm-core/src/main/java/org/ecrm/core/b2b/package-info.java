/**
 * B2B: opportunities on accounts with a weighted pipeline, the decision-making unit with engagement,
 * and inbound-listening signals per account (sampling, chatter, engagement, purchases, loyalty).
 *
 * <p>Start at {@link org.ecrm.core.b2b.B2b}, from {@code Crm.b2b()}; {@link org.ecrm.core.b2b.Opportunity} is
 * the record it keeps.
 */
@NullMarked
package org.ecrm.core.b2b;

import org.jspecify.annotations.NullMarked;
