package org.ecrm.segmentation.clv;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Gamma-Gamma spend model. Get one from {@link GammaGammaFitter} or, with known parameters, from
 * {@link #of}. Money is in the unit of {@link CustomerSummary#monetary()} (the currency's major unit).
 * Immutable and thread-safe.
 */
public interface GammaGammaModel {

  /** A model with the given parameters (no fit summary, no correlation). */
  static GammaGammaModel of(GammaGammaParameters parameters) {
    return new GammaGammaModelImpl(parameters, null, Double.NaN);
  }

  /** @return the parameters */
  GammaGammaParameters parameters();

  /** @return the fit diagnostics when the model came from a fit */
  Optional<FitSummary> fitSummary();

  /**
   * The Pearson correlation between frequency and mean spend of the repeat customers the model was
   * fitted on. The model assumes the two are independent; a value far from 0 (say |ρ| &gt; 0.3) says
   * it does not fit these data.
   *
   * @return the correlation when the model came from a fit with at least two distinct frequencies
   */
  OptionalDouble frequencyMonetaryCorrelation();

  /**
   * E[average transaction value | x, z̄]: for a customer with no repeat purchase, the population mean
   * pγ/(q − 1); otherwise a weighted mean of that and the customer's own mean spend.
   *
   * @throws IllegalStateException when q ≤ 1 (the population mean spend is infinite)
   */
  double conditionalExpectedAverageProfit(CustomerSummary customer);

  /**
   * Log-likelihood of the repeat customers' mean spends; customers with frequency 0 contribute nothing.
   *
   * @throws IllegalArgumentException naming the index when a repeat customer's monetary is not
   *     positive
   */
  double logLikelihood(List<CustomerSummary> customers);
}
