package org.ecrm.segmentation;

import org.ecrm.core.model.Money;

/**
 * Size and revenue of one segment.
 *
 * @param segment the name
 * @param customers customers in it
 * @param revenue the sum of their monetary values (the sum mode's total spend, refunds netted)
 * @param shareOfCustomers customers / all scored customers (0 for an empty result)
 */
public record SegmentSummary(String segment, int customers, Money revenue, double shareOfCustomers) {
}
