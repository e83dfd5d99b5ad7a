package org.ecrm.segmentation.clv.internal;

/**
 * Special functions the models need: log-gamma, the Gauss hypergeometric series and stable log-sum-exp.
 * Stateless and thread-safe.
 */
public final class Special {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  /** Lanczos coefficients, g = 7, n = 9 (relative error about 1e-15 for positive arguments). */
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final int MAX_SERIES_TERMS = 2_000_000;
  private static final double SERIES_EPS = 1e-16;
  private static final double RESCALE = 1e200;
  private static final double LOG_RESCALE = Math.log(RESCALE);

  private Special() {}

  /**
   * ln Γ(x) for x &gt; 0.
   *
   * @param x a positive argument
   * @return ln Γ(x); NaN when x is not positive or not finite
   */
  public static double logGamma(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      return Double.NaN;
    }
    if (x < 0.5) {
      // reflection: Γ(x) Γ(1 − x) = π / sin(πx)
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double y = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (y + i);
    }
    double t = y + 7.5;
    return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** ln B(a, b). */
  public static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /**
   * The Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series, for 0 ≤ z &lt; 1 and c not a
   * non-positive integer.
   *
   * @return the value; NaN when the series does not converge within its term budget or hits a pole
   */
  public static double hyp2f1(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      return Double.NaN;
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < MAX_SERIES_TERMS; k++) {
      double denominator = (c + k) * (k + 1);
      if (denominator == 0) {
        return Double.NaN;
      }
      double ratio = (a + k) * (b + k) / denominator * z;
      term *= ratio;
      sum += term;
      if (Math.abs(term) <= SERIES_EPS * Math.abs(sum) && Math.abs(ratio) < 1) {
        return sum;
      }
      if (!Double.isFinite(sum)) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /**
   * ln ₂F₁(a, b; c; z) for a, b, c &gt; 0 and 0 ≤ z &lt; 1, summed with rescaling so that values far beyond
   * the double range (large a or b, z near 1) stay finite in log space.
   *
   * @return the logarithm; NaN when the series does not converge within its term budget
   */
  public static double logHyp2f1(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1) || !(a > 0 && b > 0 && c > 0)) {
      return Double.NaN;
    }
    double term = 1;
    double sum = 1;
    double logScale = 0;
    for (int k = 0; k < MAX_SERIES_TERMS; k++) {
      double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      term *= ratio;
      sum += term;
      if (term <= SERIES_EPS * sum && ratio < 1) {
        return Math.log(sum) + logScale;
      }
      if (sum > RESCALE) {
        sum /= RESCALE;
        term /= RESCALE;
        logScale += LOG_RESCALE;
      }
    }
    return Double.NaN;
  }

  /** ln(eᵘ + eᵛ) without overflow; either may be −∞. */
  public static double logAddExp(double u, double v) {
    double max = Math.max(u, v);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(u, v) - max));
  }

  /** ln(eᵘ − eᵛ) for u ≥ v, without overflow; −∞ when u = v, NaN when u &lt; v. */
  public static double logSubExp(double u, double v) {
    if (u < v) {
      return Double.NaN;
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    if (u == v) {
      return Double.NEGATIVE_INFINITY;
    }
    double d = v - u;
    // ln(1 − eᵈ): log(−expm1(d)) is accurate near 0, log1p(−exp(d)) far from it
    return u + (d > -0.6931471805599453 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
  }
}
