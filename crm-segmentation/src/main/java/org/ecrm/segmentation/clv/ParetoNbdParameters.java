package org.ecrm.segmentation.clv;

import org.ecrm.segmentation.internal.util.Checks;

/**
 * Pareto/NBD parameters (Schmittlein, Morrison &amp; Colombo 1987): purchase rates λ ~ Gamma(shape r,
 * rate α), dropout rates μ ~ Gamma(shape s, rate β). Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate gamma distribution
 * @param alpha rate of the purchase-rate gamma distribution
 * @param s shape of the dropout-rate gamma distribution
 * @param beta rate of the dropout-rate gamma distribution
 */
public record ParetoNbdParameters(double r, double alpha, double s, double beta) {
  /**
   * Validates that every parameter is finite and positive.
   *
   * @throws IllegalArgumentException naming the parameter when one is not finite and positive
   */
  public ParetoNbdParameters {
    Checks.positive("r", r);
    Checks.positive("alpha", alpha);
    Checks.positive("s", s);
    Checks.positive("beta", beta);
  }
}
