package org.ecrm.segmentation;

import org.ecrm.segmentation.internal.Engine;
import org.ecrm.segmentation.internal.Ntile;
import org.ecrm.segmentation.engine.internal.CustomerTable;
import org.ecrm.segmentation.internal.util.RadixSort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.jspecify.annotations.Nullable;

/** Scoring: metrics per customer, bins, segments. Stateless. */
final class RfmEngine {
  /** Customers from which the three dimensions are scored in parallel. */
  private static final int PARALLEL_MIN = 1 << 15;

  private RfmEngine() {
  }

  /**
   * {@code accumulator} as a table of analysis {@code a}.
   *
   * @throws IllegalArgumentException if it is not this library's or belongs to another analysis
   */
  public static CustomerTable table(RfmAccumulator accumulator, RfmAnalysis a) {
    java.util.Objects.requireNonNull(accumulator, "accumulator");
    CustomerTable t = Engine.ACCESS.table(accumulator);
    if (t == null) {
      throw new IllegalArgumentException("accumulator must come from RfmAnalysis.newAccumulator(): "
          + accumulator.getClass().getName());
    }
    if (!t.asOf().equals(a.asOf()) || t.distinctDays() != (a.frequencyMode() == FrequencyMode.DISTINCT_DAYS)) {
      throw new IllegalArgumentException("accumulator belongs to another analysis (as-of " + t.asOf()
          + ", distinct days " + t.distinctDays() + ")");
    }
    return t;
  }

  /** Scores {@code accumulator}, which must belong to analysis {@code a}. */
  public static RfmResult score(RfmAccumulator accumulator, RfmAnalysis a) {
    CustomerTable t = table(accumulator, a);
    return score(accumulator, a, metrics(t, a), null);
  }

  /**
   * Scores the customers of {@code t} (one part of a customer base split by customer) against global
   * {@code cuts}: each customer gets the score it would get in the whole base; the bins count this part.
   */
  public static RfmResult score(RfmAccumulator part, RfmAnalysis a, CutsImpl cuts) {
    CustomerTable t = table(part, a);
    cuts.check(a);
    return score(part, a, metrics(t, a), cuts);
  }

  /**
   * The scored population of a table, in customer-key order (the NTILE tie-break): key and the metric
   * of each dimension, as reported and as ordered for higher scores.
   */
  record Metrics(long[] keys, int[] rec, long[] recDays, long[] recOrder, long[] freq, long[] mon, int nonPositive,
      java.util.Map<Long, String> ids) {
    int size() {
      return keys.length;
    }

    /** The values a dimension is ordered by for NTILE (higher score later). */
    long[] order(Dimension d) {
      return switch (d) {
        case RECENCY -> recOrder;
        case FREQUENCY -> freq;
        case MONETARY -> mon;
      };
    }

    /** The metric as reported (days, count, minor units). */
    long[] value(Dimension d) {
      return switch (d) {
        case RECENCY -> recDays;
        case FREQUENCY -> freq;
        case MONETARY -> mon;
      };
    }
  }

  static Metrics metrics(CustomerTable t, RfmAnalysis a) {
    CustomerTable.Columns cols = t.columns();
    long[] keysAll = cols.keys();
    long[] sums = cols.sums();
    long[] counts = cols.counts();
    long[] distinct = t.distinctDays() ? cols.distinctDays() : null;
    int total = keysAll.length;
    boolean mean = a.monetaryMode() == MonetaryMode.MEAN;
    boolean exclude = a.nonPositiveMonetary() == NonPositiveMonetary.EXCLUDE;
    // metric per entry, then keep the scored ones
    long[] freqAll = distinct != null ? distinct : counts;
    long[] monAll = mean ? new long[total] : sums;
    long[] keys = new long[total];
    int[] index = new int[total];
    int kept = 0;
    int nonPositive = 0;
    for (int i = 0; i < total; i++) {
      long c = counts[i];
      if (c == 0) {
        continue; // only rejected rows
      }
      long m = mean ? (monAll[i] = meanHalfEven(sums[i], freqAll[i])) : sums[i];
      if (m <= 0) {
        nonPositive++;
        if (exclude) {
          continue;
        }
      }
      keys[kept] = keysAll[i];
      index[kept++] = i;
    }
    RadixSort.sort(keys, index, kept); // customer-key order, the NTILE tie-break
    int n = kept;
    if (n < total) {
      keys = java.util.Arrays.copyOf(keys, n);
    }
    int[] rec = new int[n];
    long[] recLong = new long[n];
    long[] lastNeg = new long[n];
    long[] freq = new long[n];
    long[] mon = new long[n];
    int asOfDay = t.asOfDay();
    int[] lasts = cols.lastDays();
    for (int row = 0; row < n; row++) {
      int i = index[row];
      int days = asOfDay - lasts[i];
      rec[row] = days;
      recLong[row] = days;
      lastNeg[row] = -(long) days;
      freq[row] = freqAll[i];
      mon[row] = monAll[i];
    }
    return new Metrics(keys, rec, recLong, lastNeg, freq, mon, nonPositive, cols.ids());
  }

