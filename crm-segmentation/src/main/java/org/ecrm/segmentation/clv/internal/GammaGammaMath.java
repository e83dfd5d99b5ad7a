package org.ecrm.segmentation.clv.internal;

import static org.ecrm.segmentation.clv.internal.Special.logGamma;

/**
 * Gamma-Gamma spend model formulas (Fader, Hardie &amp; Lee 2005, "RFM and CLV", and Fader &amp; Hardie's
 * note on the Gamma-Gamma model): the density of the mean repeat spend z̄ of a customer with x repeat
 * purchases. Stateless and thread-safe.
 */
public final class GammaGammaMath {
  private GammaGammaMath() {}

  /** Log-likelihood of one repeat customer's mean spend {@code m} over {@code x} transactions. */
  public static double logLikelihood(double p, double q, double gamma, double x, double m) {
    double px = p * x;
    return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma)
        + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + gamma);
  }

  /** Weighted sum of the log-likelihoods of the rows (repeat customers only). */
  public static double logLikelihood(double p, double q, double gamma, SummaryRows rows) {
    int k = rows.distinctFrequencies();
    double[] head = new double[k];
    double common = -logGamma(q) + q * Math.log(gamma);
    for (int j = 0; j < k; j++) {
      double px = p * rows.distinctX(j);
      head[j] = common + logGamma(px + q) - logGamma(px) + px * Math.log(rows.distinctX(j));
    }
    double sum = 0;
    for (int i = 0, n = rows.size(); i < n; i++) {
      double x = rows.x(i);
      double m = rows.monetary(i);
      double px = p * x;
      sum += rows.weight(i)
          * (head[rows.xIndex(i)] + (px - 1) * Math.log(m) - (px + q) * Math.log(x * m + gamma));
    }
    return sum;
  }

  /** E[Z | x, z̄]: the credibility-weighted mix of the population mean pγ/(q − 1) and z̄. */
  public static double conditionalExpectedAverageProfit(
      double p, double q, double gamma, double x, double m) {
    double populationMean = p * gamma / (q - 1);
    double individualWeight = p * x / (p * x + q - 1);
    return (1 - individualWeight) * populationMean + individualWeight * m;
  }
}
