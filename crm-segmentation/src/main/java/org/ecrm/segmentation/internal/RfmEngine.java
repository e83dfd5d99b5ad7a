package org.ecrm.segmentation.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.ecrm.segmentation.Binning;
import org.ecrm.segmentation.Dimension;
import org.ecrm.segmentation.MonetaryMode;
import org.ecrm.segmentation.NonPositiveMonetary;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.ScoreBins;
import org.ecrm.segmentation.SegmentTable;

/** Scoring: metrics per customer, bins, segments. Stateless. */
public final class RfmEngine {
  private RfmEngine() {
  }

  public static RfmResult score(CustomerTable t, RfmAnalysis a) {
    long[] keysByIndex = t.keys();
    long[] distinct = t.distinctDays() ? t.distinctDayCounts() : null;
    int total = keysByIndex.length;
    // metric per dense index, then keep the scored ones
    long[] freqIdx = new long[total];
    long[] monIdx = new long[total];
    boolean[] keep = new boolean[total];
    int kept = 0;
    int nonPositive = 0;
    for (int i = 0; i < total; i++) {
      long c = t.count(i);
      if (c == 0) {
        continue; // only rejected rows
      }
      long f = distinct != null ? distinct[i] : c;
      long m = a.monetaryMode() == MonetaryMode.SUM ? t.sum(i) : meanHalfEven(t.sum(i), f);
      freqIdx[i] = f;
      monIdx[i] = m;
      if (m <= 0) {
        nonPositive++;
        if (a.nonPositiveMonetary() == NonPositiveMonetary.EXCLUDE) {
          continue;
        }
      }
      keep[i] = true;
      kept++;
    }
    long[] keys = new long[kept];
    int k = 0;
    for (int i = 0; i < total; i++) {
      if (keep[i]) {
        keys[k++] = keysByIndex[i];
      }
    }
    Arrays.sort(keys);
    int n = kept;
    int[] rec = new int[n];
    long[] freq = new long[n];
    long[] mon = new long[n];
    long[] lastNeg = new long[n];
    int asOfDay = t.asOfDay();
    for (int row = 0; row < n; row++) {
      int i = t.indexOf(keys[row]);
      rec[row] = asOfDay - t.lastDay(i);
      freq[row] = freqIdx[i];
      mon[row] = monIdx[i];
      lastNeg[row] = -(long) rec[row];
    }
    int bins = a.bins();
    List<ScoreBins> allBins = new ArrayList<>();
    byte[] r = new byte[n];
    byte[] f = new byte[n];
    byte[] m = new byte[n];
    long[] recLong = new long[n];
    for (int row = 0; row < n; row++) {
      recLong[row] = rec[row];
    }
    allBins.add(scoreDimension(Dimension.RECENCY, a, recLong, lastNeg, r));
    allBins.add(scoreDimension(Dimension.FREQUENCY, a, freq, freq, f));
    allBins.add(scoreDimension(Dimension.MONETARY, a, mon, mon, m));
    SegmentTable table = a.segmentTable();
    byte[] seg = new byte[n];
    for (int row = 0; row < n; row++) {
      seg[row] = (byte) table.segmentIndex(r[row], f[row], m[row]);
    }
    Currency currency = t.currency().orElseGet(() -> a.currency().orElse(Currency.getInstance("XXX")));
    return new RfmResultImpl(a, currency, keys, rec, freq, mon, r, f, m, seg, allBins, t.excludedAfterAsOf(),
        nonPositive, t.rejections(), t.skipped());
  }

  static long meanHalfEven(long sum, long count) {
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /**
   * Scores one dimension into {@code out}. {@code value} is the metric as reported (days, count, minor
   * units); {@code order} is what higher scores follow (for recency: minus days).
   */
  private static ScoreBins scoreDimension(Dimension d, RfmAnalysis a, long[] value, long[] order, byte[] out) {
    int bins = a.bins();
    int n = value.length;
    List<BigDecimal> thresholds = new ArrayList<>();
    switch (a.binning()) {
      case NTILE -> {
        int[] byPos = sortedRows(order);
        for (int p = 0; p < n; p++) {
          out[byPos[p]] = (byte) Ntile.score(p, n, bins);
        }
      }
      case QUANTILE -> {
        long[] v = value.clone();
        Arrays.sort(v);
        long[] t = new long[bins - 1];
        int tn = 0;
        for (int q = 1; q < bins && n > 0; q++) {
          long h = (long) (n - 1) * q;
          int j = (int) (h / bins);
          long rem = h % bins;
          thresholds.add(rem == 0 ? BigDecimal.valueOf(v[j]) : BigDecimal.valueOf(v[j]).add(
              BigDecimal.valueOf(v[j + 1]).subtract(BigDecimal.valueOf(v[j])).multiply(BigDecimal.valueOf(rem))
                  .divide(BigDecimal.valueOf(bins), 6, RoundingMode.HALF_EVEN)).stripTrailingZeros());
          // first sorted value >= q_k, exactly: x*bins >= v[j]*bins + rem*(v[j+1]-v[j])
          BigInteger rhs = BigInteger.valueOf(v[j]).multiply(BigInteger.valueOf(bins));
          if (rem != 0) {
            rhs = rhs.add(BigInteger.valueOf(rem).multiply(
                BigInteger.valueOf(v[j + 1]).subtract(BigInteger.valueOf(v[j]))));
          }
          int lo = 0;
          int hi = n;
          while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (BigInteger.valueOf(v[mid]).multiply(BigInteger.valueOf(bins)).compareTo(rhs) >= 0) {
              hi = mid;
            } else {
              lo = mid + 1;
            }
          }
          t[tn++] = lo < n ? v[lo] : Long.MAX_VALUE;
          if (lo == n) {
            t[tn - 1] = Long.MAX_VALUE; // no value reaches the break
          }
        }
        for (int row = 0; row < n; row++) {
          int c = countAtMost(t, tn, value[row]);
          out[row] = (byte) (d == Dimension.RECENCY ? bins - c : 1 + c);
        }
      }
      case FIXED -> {
        long[] t = a.thresholds(d).orElseThrow();
        for (long x : t) {
          thresholds.add(BigDecimal.valueOf(x));
        }
        for (int row = 0; row < n; row++) {
          int c = countAtMost(t, t.length, value[row]);
          out[row] = (byte) (d == Dimension.RECENCY ? bins - c : 1 + c);
        }
      }
      default -> throw new IllegalStateException("unknown binning " + a.binning());
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
      if (a.binning() == Binning.NTILE && s >= 2 && cnt[s] > 0) {
        thresholds.add(BigDecimal.valueOf(d == Dimension.RECENCY ? max[s] : min[s]));
      }
    }
    return new ScoreBins(d, a.binning(), thresholds, list);
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
      Arrays.sort(packed);
      long mask = (1L << rowBits) - 1;
      for (int p = 0; p < n; p++) {
        out[p] = (int) (packed[p] & mask);
      }
      return out;
    }
    // Rare: the metric spans too much to pack with the row; sort row indices (per customer, not per row).
    Integer[] rows = new Integer[n];
    for (int row = 0; row < n; row++) {
      rows[row] = row;
    }
    Arrays.sort(rows, (x, y) -> {
      int c = Long.compare(order[x], order[y]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    for (int p = 0; p < n; p++) {
      out[p] = rows[p];
    }
    return out;
  }
}
