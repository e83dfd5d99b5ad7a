package org.ecrm.segmentation.clv.internal;

import java.util.Objects;
import java.util.Optional;
import org.ecrm.segmentation.clv.ParetoNbdModel;
import org.ecrm.segmentation.clv.ParetoNbdParameters;
import org.ecrm.segmentation.clv.CustomerSummary;
import org.ecrm.segmentation.clv.FitSummary;
import org.jspecify.annotations.Nullable;

/** {@link ParetoNbdModel} over {@link ParetoNbdMath}. Immutable and thread-safe. */
public final class ParetoNbdModelImpl implements ParetoNbdModel {
  private final ParetoNbdParameters parameters;
  private final @Nullable FitSummary fitSummary;
  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;

  public ParetoNbdModelImpl(ParetoNbdParameters parameters, @Nullable FitSummary fitSummary) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.fitSummary = fitSummary;
    r = parameters.r();
    alpha = parameters.alpha();
    s = parameters.s();
    beta = parameters.beta();
  }

  @Override
  public ParetoNbdParameters parameters() {
    return parameters;
  }

  @Override
  public Optional<FitSummary> fitSummary() {
    return Optional.ofNullable(fitSummary);
  }

  @Override
  public double expectedPurchases(double t) {
    Arguments.time("t", t);
    return Arguments.finite(
        ParetoNbdMath.expectedPurchases(r, alpha, s, beta, t), "expected purchases", "t=" + t);
  }

  @Override
  public double conditionalExpectedPurchases(double t, CustomerSummary c) {
    Arguments.time("t", t);
    Objects.requireNonNull(c, "customer");
    return Arguments.finite(
        ParetoNbdMath.conditionalExpectedPurchases(r, alpha, s, beta, t, c.frequency(), c.recency(), c.t()),
        "conditional expected purchases", c + ", t=" + t);
  }

  @Override
  public double probabilityAlive(CustomerSummary c) {
    Objects.requireNonNull(c, "customer");
    return ParetoNbdMath.probabilityAlive(r, alpha, s, beta, c.frequency(), c.recency(), c.t());
  }

  @Override
  public double probabilityOfPurchases(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    Arguments.time("t", t);
    return Arguments.finite(
        ParetoNbdMath.probabilityOfPurchases(r, alpha, s, beta, n, t), "P(X(t) = n)", "n=" + n + ", t=" + t);
  }

  @Override
  public double logLikelihood(CustomerSummary c) {
    Objects.requireNonNull(c, "customer");
    return ParetoNbdMath.logLikelihood(r, alpha, s, beta, c.frequency(), c.recency(), c.t());
  }

  @Override
  public String toString() {
    return "ParetoNbdModel" + parameters;
  }
}
