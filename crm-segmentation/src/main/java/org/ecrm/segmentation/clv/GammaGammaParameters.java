package org.ecrm.segmentation.clv;

import org.ecrm.segmentation.internal.util.Checks;

/**
 * Gamma-Gamma spend parameters (Fader, Hardie &amp; Lee 2005, "RFM and CLV"): each transaction's value
 * is Gamma(p, ν), and ν ~ Gamma(shape q, rate γ). Immutable and thread-safe.
 *
 * @param p shape of each transaction value's gamma distribution
 * @param q shape of the gamma distribution of the customers' scale ν
 * @param gamma the rate γ (called {@code v} in the Python {@code lifetimes} package)
 */
public record GammaGammaParameters(double p, double q, double gamma) {
  /**
   * Validates that every parameter is finite and positive.
   *
   * @throws IllegalArgumentException naming the parameter when one is not finite and positive
   */
  public GammaGammaParameters {
    Checks.positive("p", p);
    Checks.positive("q", q);
    Checks.positive("gamma", gamma);
  }
}
