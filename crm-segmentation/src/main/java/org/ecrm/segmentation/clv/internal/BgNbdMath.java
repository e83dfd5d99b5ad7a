package org.ecrm.segmentation.clv.internal;

import static org.ecrm.segmentation.clv.internal.Special.logAddExp;
import static org.ecrm.segmentation.clv.internal.Special.logBeta;
import static org.ecrm.segmentation.clv.internal.Special.logGamma;

/**
 * BG/NBD formulas (Fader, Hardie &amp; Lee 2005, equations 6, 7, 9, 10 and the P(X(t)=x) of section 4).
 * Stateless and thread-safe.
 */
public final class BgNbdMath {
  private BgNbdMath() {}

  /** Log-likelihood of one customer (x, t_x, T). */
  public static double logLikelihood(
      double r, double alpha, double a, double b, double x, double tx, double age) {
    double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
    double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
    double a3 = -(r + x) * Math.log(alpha + age);
    double a4 =
        x > 0
            ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx)
            : Double.NEGATIVE_INFINITY;
    return a1 + a2 + logAddExp(a3, a4);
  }

  /** Weighted sum of the log-likelihoods; the log-gamma terms are computed once per frequency. */
  public static double logLikelihood(double r, double alpha, double a, double b, SummaryRows rows) {
    int k = rows.distinctFrequencies();
    double[] head = new double[k];
    double[] tail = new double[k];
    double logAlpha = Math.log(alpha);
    double common = logGamma(a + b) - logGamma(b) - logGamma(r) + r * logAlpha;
    double logA = Math.log(a);
    for (int j = 0; j < k; j++) {
      double x = rows.distinctX(j);
      head[j] = common + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
      tail[j] = x > 0 ? logA - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (int i = 0, n = rows.size(); i < n; i++) {
      int j = rows.xIndex(i);
      double rx = r + rows.x(i);
      double a3 = -rx * Math.log(alpha + rows.age(i));
      double a4 =
          rows.x(i) > 0 ? tail[j] - rx * Math.log(alpha + rows.tx(i)) : Double.NEGATIVE_INFINITY;
      sum += rows.weight(i) * (head[j] + logAddExp(a3, a4));
    }
    return sum;
  }

  /** E[X(t)] for a new customer (equation 9). */
  public static double expectedPurchases(double r, double alpha, double a, double b, double t) {
    if (t == 0) {
      return 0;
    }
    double z = t / (alpha + t);
    double h = Special.hyp2f1(r, b, a + b - 1, z);
    double front = (a + b - 1) / (a - 1);
    return front * (1 - Math.pow(alpha / (alpha + t), r) * h);
  }

  /** E[Y(t) | x, t_x, T] (equation 10). */
  public static double conditionalExpectedPurchases(
      double r, double alpha, double a, double b, double t, double x, double tx, double age) {
    if (t == 0) {
      return 0;
    }
    double z = t / (alpha + age + t);
    double h = Special.hyp2f1(r + x, b + x, a + b + x - 1, z);
    double numerator =
        (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x) * h);
    return numerator * probabilityAlive(r, alpha, a, b, x, tx, age);
  }

  /** P(alive | x, t_x, T). */
  public static double probabilityAlive(
      double r, double alpha, double a, double b, double x, double tx, double age) {
    if (x == 0) {
      return 1;
    }
    double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log((alpha + age) / (alpha + tx));
    // 1 / (1 + e^logOdds), stable for large odds
    return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  }

  /** P(X(t) = n) for a new customer. */
  public static double probabilityOfPurchases(double r, double alpha, double a, double b, int n, double t) {
    double logBetaAB = logBeta(a, b);
    double logZ = Math.log(alpha / (alpha + t));
    double logW = t == 0 ? Double.NEGATIVE_INFINITY : Math.log(t / (alpha + t));
    double first =
        Math.exp(
            logBeta(a, b + n) - logBetaAB + logGamma(r + n) - logGamma(r) - logGamma(n + 1.0)
                + r * logZ + (n == 0 ? 0 : n * logW));
    if (n == 0) {
      return first;
    }
    double partial = 0;
    for (int j = 0; j < n; j++) {
      partial +=
          Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1.0) + r * logZ + (j == 0 ? 0 : j * logW));
    }
    double second = Math.exp(logBeta(a + 1, b + n - 1) - logBetaAB) * (1 - partial);
    return Math.min(1, Math.max(0, first + second));
  }
}
