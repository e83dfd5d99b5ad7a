package org.ecrm.core.model;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.internal.check.Checks;

/**
 * Money paid back on an order, with the goods returned (if any). A refund always belongs to the order
 * it refunds. Immutable and thread-safe.
 *
 * @param id the refund's id
 * @param refundedAt when the money was paid back
 * @param amount the amount, positive, in the order's currency
 * @param returned the goods sent back, possibly none (a goodwill refund)
 * @param reason why, may be empty
 */
public record Refund(RefundId id, Instant refundedAt, Money amount, List<ReturnLine> returned,
    String reason) {
  /**
   * Validates the refund.
   *
   * @throws IllegalArgumentException if the amount is not positive
   */
  public Refund {
    Checks.notNull("Refund.id", id);
    Checks.notNull("Refund.refundedAt", refundedAt);
    Checks.notNull("Refund.amount", amount);
    if (!amount.isPositive()) {
      throw Checks.invalid("Refund.amount", "must be positive", amount);
    }
    returned = Checks.list("Refund.returned", returned);
    reason = Checks.line("Refund.reason", reason);
  }
}
