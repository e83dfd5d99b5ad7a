package org.ecrm.segmentation;

/**
 * How a metric becomes a score 1..n (n = bins, higher is better).
 *
 * <ul>
 *   <li>{@link #NTILE}: equal-sized bins exactly as SQL {@code NTILE(n) OVER (ORDER BY metric, customer)}:
 *       customers sorted by the metric (recency by days descending, i.e. the oldest last purchase first;
 *       frequency and monetary ascending), ties broken by customer key ascending; with c customers the
 *       first {@code c % n} bins hold {@code c/n + 1} rows, the others {@code c/n}; with fewer customers
 *       than bins, each customer gets its own bin 1..c.</li>
 *   <li>{@link #QUANTILE}: R-style quantile breaks where equal values share a bin. The inner breaks are the
 *       type-7 quantiles {@code q_k} at {@code k/n}, k = 1..n-1, of the metric over all customers
 *       (R's default {@code quantile}); score = 1 + the number of breaks {@code <=} the value, as R's
 *       {@code findInterval(x, breaks, all.inside = TRUE)}. For recency the score is reversed
 *       ({@code n + 1 -} that), so fewer days is better. Bins may be empty when values repeat.</li>
 *   <li>{@link #FIXED}: user thresholds, n-1 strictly ascending values per metric (days, count, minor
 *       units): score = 1 + the number of thresholds {@code <=} the value; for recency
 *       {@code n -} that number, so a recency below the first threshold scores n.</li>
 * </ul>
 */
public enum Binning {
  /** Equal-count bins by rank, ties broken by customer key (SQL {@code NTILE}). */
  NTILE,
  /** Bins cut at the quantiles of the values, equal values always in one bin. */
  QUANTILE,
  /** Bins cut at thresholds given by the caller. */
  FIXED
}
