package org.ecrm.segmentation.clv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecrm.segmentation.clv.internal.GammaGammaMath;
import org.jspecify.annotations.Nullable;

/** {@link GammaGammaModel} over {@link GammaGammaMath}. Immutable and thread-safe. */
final class GammaGammaModelImpl implements GammaGammaModel {
  private final GammaGammaParameters parameters;
  private final @Nullable FitSummary fitSummary;
  private final double correlation;

  /** @param correlation frequency/monetary correlation, NaN when unknown */
  public GammaGammaModelImpl(
      GammaGammaParameters parameters, @Nullable FitSummary fitSummary, double correlation) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.fitSummary = fitSummary;
    this.correlation = correlation;
  }

  @Override
  public GammaGammaParameters parameters() {
    return parameters;
  }

  @Override
  public Optional<FitSummary> fitSummary() {
    return Optional.ofNullable(fitSummary);
  }

  @Override
  public OptionalDouble frequencyMonetaryCorrelation() {
    return Double.isNaN(correlation) ? OptionalDouble.empty() : OptionalDouble.of(correlation);
  }

  @Override
  public double conditionalExpectedAverageProfit(CustomerSummary c) {
    Objects.requireNonNull(c, "customer");
    if (parameters.q() <= 1) {
      throw new IllegalStateException(
          "the conditional expected average profit needs q > 1 (the population mean spend p*gamma/(q-1)"
              + " is infinite otherwise): q=" + parameters.q());
    }
    return GammaGammaMath.conditionalExpectedAverageProfit(
        parameters.p(), parameters.q(), parameters.gamma(), c.frequency(), c.monetary());
  }

  @Override
  public double logLikelihood(List<CustomerSummary> customers) {
    Arguments.customers(customers, null);
    requirePositiveSpend(customers);
    return GammaGammaMath.logLikelihood(
        parameters.p(), parameters.q(), parameters.gamma(),
        Fits.rows(customers, null, true, true));
  }

  /**
   * @throws IllegalArgumentException naming the first repeat customer whose monetary is not positive
   */
  static void requirePositiveSpend(List<CustomerSummary> customers) {
    for (int i = 0; i < customers.size(); i++) {
      CustomerSummary c = customers.get(i);
      if (c.frequency() > 0 && !(c.monetary() > 0)) {
        throw new IllegalArgumentException(
            "customers[" + i + "].monetary must be positive for a repeat customer (frequency "
                + c.frequency() + "): " + c.monetary());
      }
    }
  }

  /**
   * Weighted Pearson correlation of frequency and monetary over the repeat customers; NaN if undefined.
   *
   * @param weights one weight per customer, or {@code null} for 1 each
   */
  static double correlation(List<CustomerSummary> customers, double @Nullable [] weights) {
    double n = 0;
    double sx = 0;
    double sm = 0;
    for (int i = 0; i < customers.size(); i++) {
      CustomerSummary c = customers.get(i);
      if (c.frequency() > 0) {
        double w = weights == null ? 1 : weights[i];
        n += w;
        sx += w * c.frequency();
        sm += w * c.monetary();
      }
    }
    double mx = sx / n;
    double mm = sm / n;
    double cov = 0;
    double vx = 0;
    double vm = 0;
    for (int i = 0; i < customers.size(); i++) {
      CustomerSummary c = customers.get(i);
      if (c.frequency() > 0) {
        double w = weights == null ? 1 : weights[i];
        double dx = c.frequency() - mx;
        double dm = c.monetary() - mm;
        cov += w * dx * dm;
        vx += w * dx * dx;
        vm += w * dm * dm;
      }
    }
    return vx > 0 && vm > 0 ? cov / Math.sqrt(vx * vm) : Double.NaN;
  }

  @Override
  public String toString() {
    return "GammaGammaModel" + parameters;
  }
}
