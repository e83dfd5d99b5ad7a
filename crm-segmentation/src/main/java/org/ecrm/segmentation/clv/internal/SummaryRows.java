package org.ecrm.segmentation.clv.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer summaries in columnar form with identical rows compressed into one weighted row, and the
 * distinct frequencies indexed so that per-frequency terms (the log-gamma ones) are computed once per
 * likelihood evaluation. Immutable after construction and thread-safe.
 */
public final class SummaryRows {
  private final double[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] monetary;
  private final double[] weight;
  private final int[] xIndex;
  private final double[] distinctX;
  private final double totalWeight;
  /** Distinct (x, t_x) and (x, T) pairs: the Pareto/NBD hypergeometric terms depend on nothing else. */
  private final int[] recencyPair;
  private final int[] agePair;
  private final double[][] recencyPairs;
  private final double[][] agePairs;

  private record Pair(double x, double t) {}

  private record Key(double x, double tx, double age, double monetary) {}

  private SummaryRows(Map<Key, Double> rows) {
    int n = rows.size();
    x = new double[n];
    tx = new double[n];
    age = new double[n];
    monetary = new double[n];
    weight = new double[n];
    xIndex = new int[n];
    Map<Double, Integer> xs = new HashMap<>();
    List<Double> distinct = new ArrayList<>();
    int i = 0;
    double total = 0;
    for (Map.Entry<Key, Double> e : rows.entrySet()) {
      Key k = e.getKey();
      x[i] = k.x();
      tx[i] = k.tx();
      age[i] = k.age();
      monetary[i] = k.monetary();
      weight[i] = e.getValue();
      total += weight[i];
      Integer idx = xs.get(k.x());
      if (idx == null) {
        idx = distinct.size();
        xs.put(k.x(), idx);
        distinct.add(k.x());
      }
      xIndex[i] = idx;
      i++;
    }
    distinctX = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    totalWeight = total;
    recencyPair = new int[n];
    agePair = new int[n];
    recencyPairs = pairs(x, tx, recencyPair);
    agePairs = pairs(x, age, agePair);
  }

  private static double[][] pairs(double[] x, double[] t, int[] index) {
    Map<Pair, Integer> seen = new HashMap<>();
    List<Pair> order = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      Pair p = new Pair(x[i], t[i]);
      Integer idx = seen.get(p);
      if (idx == null) {
        idx = order.size();
        seen.put(p, idx);
        order.add(p);
      }
      index[i] = idx;
    }
    double[][] out = new double[2][order.size()];
    for (int k = 0; k < order.size(); k++) {
      out[0][k] = order.get(k).x();
      out[1][k] = order.get(k).t();
    }
    return out;
  }

  /**
   * Compresses customer summaries given as columns, one entry per customer. {@code withMonetary} keeps the
   * monetary value in the row identity (spend model); otherwise only (frequency, recency, T) count.
   *
   * @param weights one positive weight per summary, or {@code null} for weight 1 each
   * @param repeatOnly keep only customers with frequency &gt; 0
   */
  public static SummaryRows of(
      double[] frequency,
      double[] recency,
      double[] age,
      double[] monetary,
      double @org.jspecify.annotations.Nullable [] weights,
      boolean withMonetary,
      boolean repeatOnly) {
    Map<Key, Double> rows = new LinkedHashMap<>();
    for (int i = 0; i < frequency.length; i++) {
      if (repeatOnly && frequency[i] == 0) {
        continue;
      }
      double w = weights == null ? 1.0 : weights[i];
      Key key = new Key(frequency[i], recency[i], age[i], withMonetary ? monetary[i] : 0);
      rows.merge(key, w, Double::sum);
    }
    return new SummaryRows(rows);
  }

  public int size() {
    return x.length;
  }

  public double totalWeight() {
    return totalWeight;
  }

  public double x(int i) {
    return x[i];
  }

  public double tx(int i) {
    return tx[i];
  }

  public double age(int i) {
    return age[i];
  }

  public double monetary(int i) {
    return monetary[i];
  }

  public double weight(int i) {
    return weight[i];
  }

  public int xIndex(int i) {
    return xIndex[i];
  }

  /** Number of distinct (x, t_x) pairs. */
  public int recencyPairs() {
    return recencyPairs[0].length;
  }

  /** Number of distinct (x, T) pairs. */
  public int agePairs() {
    return agePairs[0].length;
  }

  /** @return frequency (which = 0) or recency (which = 1) of distinct (x, t_x) pair k */
  public double recencyPair(int k, int which) {
    return recencyPairs[which][k];
  }

  /** @return frequency (which = 0) or age (which = 1) of distinct (x, T) pair k */
  public double agePair(int k, int which) {
    return agePairs[which][k];
  }

  /** @return the index of row i's (x, t_x) pair */
  public int recencyPairIndex(int i) {
    return recencyPair[i];
  }

  /** @return the index of row i's (x, T) pair */
  public int agePairIndex(int i) {
    return agePair[i];
  }

  public int distinctFrequencies() {
    return distinctX.length;
  }

  public double distinctX(int k) {
    return distinctX[k];
  }
}
