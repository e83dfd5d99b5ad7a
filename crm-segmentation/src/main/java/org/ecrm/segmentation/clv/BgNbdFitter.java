package org.ecrm.segmentation.clv;

import java.util.List;
import java.util.Objects;
import org.ecrm.segmentation.clv.internal.Fits;

/**
 * Maximum-likelihood fitter of the {@link BgNbdModel}: minimises the mean negative log-likelihood plus
 * {@code penalizer · Σ θ²} over log-parameters (Nelder-Mead with restarts), the objective of the Python
 * {@code lifetimes} package. Identical summaries are compressed into one weighted row first.
 *
 * <pre>{@code
 * BgNbdModel model = BgNbdFitter.builder().build().fit(summaries);
 * }</pre>
 *
 * <p>Immutable and thread-safe; one fitter can run several fits at once.
 */
public final class BgNbdFitter {
  private final double penalizer;
  private final int maxEvaluations;
  private final int minimumCustomers;

  private BgNbdFitter(Builder b) {
    penalizer = b.penalizer;
    maxEvaluations = b.maxEvaluations;
    minimumCustomers = b.minimumCustomers;
  }

  /** @return a builder with penalizer 0, 20,000 evaluations and at least 10 customers */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits the model, each summary counting as one customer.
   *
   * @throws NullPointerException naming the index of a null summary
   * @throws IllegalArgumentException when there are fewer customers than the minimum or every
   *     frequency is 0
   * @throws ModelFitException when the optimiser does not converge or a parameter runs to 0 or ∞
   */
  public BgNbdModel fit(List<CustomerSummary> customers) {
    return Fits.bgNbd(customers, null, penalizer, maxEvaluations, minimumCustomers);
  }

  /**
   * Fits the model with a weight per summary: the number of customers the row stands for.
   *
   * @throws IllegalArgumentException naming the bad weight or a length mismatch; and as {@link #fit(List)}
   * @throws ModelFitException as {@link #fit(List)}
   */
  public BgNbdModel fit(List<CustomerSummary> customers, double[] weights) {
    Objects.requireNonNull(weights, "weights");
    return Fits.bgNbd(customers, weights.clone(), penalizer, maxEvaluations, minimumCustomers);
  }

  /** Builds a {@link BgNbdFitter}; each setter may be called once. Not thread-safe. */
  public static final class Builder {
    private double penalizer;
    private int maxEvaluations = 20_000;
    private int minimumCustomers = 10;
    private boolean penalizerSet;
    private boolean maxEvaluationsSet;
    private boolean minimumCustomersSet;

    private Builder() {}

    /**
     * @param penalizer L2 penalty coefficient on the parameters, ≥ 0 (default 0)
     * @throws IllegalArgumentException when negative or not finite
     */
    public Builder penalizer(double penalizer) {
      Checks.notSetTwice("penalizer", penalizerSet);
      this.penalizer = Checks.nonNegative("penalizer", penalizer);
      penalizerSet = true;
      return this;
    }

    /**
     * @param maxEvaluations likelihood evaluations allowed before the fit fails (default 20,000)
     * @throws IllegalArgumentException when below 100
     */
    public Builder maxEvaluations(int maxEvaluations) {
      Checks.notSetTwice("maxEvaluations", maxEvaluationsSet);
      if (maxEvaluations < 100) {
        throw new IllegalArgumentException("maxEvaluations must be at least 100: " + maxEvaluations);
      }
      this.maxEvaluations = maxEvaluations;
      maxEvaluationsSet = true;
      return this;
    }

    /**
     * @param minimumCustomers fewest customers (sum of weights) a fit accepts (default 10)
     * @throws IllegalArgumentException when below 4, the number of parameters
     */
    public Builder minimumCustomers(int minimumCustomers) {
      Checks.notSetTwice("minimumCustomers", minimumCustomersSet);
      if (minimumCustomers < 4) {
        throw new IllegalArgumentException("minimumCustomers must be at least 4: " + minimumCustomers);
      }
      this.minimumCustomers = minimumCustomers;
      minimumCustomersSet = true;
      return this;
    }

    /** @return the fitter */
    public BgNbdFitter build() {
      return new BgNbdFitter(this);
    }
  }
}
