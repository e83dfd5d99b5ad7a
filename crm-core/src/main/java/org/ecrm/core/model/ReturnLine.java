package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * Goods sent back with a refund. Immutable and thread-safe.
 *
 * @param sku the product returned
 * @param quantity how many units, at least 1
 */
public record ReturnLine(Sku sku, int quantity) {
  /** @throws IllegalArgumentException for a quantity below 1 */
  public ReturnLine {
    Checks.notNull("ReturnLine.sku", sku);
    Checks.positive("ReturnLine.quantity", quantity);
  }
}
