package org.ecrm.segmentation.clv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maximum-likelihood fitter of the {@link BgNbdModel}; see {@link ModelFitter} for the objective and
 * the options. A fit needs at least one customer with a repeat purchase (frequency &gt; 0).
 *
 * <pre>{@code
 * BgNbdModel model = BgNbdFitter.builder().build().fit(summaries);
 * }</pre>
 *
 * <p>Immutable and thread-safe; one fitter can run several fits at once.
 */
public final class BgNbdFitter extends ModelFitter<BgNbdModel> {
  private BgNbdFitter(Builder<?> b) {
    super(b);
  }

  /**
   * A builder with penalizer 0, 20,000 evaluations and at least 10 customers.
   *
   * @return the builder
   */
  public static Builder<BgNbdFitter> builder() {
    return new Builder<>(4, BgNbdFitter::new);
  }

  @Override
  BgNbdModel fit(List<CustomerSummary> customers, double @Nullable [] weights, double penalizer,
      int maxEvaluations, int minimumCustomers) {
    return Fits.bgNbd(customers, weights, penalizer, maxEvaluations, minimumCustomers);
  }
}
