package org.ecrm.segmentation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The rfm-peers generator's algorithm (shared/bench/rfm-peers/src/main/java/rfm/Gen.java), rewritten to
 * fill columns: same splitmix64 stream, same distribution, same rows in the same order.
 */
public final class BenchData {
  public final long[] customers;
  public final int[] days;
  public final long[] cents;

  private long state;

  private BenchData(int n, long seed) {
    state = seed;
    int c = Math.max(1, Math.min(n, n / 20 + 3));
    int[] perm = new int[c];
    for (int i = 0; i < c; i++) {
      perm[i] = i;
    }
    for (int i = c - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    long[] ids = new long[c];
    for (int k = 0; k < c; k++) {
      ids[k] = 1_000_000_000L + 10L * perm[k] + nextInt(10);
    }
    double[] cum = new double[c];
    double s = 0;
    for (int k = 0; k < c; k++) {
      s += 1.0 / (k + 50.0);
      cum[k] = s;
    }
    int[] who = new int[n];
    for (int i = 0; i < c; i++) {
      who[i] = i;
    }
    for (int i = c; i < n; i++) {
      double u = nextDouble() * s;
      int lo = 0;
      int hi = c - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cum[mid] > u) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      who[i] = lo;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = who[i];
      who[i] = who[j];
      who[j] = t;
    }
    int start = (int) LocalDate.of(2022, 1, 1).toEpochDay();
    int span = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - start) + 1;
    customers = new long[n];
    days = new int[n];
    cents = new long[n];
    for (int i = 0; i < n; i++) {
      customers[i] = ids[who[i]];
      days[i] = start + nextInt(span);
      long v = Math.round(StrictMath.exp(3.5 + 1.0 * nextGaussian()) * 100.0);
      if (v < 1) {
        v = 1;
      }
      if (nextDouble() < 0.02) {
        v = -v;
      }
      cents[i] = v;
    }
  }

  /** N rows with the seed, as the bench generator makes them. */
  public static BenchData generate(int n, long seed) {
    return new BenchData(n, seed);
  }

  /** The bench as-of date: the day after the latest date. */
  public LocalDate asOf() {
    int max = Integer.MIN_VALUE;
    for (int d : days) {
      max = Math.max(max, d);
    }
    return LocalDate.ofEpochDay(max + 1L);
  }

  /** Writes the bench CSV layout. */
  public void writeCsv(Path file) throws IOException {
    writeCsv(file, "");
  }

  /** Writes the bench CSV layout with each customer id written as {@code idPrefix + key}. */
  public void writeCsv(Path file, String idPrefix) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("customer_id,date,amount\n");
      for (int i = 0; i < customers.length; i++) {
        long c = cents[i];
        String sign = c < 0 ? "-" : "";
        long a = Math.abs(c);
        w.write(idPrefix + customers[i] + "," + LocalDate.ofEpochDay(days[i]) + "," + sign + (a / 100) + "."
            + (a % 100 < 10 ? "0" : "") + (a % 100) + "\n");
      }
    }
  }

  private long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  private int nextInt(int bound) {
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  private double nextGaussian() {
    double u1 = 1.0 - nextDouble();
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long fold(long id, long a, long b, long c) {
    return mix(mix(mix(mix(id) + a) + b) + c);
  }

  /** The bench score checksum of a result. */
  static long scoreChecksum(RfmResult r) {
    long s = 0;
    for (int i = 0; i < r.size(); i++) {
      s += fold(r.customer(i), r.r(i), r.f(i), r.m(i));
    }
    return s;
  }

  /** The bench aggregate checksum of a result. */
  static long aggregateChecksum(RfmResult r) {
    long s = 0;
    for (int i = 0; i < r.size(); i++) {
      s += fold(r.customer(i), r.recencyDays(i), r.frequency(i), r.monetaryMinor(i));
    }
    return s;
  }
}
