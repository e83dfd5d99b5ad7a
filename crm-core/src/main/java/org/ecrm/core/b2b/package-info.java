/**
 * B2B: opportunities on accounts with a weighted pipeline, the decision-making unit with engagement,
 * and inbound-listening signals per account (sampling, chatter, engagement, purchases, loyalty).
 */
@NullMarked
package org.ecrm.core.b2b;

import org.jspecify.annotations.NullMarked;
