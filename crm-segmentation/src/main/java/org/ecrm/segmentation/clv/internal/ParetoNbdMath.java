package org.ecrm.segmentation.clv.internal;

import static org.ecrm.segmentation.clv.internal.Special.logAddExp;
import static org.ecrm.segmentation.clv.internal.Special.logBeta;
import static org.ecrm.segmentation.clv.internal.Special.logGamma;
import static org.ecrm.segmentation.clv.internal.Special.logHyp2f1;

/**
 * Pareto/NBD formulas (Schmittlein, Morrison &amp; Colombo 1987; Fader &amp; Hardie's notes on the
 * likelihood, P(alive), the conditional expectation and P(X(t)=x)).
 *
 * <p>The likelihood's A₀ term is a difference of two ₂F₁/q^(r+s+x) terms. Both are evaluated in log
 * space ({@link Special#logHyp2f1} rescales the series so it cannot overflow) and subtracted with
 * {@link Special#logSubExp}; the series argument is |α − β| / (max(α, β) + t), always below 1, and the
 * branch on α &lt; β picks the parameterisation whose series converges. Stateless and thread-safe.
 */
public final class ParetoNbdMath {
  private ParetoNbdMath() {}

  /** ln A₀ of the likelihood. */
  static double logA0(double r, double alpha, double s, double beta, double x, double tx, double age) {
    double u = logA0Term(r, alpha, s, beta, x, tx);
    double v = logA0Term(r, alpha, s, beta, x, age);
    return logA0(u, v);
  }

  /** ln A₀ from its two terms (t_x's and T's). */
  private static double logA0(double u, double v) {
    if (u <= v) {
      // t_x = T, or rounding made two nearly equal terms cross: A₀ is 0 to working precision
      return Double.NEGATIVE_INFINITY;
    }
    return Special.logSubExp(u, v);
  }

  /** ln[₂F₁(r+s+x, ·; r+s+x+1; |α−β|/(max+t)) / (max+t)^(r+s+x)], the A₀ term at time t. */
  private static double logA0Term(double r, double alpha, double s, double beta, double x, double t) {
    double max = Math.max(alpha, beta);
    double second = alpha < beta ? r + x : s + 1;
    double rsx = r + s + x;
    double q = max + t;
    return logHyp2f1(rsx, second, rsx + 1, Math.abs(alpha - beta) / q) - rsx * Math.log(q);
  }

  /** The part of the log-likelihood shared by P(alive) and the conditional expectation. */
  private static double logAliveTerm(
      double r, double alpha, double s, double beta, double x, double age) {
    return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
        - (r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
  }

  /** Log-likelihood of one customer (x, t_x, T). */
  public static double logLikelihood(
      double r, double alpha, double s, double beta, double x, double tx, double age) {
    double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    double alive = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    double died = Math.log(s) - Math.log(r + s + x) + logA0(r, alpha, s, beta, x, tx, age);
    return a1 + logAddExp(alive, died);
  }

  /**
   * Weighted sum of the log-likelihoods; the log-gamma terms are computed once per frequency and the
   * hypergeometric A₀ terms once per distinct (x, t_x) and (x, T) pair.
   */
  public static double logLikelihood(double r, double alpha, double s, double beta, SummaryRows rows) {
    int k = rows.distinctFrequencies();
    double[] head = new double[k];
    double common = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (int j = 0; j < k; j++) {
      head[j] = common + logGamma(r + rows.distinctX(j));
    }
    double[] atRecency = new double[rows.recencyPairs()];
    for (int j = 0; j < atRecency.length; j++) {
      atRecency[j] = logA0Term(r, alpha, s, beta, rows.recencyPair(j, 0), rows.recencyPair(j, 1));
    }
    double[] atAge = new double[rows.agePairs()];
    for (int j = 0; j < atAge.length; j++) {
      atAge[j] = logA0Term(r, alpha, s, beta, rows.agePair(j, 0), rows.agePair(j, 1));
    }
    double logS = Math.log(s);
    double sum = 0;
    for (int i = 0, n = rows.size(); i < n; i++) {
      double x = rows.x(i);
      double age = rows.age(i);
      double alive = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
      double logA0 = logA0(atRecency[rows.recencyPairIndex(i)], atAge[rows.agePairIndex(i)]);
      double died = logS - Math.log(r + s + x) + logA0;
      sum += rows.weight(i) * (head[rows.xIndex(i)] + logAddExp(alive, died));
    }
    return sum;
  }

  /** P(alive | x, t_x, T). */
  public static double probabilityAlive(
      double r, double alpha, double s, double beta, double x, double tx, double age) {
    return Math.exp(
        logAliveTerm(r, alpha, s, beta, x, age) - logLikelihood(r, alpha, s, beta, x, tx, age));
  }

  /** (1 − (c/(c+t))^(s−1)) / (s − 1), with its limit ln((c+t)/c) at s = 1. */
  private static double powerDifference(double s, double c, double t) {
    double logRatio = -Math.log1p(t / c);
    if (Math.abs(s - 1) < 1e-10) {
      return -logRatio;
    }
    return -Math.expm1((s - 1) * logRatio) / (s - 1);
  }

  /** E[X(t)] for a new customer. */
  public static double expectedPurchases(double r, double alpha, double s, double beta, double t) {
    return r * beta / alpha * powerDifference(s, beta, t);
  }

  /** E[Y(t) | x, t_x, T]. */
  public static double conditionalExpectedPurchases(
      double r, double alpha, double s, double beta, double t, double x, double tx, double age) {
    double pAlive = probabilityAlive(r, alpha, s, beta, x, tx, age);
    return pAlive * (r + x) * (beta + age) / (alpha + age) * powerDifference(s, beta + age, t);
  }

  /** P(X(t) = n) for a new customer (Fader &amp; Hardie 2006, "Deriving an expression for P(X(t)=x)"). */
  public static double probabilityOfPurchases(
      double r, double alpha, double s, double beta, int n, double t) {
    double logT = t == 0 ? Double.NEGATIVE_INFINITY : Math.log(t);
    double first =
        Math.exp(
            logGamma(r + n) - logGamma(r) - logGamma(n + 1.0)
                + r * Math.log(alpha / (alpha + t))
                + (n == 0 ? 0 : n * (logT - Math.log(alpha + t)))
                + s * Math.log(beta / (beta + t)));
    double logPrefactor =
        r * Math.log(alpha) + s * Math.log(beta) + logBeta(r + n, s + 1) - logBeta(r, s);
    double max;
    double secondArg;
    double z0;
    double zt;
    if (alpha >= beta) {
      max = alpha;
      secondArg = s + 1;
      z0 = (alpha - beta) / alpha;
      zt = (alpha - beta) / (alpha + t);
    } else {
      max = beta;
      secondArg = r + n;
      z0 = (beta - alpha) / beta;
      zt = (beta - alpha) / (beta + t);
    }
    double c = r + s + n + 1;
    double b1 = Math.exp(logPrefactor + logHyp2f1(r + s, secondArg, c, z0) - (r + s) * Math.log(max));
    double b2 = 0;
    for (int j = 0; j <= n; j++) {
      b2 +=
          Math.exp(
              logPrefactor + logGamma(r + s + j) - logGamma(r + s) - logGamma(j + 1.0)
                  + (j == 0 ? 0 : j * logT)
                  + logHyp2f1(r + s + j, secondArg, c, zt)
                  - (r + s + j) * Math.log(max + t));
    }
    // b1 − b2 cancels for large n; clamp the rounding-level negatives this leaves
    return Math.min(1, Math.max(0, first + b1 - b2));
  }
}
