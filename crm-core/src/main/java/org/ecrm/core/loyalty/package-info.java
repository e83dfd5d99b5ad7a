/**
 * Loyalty programme: an event-sourced points ledger with earning rules, expiry, tiers, and the
 * programme's return on investment against a matched control group.
 *
 * <p>Start at {@link org.ecrm.core.loyalty.Loyalty}, from {@code Crm.loyalty()}, configured by a {@link
 * org.ecrm.core.loyalty.LoyaltyProgram}; the ledger's entries are {@link org.ecrm.core.loyalty.PointsEntry}s.
 */
@NullMarked
package org.ecrm.core.loyalty;

import org.jspecify.annotations.NullMarked;
