package org.ecrm.segmentation.clv;

import org.ecrm.segmentation.internal.util.Checks;

/**
 * BG/NBD parameters (Fader, Hardie &amp; Lee 2005): purchase rates λ ~ Gamma(shape r, rate α), dropout
 * probabilities p ~ Beta(a, b). Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate gamma distribution
 * @param alpha rate (1 / time unit) of the purchase-rate gamma distribution
 * @param a first shape of the dropout-probability beta distribution
 * @param b second shape of the dropout-probability beta distribution
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {
  /**
   * Validates that every parameter is finite and positive.
   *
   * @throws IllegalArgumentException naming the parameter when one is not finite and positive
   */
  public BgNbdParameters {
    Checks.positive("r", r);
    Checks.positive("alpha", alpha);
    Checks.positive("a", a);
    Checks.positive("b", b);
  }
}
