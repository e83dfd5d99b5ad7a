package org.ecrm.segmentation.clv;

/**
 * One customer's BTYD summary over a calibration period, the input of every model here.
 *
 * <p>All times are in one unit of the caller's choice (weeks for CDNOW) and the predictions come back in
 * the same unit. Immutable and thread-safe.
 *
 * @param frequency number of repeat purchase periods (purchases on the same day count once), a whole
 *     number ≥ 0
 * @param recency time from the first to the last purchase, 0 when {@code frequency} is 0
 * @param t the customer's age T: time from the first purchase to the end of the calibration period,
 *     ≥ {@code recency}
 * @param monetary mean value of the repeat purchases in the currency's major unit (0 allowed when
 *     {@code frequency} is 0; only the Gamma-Gamma model reads it)
 */
public record CustomerSummary(double frequency, double recency, double t, double monetary) {

  /**
   * Validates the summary.
   *
   * @throws IllegalArgumentException naming the field and the value when a component is not finite,
   *     negative, {@code frequency} is not whole, {@code recency > t}, or {@code frequency == 0} with
   *     {@code recency > 0}
   */
  public CustomerSummary {
    requireNonNegative("frequency", frequency);
    requireNonNegative("recency", recency);
    requireNonNegative("t", t);
    requireNonNegative("monetary", monetary);
    if (frequency != Math.rint(frequency)) {
      throw new IllegalArgumentException("frequency must be a whole number: " + frequency);
    }
    if (recency > t) {
      throw new IllegalArgumentException(
          "recency must not exceed t: recency=" + recency + ", t=" + t);
    }
    if (frequency == 0 && recency != 0) {
      throw new IllegalArgumentException(
          "recency must be 0 when frequency is 0 (no repeat purchase): recency=" + recency);
    }
  }

  /**
   * A summary without spend, for the purchase models.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static CustomerSummary of(double frequency, double recency, double t) {
    return new CustomerSummary(frequency, recency, t, 0);
  }

  private static void requireNonNegative(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite: " + value);
    }
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }
}