  private static RfmResult score(RfmAccumulator t, RfmAnalysis a, Metrics x, @Nullable CutsImpl cuts) {
    int n = x.size();
    byte[] r = new byte[n];
    byte[] f = new byte[n];
    byte[] m = new byte[n];
    ScoreBins[] dims = new ScoreBins[3];
    if (a.parallelism() > 1 && n >= PARALLEL_MIN) {
      ForkJoinTask<?> rf = ForkJoinTask.adapt(() -> {
        dims[0] = scoreDimension(Dimension.RECENCY, a, x, cuts, r);
        dims[1] = scoreDimension(Dimension.FREQUENCY, a, x, cuts, f);
      }).fork();
      dims[2] = scoreDimension(Dimension.MONETARY, a, x, cuts, m);
      rf.join();
    } else {
      dims[0] = scoreDimension(Dimension.RECENCY, a, x, cuts, r);
      dims[1] = scoreDimension(Dimension.FREQUENCY, a, x, cuts, f);
      dims[2] = scoreDimension(Dimension.MONETARY, a, x, cuts, m);
    }
    List<ScoreBins> allBins = List.of(dims);
    SegmentTable table = a.segmentTable();
    byte[] seg = new byte[n];
    for (int row = 0; row < n; row++) {
      seg[row] = (byte) table.segmentIndex(r[row], f[row], m[row]);
    }
    Currency currency = t.currency().orElseGet(() -> a.currency().orElse(Currency.getInstance("XXX")));
    return new RfmResultImpl(a, currency, x.keys(), x.ids(), x.rec(), x.freq(), x.mon(), r, f, m, seg, allBins,
        t.excludedAfterAsOf(), x.nonPositive(), t.rejections(), t.skipped());
  }

