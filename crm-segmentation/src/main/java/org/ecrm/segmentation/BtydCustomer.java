package org.ecrm.segmentation;

import java.math.BigDecimal;

/**
 * One customer's customer-base summary, as lifetimes' {@code summary_data_from_transaction_data} (and,
 * with a holdout, {@code calibration_and_holdout_data}) gives it.
 *
 * @param customer the customer key
 * @param frequency repeat purchase days in the calibration period (purchase days − 1)
 * @param recency time from the first to the last purchase day, in the summary's unit
 * @param t time from the first purchase day to the calibration end, in the unit
 * @param monetaryValue mean of the per-day totals of the repeat purchase days (first day excluded), in
 *     major currency units, exact to 6 more digits than the currency has (half-even); 0 when frequency is 0
 * @param frequencyHoldout purchase days in the holdout period (0 without a holdout)
 * @param monetaryValueHoldout mean of the holdout per-day totals (0 when none)
 * @param customerId the customer's id as the host has it ({@code C-0042}), or the key's digits for a
 *     numeric id
 */
public record BtydCustomer(long customer, int frequency, double recency, double t, BigDecimal monetaryValue,
    int frequencyHoldout, BigDecimal monetaryValueHoldout, String customerId) {
  /** Checks the components. */
  public BtydCustomer {
    java.util.Objects.requireNonNull(monetaryValue, "monetaryValue");
    java.util.Objects.requireNonNull(monetaryValueHoldout, "monetaryValueHoldout");
    java.util.Objects.requireNonNull(customerId, "customerId");
  }

  /**
   * A row for a numeric customer id: {@code customerId} is the key's digits.
   *
   * @param customer the customer key
   * @param frequency repeat purchase days in the calibration period
   * @param recency time from the first to the last purchase day
   * @param t time from the first purchase day to the calibration end
   * @param monetaryValue mean of the per-day totals of the repeat purchase days
   * @param frequencyHoldout purchase days in the holdout period
   * @param monetaryValueHoldout mean of the holdout per-day totals
   */
  public BtydCustomer(long customer, int frequency, double recency, double t, BigDecimal monetaryValue,
      int frequencyHoldout, BigDecimal monetaryValueHoldout) {
    this(customer, frequency, recency, t, monetaryValue, frequencyHoldout, monetaryValueHoldout,
        Long.toString(customer));
  }
}
