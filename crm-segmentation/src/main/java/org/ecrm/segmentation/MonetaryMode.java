package org.ecrm.segmentation;

/** What RFM monetary measures. */
public enum MonetaryMode {
  /** The sum of all amounts, refunds included (so it can be zero or negative). */
  SUM,
  /**
   * The sum divided by the frequency, rounded half-even to a whole minor unit; scores use that rounded
   * value, so customers whose means differ by less than half a minor unit may tie.
   */
  MEAN
}
