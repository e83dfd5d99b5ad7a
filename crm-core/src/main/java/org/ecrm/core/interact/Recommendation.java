package org.ecrm.core.interact;

import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Sku;

/**
 * A product to show a customer, with why. Only products in stock, not discontinued and not already
 * bought by the customer are recommended. Immutable and thread-safe.
 *
 * @param sku the product
 * @param name its catalogue name ({@code ""} if not in the catalogue)
 * @param kind which rule found it
 * @param score the rule's count: orders containing both products, or segment members who bought it
 * @param reason a sentence for the marketer or the customer
 */
public record Recommendation(Sku sku, String name, Kind kind, long score, String reason) {
  /** Which rule found a recommendation. */
  public enum Kind {
    /** Often in the same order as a product the customer bought. */
    BOUGHT_TOGETHER,
    /** Bought by many customers in the customer's segment. */
    POPULAR_IN_SEGMENT
  }

  /** @throws IllegalArgumentException naming the field */
  public Recommendation {
    Checks.notNull("Recommendation.sku", sku);
    name = Checks.line("Recommendation.name", name);
    Checks.notNull("Recommendation.kind", kind);
    Checks.positive("Recommendation.score", score);
    reason = Checks.line("Recommendation.reason", reason);
  }
}
