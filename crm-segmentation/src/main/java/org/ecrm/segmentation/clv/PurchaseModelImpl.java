package org.ecrm.segmentation.clv;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A four-parameter purchase model (BG/NBD, Pareto/NBD) over its closed-form {@link Formulas}: argument
 * checks, the fit summary and the finite-result guard in one place. Immutable and thread-safe.
 *
 * @param <P> the parameter record
 */
abstract class PurchaseModelImpl<P extends Record> implements PurchaseModel {
  /** A closed form of the time {@code t} alone. */
  interface OfTime {
    double at(double p1, double p2, double p3, double p4, double t);
  }

  /** A closed form of a customer's summary {@code (x, tx, age)}. */
  interface OfCustomer {
    double at(double p1, double p2, double p3, double p4, double x, double tx, double age);
  }

  /** A closed form of the time and a customer's summary. */
  interface OfTimeAndCustomer {
    double at(double p1, double p2, double p3, double p4, double t, double x, double tx, double age);
  }

  /** A closed form of a count {@code n} and the time. */
  interface OfCountAndTime {
    double at(double p1, double p2, double p3, double p4, int n, double t);
  }

  /** A model's closed forms over its four parameters {@code (p1, p2, p3, p4)}. */
  record Formulas(OfTime expectedPurchases, OfTimeAndCustomer conditionalExpectedPurchases,
      OfCustomer probabilityAlive, OfCountAndTime probabilityOfPurchases, OfCustomer logLikelihood) {
  }

  private final String name;
  private final Formulas f;
  private final P parameters;
  private final @Nullable FitSummary fitSummary;
  private final double p1;
  private final double p2;
  private final double p3;
  private final double p4;

  PurchaseModelImpl(String name, Formulas f, P parameters, @Nullable FitSummary fitSummary, double[] p) {
    this.name = name;
    this.f = f;
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.fitSummary = fitSummary;
    p1 = p[0];
    p2 = p[1];
    p3 = p[2];
    p4 = p[3];
  }

  public P parameters() {
    return parameters;
  }

  public Optional<FitSummary> fitSummary() {
    return Optional.ofNullable(fitSummary);
  }

  @Override
  public double expectedPurchases(double t) {
    Arguments.time("t", t);
    return Arguments.finite(f.expectedPurchases().at(p1, p2, p3, p4, t), "expected purchases", "t=" + t);
  }

  @Override
  public double conditionalExpectedPurchases(double t, CustomerSummary c) {
    Arguments.time("t", t);
    Objects.requireNonNull(c, "customer");
    return Arguments.finite(f.conditionalExpectedPurchases().at(p1, p2, p3, p4, t, c.frequency(), c.recency(), c.t()),
        "conditional expected purchases", c + ", t=" + t);
  }

  @Override
  public double probabilityAlive(CustomerSummary c) {
    Objects.requireNonNull(c, "customer");
    return f.probabilityAlive().at(p1, p2, p3, p4, c.frequency(), c.recency(), c.t());
  }

  @Override
  public double probabilityOfPurchases(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    Arguments.time("t", t);
    return Arguments.finite(f.probabilityOfPurchases().at(p1, p2, p3, p4, n, t), "P(X(t) = n)",
        "n=" + n + ", t=" + t);
  }

  @Override
  public double logLikelihood(CustomerSummary c) {
    Objects.requireNonNull(c, "customer");
    return f.logLikelihood().at(p1, p2, p3, p4, c.frequency(), c.recency(), c.t());
  }

  @Override
  public String toString() {
    return name + parameters;
  }
}
