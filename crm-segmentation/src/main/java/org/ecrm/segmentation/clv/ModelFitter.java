package org.ecrm.segmentation.clv;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.ecrm.segmentation.internal.util.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What the three maximum-likelihood fitters ({@link BgNbdFitter}, {@link ParetoNbdFitter},
 * {@link GammaGammaFitter}) share: the options (penalizer, evaluation budget, minimum customers), the
 * builder that sets them and the two {@code fit} forms. Each fitter minimises the mean negative
 * log-likelihood plus {@code penalizer · Σ θ²} over log-parameters (Nelder-Mead with restarts), the
 * objective of the Python {@code lifetimes} package; identical summaries are compressed into one weighted
 * row first.
 *
 * <p>Immutable and thread-safe; one fitter can run several fits at once.
 *
 * @param <M> the fitted model
 */
public abstract sealed class ModelFitter<M> permits BgNbdFitter, ParetoNbdFitter, GammaGammaFitter {
  private final double penalizer;
  private final int maxEvaluations;
  private final int minimumCustomers;

  ModelFitter(Builder<?> b) {
    penalizer = b.penalizer;
    maxEvaluations = b.maxEvaluations;
    minimumCustomers = b.minimumCustomers;
  }

  /**
   * Fits the model, each summary counting as one customer.
   *
   * @param customers the customer-base summaries
   * @return the fitted model, with its {@link FitSummary}
   * @throws NullPointerException naming the index of a null summary
   * @throws IllegalArgumentException when there are fewer customers than the minimum or the data cannot
   *     identify the model (the fitter's class description says when)
   * @throws ModelFitException when the optimiser does not converge or a parameter runs to 0 or ∞
   */
  public M fit(List<CustomerSummary> customers) {
    return fit(customers, null, penalizer, maxEvaluations, minimumCustomers);
  }

  /**
   * Fits the model with a weight per summary: the number of customers the row stands for.
   *
   * @param customers the customer-base summaries
   * @param weights one weight per summary, each finite and positive
   * @return the fitted model, with its {@link FitSummary}
   * @throws IllegalArgumentException naming the bad weight or a length mismatch; and as {@link #fit(List)}
   * @throws ModelFitException as {@link #fit(List)}
   */
  public M fit(List<CustomerSummary> customers, double[] weights) {
    Objects.requireNonNull(weights, "weights");
    return fit(customers, weights.clone(), penalizer, maxEvaluations, minimumCustomers);
  }

  /** The model-specific fit. */
  abstract M fit(List<CustomerSummary> customers, double @Nullable [] weights, double penalizer,
      int maxEvaluations, int minimumCustomers);

  /**
   * Sets a fitter's options; each setter may be called once. Not thread-safe.
   *
   * @param <F> the fitter built
   */
  public static final class Builder<F> {
    private final int fewestCustomers;
    private final Function<Builder<F>, F> make;
    private double penalizer;
    private int maxEvaluations = 20_000;
    private int minimumCustomers = 10;
    private boolean penalizerSet;
    private boolean maxEvaluationsSet;
    private boolean minimumCustomersSet;

    /**
     * {@code fewestCustomers}: the least {@link #minimumCustomers} may be, the model's parameter count;
     * {@code make}: the fitter's constructor.
     */
    Builder(int fewestCustomers, Function<Builder<F>, F> make) {
      this.fewestCustomers = fewestCustomers;
      this.make = make;
    }

    /**
     * Sets the L2 penalty.
     *
     * @param penalizer L2 penalty coefficient on the parameters, ≥ 0 (default 0)
     * @return this builder
     * @throws IllegalArgumentException when negative or not finite
     */
    public Builder<F> penalizer(double penalizer) {
      Checks.notSetTwice("penalizer", penalizerSet);
      this.penalizer = Checks.nonNegative("penalizer", penalizer);
      penalizerSet = true;
      return this;
    }

    /**
     * Sets the evaluation budget.
     *
     * @param maxEvaluations likelihood evaluations allowed before the fit fails (default 20,000)
     * @return this builder
     * @throws IllegalArgumentException when below 100
     */
    public Builder<F> maxEvaluations(int maxEvaluations) {
      Checks.notSetTwice("maxEvaluations", maxEvaluationsSet);
      if (maxEvaluations < 100) {
        throw new IllegalArgumentException("maxEvaluations must be at least 100: " + maxEvaluations);
      }
      this.maxEvaluations = maxEvaluations;
      maxEvaluationsSet = true;
      return this;
    }

    /**
     * Sets the fewest customers a fit accepts.
     *
     * @param minimumCustomers fewest customers (sum of weights) a fit accepts (default 10; for the
     *     Gamma-Gamma fitter, repeat customers)
     * @return this builder
     * @throws IllegalArgumentException when below the model's number of parameters (4; Gamma-Gamma 3)
     */
    public Builder<F> minimumCustomers(int minimumCustomers) {
      Checks.notSetTwice("minimumCustomers", minimumCustomersSet);
      if (minimumCustomers < fewestCustomers) {
        throw new IllegalArgumentException("minimumCustomers must be at least " + fewestCustomers + ": "
            + minimumCustomers);
      }
      this.minimumCustomers = minimumCustomers;
      minimumCustomersSet = true;
      return this;
    }

    /**
     * Builds the fitter.
     *
     * @return the fitter
     */
    public F build() {
      return make.apply(this);
    }
  }
}
