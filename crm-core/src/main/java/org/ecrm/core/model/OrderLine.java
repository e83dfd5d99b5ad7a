package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * One line of an order. Immutable and thread-safe.
 *
 * @param sku the product
 * @param quantity how many, at least 1
 * @param unitPrice the price of one unit, not negative
 */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {
  /**
   * Validates the line.
   *
   * @throws IllegalArgumentException for a quantity below 1 or a negative unit price
   */
  public OrderLine {
    Checks.notNull("OrderLine.sku", sku);
    Checks.positive("OrderLine.quantity", quantity);
    Checks.notNull("OrderLine.unitPrice", unitPrice);
    if (unitPrice.isNegative()) {
      throw Checks.invalid("OrderLine.unitPrice", "must not be negative", unitPrice);
    }
  }

  /** {@code unitPrice × quantity}. */
  public Money lineTotal() {
    return unitPrice.times(quantity);
  }
}
