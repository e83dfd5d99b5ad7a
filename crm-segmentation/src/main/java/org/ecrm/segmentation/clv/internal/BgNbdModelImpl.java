package org.ecrm.segmentation.clv.internal;

import java.util.Objects;
import java.util.Optional;
import org.ecrm.segmentation.clv.BgNbdModel;
import org.ecrm.segmentation.clv.BgNbdParameters;
import org.ecrm.segmentation.clv.CustomerSummary;
import org.ecrm.segmentation.clv.FitSummary;
import org.jspecify.annotations.Nullable;

/** {@link BgNbdModel} over {@link BgNbdMath}. Immutable and thread-safe. */
public final class BgNbdModelImpl implements BgNbdModel {
  private final BgNbdParameters parameters;
  private final @Nullable FitSummary fitSummary;
  private final double r;
  private final double alpha;
  private final double a;
  private final double b;

  public BgNbdModelImpl(BgNbdParameters parameters, @Nullable FitSummary fitSummary) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.fitSummary = fitSummary;
    r = parameters.r();
    alpha = parameters.alpha();
    a = parameters.a();
    b = parameters.b();
  }

  @Override
  public BgNbdParameters parameters() {
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
        BgNbdMath.expectedPurchases(r, alpha, a, b, t), "expected purchases", "t=" + t);
  }

  @Override
  public double conditionalExpectedPurchases(double t, CustomerSummary c) {
    Arguments.time("t", t);
    Objects.requireNonNull(c, "customer");
    return Arguments.finite(
        BgNbdMath.conditionalExpectedPurchases(r, alpha, a, b, t, c.frequency(), c.recency(), c.t()),
        "conditional expected purchases", c + ", t=" + t);
  }

  @Override
  public double probabilityAlive(CustomerSummary c) {
    Objects.requireNonNull(c, "customer");
    return BgNbdMath.probabilityAlive(r, alpha, a, b, c.frequency(), c.recency(), c.t());
  }

  @Override
  public double probabilityOfPurchases(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    Arguments.time("t", t);
    return Arguments.finite(
        BgNbdMath.probabilityOfPurchases(r, alpha, a, b, n, t), "P(X(t) = n)", "n=" + n + ", t=" + t);
  }

  @Override
  public double logLikelihood(CustomerSummary c) {
    Objects.requireNonNull(c, "customer");
    return BgNbdMath.logLikelihood(r, alpha, a, b, c.frequency(), c.recency(), c.t());
  }

  @Override
  public String toString() {
    return "BgNbdModel" + parameters;
  }
}
