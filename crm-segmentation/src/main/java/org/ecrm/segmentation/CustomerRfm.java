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
 */
public record CustomerRfm(long customer, int recencyDays, long frequency, long monetaryMinor, int r, int f,
    int m, String segment) {
}
