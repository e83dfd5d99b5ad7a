package org.ecrm.segmentation;

/**
 * What happens to customers whose monetary value is zero or negative (refunds exceeding purchases).
 * Either way {@link RfmResult#nonPositiveMonetaryCount()} counts them.
 */
public enum NonPositiveMonetary {
  /** Scored like everyone else: they sort lowest on M (the SQL NTILE definition). The default. */
  SCORE,
  /** Left out of scoring and segments; they do not appear in the result. */
  EXCLUDE
}
