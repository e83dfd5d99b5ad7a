package org.ecrm.segmentation.internal.util;

import java.util.Arrays;

/** Open-addressing map from non-negative long keys to long sums. Not thread-safe. */
public final class LongSumMap {
  private long[] keys;
  private long[] sums;
  private int mask;
  private int size;

  public LongSumMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    Arrays.fill(keys, -1);
    sums = new long[cap];
    mask = cap - 1;
  }

  /** Adds {@code v} to the sum of {@code key} (key >= 0); throws ArithmeticException on overflow. */
  public void add(long key, long v) {
    int i = LongIntMap.hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == -1) {
        keys[i] = key;
        sums[i] = v;
        if (++size * 2 > mask) {
          grow();
        }
        return;
      }
      if (k == key) {
        sums[i] = Math.addExact(sums[i], v);
        return;
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  /** Keys ascending with their sums, as two parallel arrays. */
  public long[][] sortedEntries() {
    long[] k = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != -1) {
        k[n++] = key;
      }
    }
    Arrays.sort(k);
    long[] s = new long[size];
    for (int j = 0; j < size; j++) {
      s[j] = get(k[j]);
    }
    return new long[][] {k, s};
  }

  private long get(long key) {
    int i = LongIntMap.hash(key) & mask;
    while (keys[i] != key) {
      i = (i + 1) & mask;
    }
    return sums[i];
  }

  private void grow() {
    long[] ok = keys;
    long[] os = sums;
    keys = new long[ok.length * 2];
    Arrays.fill(keys, -1);
    sums = new long[ok.length * 2];
    mask = keys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != -1) {
        int i = LongIntMap.hash(ok[j]) & mask;
        while (keys[i] != -1) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        sums[i] = os[j];
      }
    }
  }
}
