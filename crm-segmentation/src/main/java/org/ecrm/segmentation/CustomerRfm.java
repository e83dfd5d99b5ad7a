package org.ecrm.segmentation;

/**
 * One customer's RFM values and scores.
 *
 * @param customer the customer key
 * @param recencyDays days from the last purchase to the as-of date (0 when bought on the as-of date)
 * @param frequency the frequency per {@link FrequencyMode}
 * @param monetaryMinor the monetary value per {@link MonetaryMode}, in minor units
 * @param r recency score 1..n
 * @param f frequency score 1..n
 * @param m monetary score 1..n
 * @param segment the segment name ("Others" when no rule matched)
 * @param customerId the customer's id as the host has it ({@code C-0042}), or the key's digits for a
 *     numeric id
 */
public record CustomerRfm(long customer, int recencyDays, long frequency, long monetaryMinor, int r, int f,
    int m, String segment, String customerId) {
  /** Checks the components. */
  public CustomerRfm {
    java.util.Objects.requireNonNull(segment, "segment");
    java.util.Objects.requireNonNull(customerId, "customerId");
  }
}
