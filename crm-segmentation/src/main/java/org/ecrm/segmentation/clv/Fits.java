package org.ecrm.segmentation.clv;

import java.util.List;
import org.ecrm.segmentation.clv.internal.BgNbdMath;
import org.ecrm.segmentation.clv.internal.GammaGammaMath;
import org.ecrm.segmentation.clv.internal.ParetoNbdMath;
import org.ecrm.segmentation.clv.internal.SummaryRows;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fits behind the public fitters. Stateless and thread-safe. */
final class Fits {
  private static final Logger LOG = LoggerFactory.getLogger(Fits.class);
  /** |ρ(frequency, monetary)| above this is logged as a warning before a Gamma-Gamma fit. */
  private static final double CORRELATION_WARNING = 0.3;

  private Fits() {}

  /** Fits BG/NBD. */
  public static BgNbdModel bgNbd(
      List<CustomerSummary> customers, double @Nullable [] weights, double penalizer,
      int maxEvaluations, int minimumCustomers) {
    SummaryRows rows = purchaseRows("BG/NBD", customers, weights, minimumCustomers);
    MaximumLikelihood.Outcome o = MaximumLikelihood.fit(
        "BG/NBD", List.of("r", "alpha", "a", "b"),
        p -> BgNbdMath.logLikelihood(p[0], p[1], p[2], p[3], rows),
        rows.totalWeight(), penalizer, maxEvaluations);
    double[] p = o.parameters();
    return new BgNbdModelImpl(
        new BgNbdParameters(p[0], p[1], p[2], p[3]), summary(o, rows, penalizer));
  }

  /** Fits Pareto/NBD. */
  public static ParetoNbdModel paretoNbd(
      List<CustomerSummary> customers, double @Nullable [] weights, double penalizer,
      int maxEvaluations, int minimumCustomers) {
    SummaryRows rows = purchaseRows("Pareto/NBD", customers, weights, minimumCustomers);
    MaximumLikelihood.Outcome o = MaximumLikelihood.fit(
        "Pareto/NBD", List.of("r", "alpha", "s", "beta"),
        p -> ParetoNbdMath.logLikelihood(p[0], p[1], p[2], p[3], rows),
        rows.totalWeight(), penalizer, maxEvaluations);
    double[] p = o.parameters();
    return new ParetoNbdModelImpl(
        new ParetoNbdParameters(p[0], p[1], p[2], p[3]), summary(o, rows, penalizer));
  }

  /** Fits Gamma-Gamma on the repeat customers. */
  public static GammaGammaModel gammaGamma(
      List<CustomerSummary> customers, double @Nullable [] weights, double penalizer,
      int maxEvaluations, int minimumCustomers) {
    Arguments.customers(customers, weights);
    GammaGammaModelImpl.requirePositiveSpend(customers);
    SummaryRows rows = rows(customers, weights, true, true);
    if (rows.totalWeight() < minimumCustomers) {
      throw new IllegalArgumentException(
          "Gamma-Gamma needs at least " + minimumCustomers
              + " repeat customers (frequency > 0): got " + rows.totalWeight());
    }
    double rho = GammaGammaModelImpl.correlation(customers, weights);
    if (Math.abs(rho) > CORRELATION_WARNING) {
      LOG.warn("Gamma-Gamma: frequency and monetary value are correlated (rho = {}); the model"
          + " assumes they are independent, so its spend predictions are biased", rho);
    }
    MaximumLikelihood.Outcome o = MaximumLikelihood.fit(
        "Gamma-Gamma", List.of("p", "q", "gamma"),
        p -> GammaGammaMath.logLikelihood(p[0], p[1], p[2], rows),
        rows.totalWeight(), penalizer, maxEvaluations);
    double[] p = o.parameters();
    return new GammaGammaModelImpl(
        new GammaGammaParameters(p[0], p[1], p[2]), summary(o, rows, penalizer), rho);
  }

  private static SummaryRows purchaseRows(
      String model, List<CustomerSummary> customers, double @Nullable [] weights,
      int minimumCustomers) {
    Arguments.customers(customers, weights);
    SummaryRows rows = rows(customers, weights, false, false);
    if (rows.totalWeight() < minimumCustomers) {
      throw new IllegalArgumentException(
          model + " needs at least " + minimumCustomers + " customers: got " + rows.totalWeight());
    }
    boolean anyRepeat = false;
    for (int i = 0; i < rows.size() && !anyRepeat; i++) {
      anyRepeat = rows.x(i) > 0;
    }
    if (!anyRepeat) {
      throw new IllegalArgumentException(
          model + " cannot be fitted when every customer has frequency 0 (no repeat purchase in "
              + rows.totalWeight() + " customers): the purchase and dropout rates are not identified");
    }
    return rows;
  }

  private static FitSummary summary(MaximumLikelihood.Outcome o, SummaryRows rows, double penalizer) {
    return new FitSummary(o.logLikelihood(), rows.totalWeight(), rows.size(), o.evaluations(), penalizer);
  }

  /** The summaries compressed by {@link SummaryRows#of}. */
  static SummaryRows rows(List<CustomerSummary> customers, double @Nullable [] weights, boolean withMonetary,
      boolean repeatOnly) {
    int n = customers.size();
    double[] frequency = new double[n];
    double[] recency = new double[n];
    double[] age = new double[n];
    double[] monetary = new double[n];
    for (int i = 0; i < n; i++) {
      CustomerSummary c = customers.get(i);
      frequency[i] = c.frequency();
      recency[i] = c.recency();
      age[i] = c.t();
      monetary[i] = c.monetary();
    }
    return SummaryRows.of(frequency, recency, age, monetary, weights, withMonetary, repeatOnly);
  }
}
