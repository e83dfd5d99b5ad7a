package org.ecrm.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Pareto / ABC analysis of customer value (the monetary value of an {@link RfmResult}). Customers are
 * sorted by value, highest first (ties by key); class A is the smallest top group whose value reaches
 * {@code limitA} (default 80 %) of the total, B continues up to {@code limitB} (default 95 %), C is the
 * rest. Customers with value ≤ 0 are always C and count as 0 in the shares, the Lorenz curve and the
 * Gini coefficient (which are defined for non-negative values).
 *
 * <p>Immutable and thread-safe.
 */
public final class Pareto {
  /** ABC class. */
  public enum AbcClass {
    /** The customers bringing the first share of the revenue (up to limit A). */
    A,
    /** The next share (up to limit B). */
    B,
    /** The rest. */
    C
  }

  /**
   * One point of the Lorenz curve (customers sorted by value ascending).
   *
   * @param customerShare the share of customers, 0..1
   * @param valueShare the share of value they hold, 0..1
   */
  public record LorenzPoint(double customerShare, double valueShare) {
  }

  private final long[] keys;
  private final byte[] classes;
  private final int[] classCounts = new int[3];
  private final double gini;
  private final List<LorenzPoint> lorenz;
  private final double limitA;
  private final double limitB;

  private Pareto(RfmResult result, double limitA, double limitB) {
    this.limitA = limitA;
    this.limitB = limitB;
    int n = result.size();
    keys = new long[n];
    long[] value = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      keys[i] = result.customer(i);
      value[i] = Math.max(0, result.monetaryMinor(i));
      total = Math.addExact(total, value[i]);
    }
    // order by value descending, key ascending (rows are in key order, so a stable sort keeps that)
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Long.compare(value[y], value[x]));
    classes = new byte[n];
    long cum = 0;
    for (int p = 0; p < n; p++) {
      int i = order[p];
      double before = total == 0 ? 1 : (double) cum / total;
      AbcClass c = value[i] <= 0 ? AbcClass.C : before < limitA ? AbcClass.A : before < limitB ? AbcClass.B
          : AbcClass.C;
      classes[i] = (byte) c.ordinal();
      classCounts[c.ordinal()]++;
      cum += value[i];
    }
    // Lorenz: ascending
    List<LorenzPoint> pts = new ArrayList<>(n + 1);
    pts.add(new LorenzPoint(0, 0));
    double area = 0;
    long acc = 0;
    double prevY = 0;
    for (int p = n - 1; p >= 0; p--) {
      acc += value[order[p]];
      double y = total == 0 ? (double) (n - p) / n : (double) acc / total;
      pts.add(new LorenzPoint((double) (n - p) / n, y));
      area += (y + prevY) / n;
      prevY = y;
    }
    lorenz = List.copyOf(pts);
    gini = n == 0 ? 0 : 1 - area;
  }

  /** ABC with the default limits 80 % / 95 %. */
  public static Pareto of(RfmResult result) {
    return of(result, 0.8, 0.95);
  }

  /**
   * ABC with the given limits.
   *
   * @throws IllegalArgumentException unless {@code 0 < limitA < limitB <= 1}
   */
  public static Pareto of(RfmResult result, double limitA, double limitB) {
    Objects.requireNonNull(result, "result");
    if (!(limitA > 0 && limitA < limitB && limitB <= 1)) {
      throw new IllegalArgumentException("limits must satisfy 0 < limitA < limitB <= 1: " + limitA + ", "
          + limitB);
    }
    return new Pareto(result, limitA, limitB);
  }

  /** The class of {@code customer}, if it is in the result. */
  public java.util.Optional<AbcClass> classOf(long customer) {
    int i = Arrays.binarySearch(keys, customer);
    return i < 0 ? java.util.Optional.empty() : java.util.Optional.of(AbcClass.values()[classes[i]]);
  }

  /** How many customers are in {@code c}. */
  public int count(AbcClass c) {
    return classCounts[c.ordinal()];
  }

  /** The share of customers in class A: those who make {@code limitA} of the value (the "20 %" of 80/20). */
  public double shareOfCustomersForLimitA() {
    return keys.length == 0 ? 0 : (double) classCounts[0] / keys.length;
  }

  /** Lorenz curve points, (0,0) to (1,1), one per customer. */
  public List<LorenzPoint> lorenzCurve() {
    return lorenz;
  }

  /** The Gini coefficient of the (non-negative) values, 0 = equal, towards 1 = concentrated. */
  public double gini() {
    return gini;
  }

  /**
   * The cumulative revenue share that ends class A.
   *
   * @return the limit, in (0, 1]
   */
  public double limitA() {
    return limitA;
  }

  /**
   * The cumulative revenue share that ends class B.
   *
   * @return the limit, in (0, 1]
   */
  public double limitB() {
    return limitB;
  }

  /** Row index helper for callers iterating the result: the class at a result row. */
  public AbcClass classAt(int row) {
    return AbcClass.values()[classes[Objects.checkIndex(row, classes.length)]];
  }

}
