package org.ecrm.segmentation.internal.util;

import java.util.Arrays;

/** Open-addressing map from long keys to dense int indices (0, 1, 2 … in insertion order). Not thread-safe. */
public final class LongIntMap {
  /** Pairs {@code [key, index + 1]} side by side, so a lookup reads one cache line; 0 = empty. */
  private long[] table;
  private int mask;
  private int size;

  public LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = new long[cap * 2];
    mask = cap - 1;
  }

  public static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The index of {@code key}, or -1. */
  public int get(long key) {
    long[] t = table;
    int i = hash(key) & mask;
    while (true) {
      long s = t[2 * i + 1];
      if (s == 0) {
        return -1;
      }
      if (t[2 * i] == key) {
        return (int) s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /** The index of {@code key}, inserting it with index {@link #size()} if absent. */
  public int getOrAdd(long key) {
    long[] t = table;
    int i = hash(key) & mask;
    while (true) {
      long s = t[2 * i + 1];
      if (s == 0) {
        t[2 * i] = key;
        t[2 * i + 1] = ++size;
        if (size * 2 > mask) {
          grow();
        }
        return size - 1;
      }
      if (t[2 * i] == key) {
        return (int) s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  /** Bytes held by the table. */
  public long bytes() {
    return (long) table.length * Long.BYTES;
  }

  private void grow() {
    long[] old = table;
    int cap = (mask + 1) * 2;
    long[] t = new long[cap * 2];
    int m = cap - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j + 1] != 0) {
        int i = hash(old[j]) & m;
        while (t[2 * i + 1] != 0) {
          i = (i + 1) & m;
        }
        t[2 * i] = old[j];
        t[2 * i + 1] = old[j + 1];
      }
    }
    table = t;
    mask = m;
  }

  /** Keys in index order. */
  public long[] keysByIndex() {
    long[] out = new long[size];
    for (int j = 0; j < table.length; j += 2) {
      if (table[j + 1] != 0) {
        out[(int) table[j + 1] - 1] = table[j];
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "LongIntMap[size=" + size + ", capacity=" + (mask + 1) + "]";
  }

  static long[] grow(long[] a, int min) {
    return a.length >= min ? a : Arrays.copyOf(a, Math.max(min, a.length * 2));
  }

  static int[] grow(int[] a, int min) {
    return a.length >= min ? a : Arrays.copyOf(a, Math.max(min, a.length * 2));
  }
}
