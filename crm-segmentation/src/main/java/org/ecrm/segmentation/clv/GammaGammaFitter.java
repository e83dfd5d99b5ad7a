package org.ecrm.segmentation.clv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maximum-likelihood fitter of the {@link GammaGammaModel} on the repeat customers (frequency &gt; 0;
 * the others are skipped); see {@link ModelFitter} for the objective and the options. Every repeat
 * customer's monetary value must be positive (the error names the index of one that is not), and the
 * minimum applies to repeat customers.
 *
 * <pre>{@code
 * GammaGammaModel model = GammaGammaFitter.builder().build().fit(summaries);
 * }</pre>
 *
 * <p>Immutable and thread-safe; one fitter can run several fits at once.
 */
public final class GammaGammaFitter extends ModelFitter<GammaGammaModel> {
  private GammaGammaFitter(Builder<?> b) {
    super(b);
  }

  /**
   * A builder with penalizer 0, 20,000 evaluations and at least 10 customers.
   *
   * @return the builder
   */
  public static Builder<GammaGammaFitter> builder() {
    return new Builder<>(3, GammaGammaFitter::new);
  }

  @Override
  GammaGammaModel fit(List<CustomerSummary> customers, double @Nullable [] weights, double penalizer,
      int maxEvaluations, int minimumCustomers) {
    return Fits.gammaGamma(customers, weights, penalizer, maxEvaluations, minimumCustomers);
  }
}
