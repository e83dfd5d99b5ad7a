package org.ecrm.segmentation;

/** What RFM frequency counts. */
public enum FrequencyMode {
  /** Every transaction counts, refunds included (the SQL {@code count(*)} definition). */
  TRANSACTIONS,
  /** Distinct purchase days: several transactions on one day count once. */
  DISTINCT_DAYS
}
