/** The whole interact loop on RFM segments: segment, campaign, policy, sends, attribution, uplift. */
@NullMarked
package org.ecrm.it.interact;

import org.jspecify.annotations.NullMarked;
