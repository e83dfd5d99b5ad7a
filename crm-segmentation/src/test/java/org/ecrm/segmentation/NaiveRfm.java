package org.ecrm.segmentation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The obviously-correct reference: maps, boxed values, comparator sorts, textbook formulas. */
final class NaiveRfm {
  record Row(long id, long recency, long frequency, long monetary, int r, int f, int m) {
  }

  static Map<Long, Row> compute(long[] customers, int[] days, long[] cents, int asOfDay, int bins,
      Binning binning, boolean distinctDays, boolean mean, long[][] fixed) {
    Map<Long, long[]> agg = new TreeMap<>();
    Map<Long, Set<Integer>> dayset = new HashMap<>();
    for (int i = 0; i < customers.length; i++) {
      if (days[i] > asOfDay) {
        continue;
      }
      long[] a = agg.computeIfAbsent(customers[i], k -> new long[] {Long.MIN_VALUE, 0, 0});
      a[0] = Math.max(a[0], days[i]);
      a[1]++;
      a[2] += cents[i];
      dayset.computeIfAbsent(customers[i], k -> new HashSet<>()).add(days[i]);
    }
    List<long[]> rows = new ArrayList<>();
    for (var e : agg.entrySet()) {
      long id = e.getKey();
      long[] a = e.getValue();
      long freq = distinctDays ? dayset.get(id).size() : a[1];
      long mon = mean ? BigDecimal.valueOf(a[2]).divide(BigDecimal.valueOf(freq), 0, RoundingMode.HALF_EVEN)
          .longValueExact() : a[2];
      rows.add(new long[] {id, asOfDay - a[0], freq, mon, 0, 0, 0});
    }
    int n = rows.size();
    for (int d = 0; d < 3; d++) {
      final int col = d + 1;
      final int sc = d + 4;
      switch (binning) {
        case NTILE -> {
          List<long[]> sorted = new ArrayList<>(rows);
          Comparator<long[]> byMetric = d == 0
              ? Comparator.comparingLong((long[] x) -> -x[col]) : Comparator.comparingLong((long[] x) -> x[col]);
          sorted.sort(byMetric.thenComparingLong(x -> x[0]));
          // textbook NTILE: bucket sizes, first n % k buckets one larger
          int k = Math.min(bins, n);
          int pos = 0;
          for (int b = 1; b <= k; b++) {
            int size = n / k + (b <= n % k ? 1 : 0);
            for (int j = 0; j < size; j++) {
              sorted.get(pos++)[sc] = b;
            }
          }
        }
        case QUANTILE -> {
          double[] v = rows.stream().mapToDouble(x -> x[col]).sorted().toArray();
          for (long[] x : rows) {
            int c = 0;
            for (int q = 1; q < bins; q++) {
              // R type 7, computed with BigDecimal to stay exact
              BigDecimal h = BigDecimal.valueOf((long) (n - 1) * q).divide(BigDecimal.valueOf(bins), 30,
                  RoundingMode.FLOOR); // floor: a non-integer q is >= 1/bins away from any integer
              int j = h.intValue();
              BigDecimal frac = h.subtract(BigDecimal.valueOf(j));
              BigDecimal qv = BigDecimal.valueOf((long) v[j]);
              if (frac.signum() > 0) {
                qv = qv.add(frac.multiply(BigDecimal.valueOf((long) v[j + 1] - (long) v[j])));
              }
              if (BigDecimal.valueOf(x[col]).compareTo(qv) >= 0) {
                c++;
              }
            }
            x[sc] = d == 0 ? bins - c : 1 + c;
          }
        }
        case FIXED -> {
          for (long[] x : rows) {
            int c = 0;
            for (long t : fixed[d]) {
              if (x[col] >= t) {
                c++;
              }
            }
            x[sc] = d == 0 ? bins - c : 1 + c;
          }
        }
      }
    }
    Map<Long, Row> out = new TreeMap<>();
    for (long[] x : rows) {
      out.put(x[0], new Row(x[0], x[1], x[2], x[3], (int) x[4], (int) x[5], (int) x[6]));
    }
    return out;
  }
}