  static long meanHalfEven(long sum, long count) {
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /**
   * Scores one dimension into {@code out}, locally (this population is the whole base) or against
   * global {@code cuts}.
   */
  private static ScoreBins scoreDimension(Dimension d, RfmAnalysis a, Metrics x, @Nullable CutsImpl cuts,
      byte[] out) {
    int bins = a.bins();
    long[] value = x.value(d);
    int n = value.length;
    List<BigDecimal> thresholds = new ArrayList<>();
    if (cuts != null) {
      cuts.score(d, x.order(d), value, x.keys(), out);
      thresholds.addAll(cuts.thresholds(d));
    } else {
      switch (a.binning()) {
        case NTILE -> ntile(x.order(d), bins, out);
        case QUANTILE -> {
          long[] v = value.clone();
          Arrays.sort(v);
          long[] t = new long[n > 0 ? bins - 1 : 0];
          for (int q = 1; q < bins && n > 0; q++) {
            long h = (long) (n - 1) * q;
            int j = (int) (h / bins);
            long rem = h % bins;
            long next = rem == 0 ? v[j] : v[j + 1];
            thresholds.add(quantileBreak(v[j], next, rem, bins));
            t[q - 1] = quantileEdge(v[j], next, rem);
          }
          scoreByThresholds(d, bins, t, value, out);
        }
        case FIXED -> {
          long[] t = a.thresholds(d).orElseThrow();
          for (long v : t) {
            thresholds.add(BigDecimal.valueOf(v));
          }
          scoreByThresholds(d, bins, t, value, out);
        }
        default -> throw new IllegalStateException("unknown binning " + a.binning());
      }
    }
    int[] cnt = new int[bins + 1];
    long[] min = new long[bins + 1];
    long[] max = new long[bins + 1];
    Arrays.fill(min, Long.MAX_VALUE);
    Arrays.fill(max, Long.MIN_VALUE);
    for (int row = 0; row < n; row++) {
      int s = out[row];
      cnt[s]++;
      min[s] = Math.min(min[s], value[row]);
      max[s] = Math.max(max[s], value[row]);
    }
    List<ScoreBins.Bin> list = new ArrayList<>();
    for (int s = 1; s <= bins; s++) {
      list.add(new ScoreBins.Bin(s, cnt[s], cnt[s] == 0 ? 0 : min[s], cnt[s] == 0 ? 0 : max[s]));
      if (cuts == null && a.binning() == Binning.NTILE && s >= 2 && cnt[s] > 0) {
        thresholds.add(BigDecimal.valueOf(d == Dimension.RECENCY ? max[s] : min[s]));
      }
    }
    return new ScoreBins(d, a.binning(), thresholds, list);
  }

  /**
   * The type-7 quantile break between sorted values {@code vj} (position j) and {@code next} (j + 1,
   * or {@code vj} when {@code rem} is 0) at fraction {@code rem / bins} between them.
   */
  static BigDecimal quantileBreak(long vj, long next, long rem, int bins) {
    return rem == 0 ? BigDecimal.valueOf(vj) : BigDecimal.valueOf(vj).add(
        BigDecimal.valueOf(next).subtract(BigDecimal.valueOf(vj)).multiply(BigDecimal.valueOf(rem))
            .divide(BigDecimal.valueOf(bins), 6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /**
   * The first sorted value at or above that break: the break lies in [vj, next], so it is vj when the
   * break is vj itself, else next.
   */
  static long quantileEdge(long vj, long next, long rem) {
    return rem == 0 || vj == next ? vj : next;
  }

  /** Score = 1 + thresholds {@code <=} value (recency: bins - that). */
  static void scoreByThresholds(Dimension d, int bins, long[] t, long[] value, byte[] out) {
    for (int row = 0; row < value.length; row++) {
      int c = countAtMost(t, t.length, value[row]);
      out[row] = (byte) (d == Dimension.RECENCY ? bins - c : 1 + c);
    }
  }

  /**
   * NTILE scores of rows ordered by (order, row). A metric with a small range (recency in days,
   * frequency) is ranked by counting, in two sequential passes; others are sorted.
   */
  static void ntile(long[] order, int bins, byte[] out) {
    int n = order.length;
    if (n == 0) {
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long v : order) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long range = max - min;
    if (range >= 0 && range <= Math.max(1 << 16, 2L * n)) {
      int[] next = new int[(int) range + 2];
      for (long v : order) {
        next[(int) (v - min) + 1]++;
      }
      for (int v = 1; v < next.length; v++) {
        next[v] += next[v - 1];
      }
      for (int row = 0; row < n; row++) {
        out[row] = (byte) Ntile.score(next[(int) (order[row] - min)]++, n, bins);
      }
      return;
    }
    int[] byPos = sortedRows(order);
    for (int p = 0; p < n; p++) {
      out[byPos[p]] = (byte) Ntile.score(p, n, bins);
    }
  }

  /** Thresholds t[0..tn) ascending: how many are <= x. */
  private static int countAtMost(long[] t, int tn, long x) {
    int c = 0;
    while (c < tn && t[c] <= x) {
      c++;
    }
    return c;
  }

  /** Rows sorted by (order ascending, row ascending); rows are in customer-key order. */
  static int[] sortedRows(long[] order) {
    int n = order.length;
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long v : order) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    int rowBits = Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1));
    long range = max - min;
    if (range >= 0 && (range >>> (63 - rowBits)) == 0) {
      long[] packed = new long[n];
      for (int row = 0; row < n; row++) {
        packed[row] = ((order[row] - min) << rowBits) | row;
      }
      RadixSort.sort(packed, n);
      long mask = (1L << rowBits) - 1;
      for (int p = 0; p < n; p++) {
        out[p] = (int) (packed[p] & mask);
      }
      return out;
    }
    // Rare: the metric spans too much to pack with the row; a stable sort of (metric, row) pairs.
    long[] values = order.clone();
    for (int row = 0; row < n; row++) {
      out[row] = row;
    }
    RadixSort.sort(values, out, n);
    return out;
  }
}
