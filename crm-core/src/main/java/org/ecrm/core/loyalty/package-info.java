/**
 * Loyalty programme: an event-sourced points ledger with earning rules, expiry, tiers, and the
 * programme's return on investment against a matched control group.
 */
@NullMarked
package org.ecrm.core.loyalty;

import org.jspecify.annotations.NullMarked;
