package org.ecrm.examples.spark;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * A seeded synthetic purchase log whose row i is a pure function of (seed, i), so Spark can generate it
 * in parallel ({@code spark.range}) and the single-JVM reference can fill arrays with the same rows:
 * skewed customers (a few buy often), two years of days, amounts 0.50–500.00 with 3 % refunds.
 */
final class SyntheticTransactions {
  static final int FIRST_DAY = 18_000;
  static final int DAYS = 730;

  private SyntheticTransactions() {
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long customer(long seed, long i, int customers) {
    long h = mix(seed * 0x9E3779B97F4A7C15L + i);
    // squaring a uniform number skews purchases towards low customer numbers
    double u = (h >>> 11) * 0x1.0p-53;
    return 1_000_000L + (long) (u * u * customers);
  }

  static int day(long seed, long i) {
    return FIRST_DAY + (int) Long.remainderUnsigned(mix(seed + 31 * i + 7), DAYS);
  }

  static long amount(long seed, long i) {
    long h = mix(seed ^ (i * 0xD1B54A32D192ED03L));
    long cents = 50 + Long.remainderUnsigned(h, 49_951);
    return Long.remainderUnsigned(h >>> 40, 100) < 3 ? -cents : cents;
  }

  static Dataset<Txn> dataset(SparkSession spark, long rows, long seed, int customers) {
    return spark.range(rows).map((MapFunction<Long, Txn>) i -> new Txn(customer(seed, i, customers), day(seed, i),
        amount(seed, i)), Encoders.bean(Txn.class));
  }

  record Arrays(long[] customers, int[] days, long[] amounts) {
  }

  static Arrays arrays(int rows, long seed, int customers) {
    long[] c = new long[rows];
    int[] d = new int[rows];
    long[] a = new long[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = customer(seed, i, customers);
      d[i] = day(seed, i);
      a[i] = amount(seed, i);
    }
    return new Arrays(c, d, a);
  }
}
