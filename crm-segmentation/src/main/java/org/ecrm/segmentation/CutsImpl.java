package org.ecrm.segmentation;

import org.ecrm.segmentation.internal.util.Keys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Global cut points per dimension. NTILE: the key (order value, customer) of the first customer of each
 * score 2..k, so a customer's score is 1 + the boundaries at or below its key. QUANTILE and FIXED: the
 * value thresholds the single-JVM engine uses. Immutable.
 */
final class CutsImpl implements RfmCuts {
  private static final long serialVersionUID = 1L;
  private final LocalDate asOf;
  private final int bins;
  private final Binning binning;
  private final FrequencyMode frequencyMode;
  private final MonetaryMode monetaryMode;
  private final NonPositiveMonetary nonPositive;
  private final long customers;
  /** Per dimension: NTILE boundary order values, or the value thresholds. */
  private final long[][] hi;
  /** Per dimension: NTILE boundary customers (empty otherwise). */
  private final long[][] lo;
  private final List<List<BigDecimal>> reported;

  CutsImpl(RfmAnalysis a, long customers, long[][] hi, long[][] lo, List<List<BigDecimal>> reported) {
    this.asOf = a.asOf();
    this.bins = a.bins();
    this.binning = a.binning();
    this.frequencyMode = a.frequencyMode();
    this.monetaryMode = a.monetaryMode();
    this.nonPositive = a.nonPositiveMonetary();
    this.customers = customers;
    this.hi = hi;
    this.lo = lo;
    this.reported = List.copyOf(reported.stream().map(List::copyOf).toList());
  }

  @Override
  public long customers() {
    return customers;
  }

  @Override
  public List<BigDecimal> thresholds(Dimension d) {
    return reported.get(d.ordinal());
  }

  /**
   * Checks that {@code a} scores as the analysis these cuts were searched for.
   *
   * @throws IllegalArgumentException naming the first setting that differs
   */
  void check(RfmAnalysis a) {
    String diff = null;
    if (!a.asOf().equals(asOf)) {
      diff = "asOf " + asOf + " vs " + a.asOf();
    } else if (a.bins() != bins) {
      diff = "bins " + bins + " vs " + a.bins();
    } else if (a.binning() != binning) {
      diff = "binning " + binning + " vs " + a.binning();
    } else if (a.frequencyMode() != frequencyMode) {
      diff = "frequencyMode " + frequencyMode + " vs " + a.frequencyMode();
    } else if (a.monetaryMode() != monetaryMode) {
      diff = "monetaryMode " + monetaryMode + " vs " + a.monetaryMode();
    } else if (a.nonPositiveMonetary() != nonPositive) {
      diff = "nonPositiveMonetary " + nonPositive + " vs " + a.nonPositiveMonetary();
    } else if (binning == Binning.FIXED) {
      for (Dimension d : Dimension.values()) {
        if (!Arrays.equals(hi[d.ordinal()], a.thresholds(d).orElseThrow())) {
          diff = "thresholds of " + d;
          break;
        }
      }
    }
    if (diff != null) {
      throw new IllegalArgumentException("cuts belong to another analysis: " + diff);
    }
  }

  /** Scores one dimension of a part (rows in customer-key order). */
  void score(Dimension d, long[] order, long[] value, long[] keys, byte[] out) {
    long[] h = hi[d.ordinal()];
    if (binning != Binning.NTILE) {
      RfmEngine.scoreByThresholds(d, bins, h, value, out);
      return;
    }
    long[] l = lo[d.ordinal()];
    for (int row = 0; row < order.length; row++) {
      // boundaries ascend: 1 + those at or below (order, key)
      out[row] = (byte) (1 + Keys.above(h, l, order[row], keys[row]));
    }
  }

  @Override
  public String toString() {
    return "RfmCuts[asOf=" + asOf + ", binning=" + binning + ", bins=" + bins + ", customers=" + customers
        + ", thresholds=" + reported + "]";
  }
}
