package org.ecrm.segmentation.internal;

import java.util.Arrays;

/** Open-addressing map from long keys to dense int indices (0, 1, 2 … in insertion order). Not thread-safe. */
public final class LongIntMap {
  private long[] keys;
  private int[] slots; // index + 1, 0 = empty
  private int mask;
  private int size;

  public LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    slots = new int[cap];
    mask = cap - 1;
  }

  static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The index of {@code key}, or -1. */
  public int get(long key) {
    int i = hash(key) & mask;
    while (true) {
      int s = slots[i];
      if (s == 0) {
        return -1;
      }
      if (keys[i] == key) {
        return s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /** The index of {@code key}, inserting it with index {@link #size()} if absent. */
  public int getOrAdd(long key) {
    int i = hash(key) & mask;
    while (true) {
      int s = slots[i];
      if (s == 0) {
        keys[i] = key;
        slots[i] = ++size;
        if (size * 2 > mask) {
          grow();
        }
        return size - 1;
      }
      if (keys[i] == key) {
        return s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  /** Bytes held by the table arrays. */
  public long bytes() {
    return (long) keys.length * 12;
  }

  private void grow() {
    long[] ok = keys;
    int[] os = slots;
    int cap = ok.length * 2;
    keys = new long[cap];
    slots = new int[cap];
    mask = cap - 1;
    for (int j = 0; j < ok.length; j++) {
      if (os[j] != 0) {
        int i = hash(ok[j]) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        slots[i] = os[j];
      }
    }
  }

  /** Keys in index order. */
  public long[] keysByIndex() {
    long[] out = new long[size];
    for (int j = 0; j < keys.length; j++) {
      if (slots[j] != 0) {
        out[slots[j] - 1] = keys[j];
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "LongIntMap[size=" + size + ", capacity=" + keys.length + "]";
  }

  static long[] grow(long[] a, int min) {
    return a.length >= min ? a : Arrays.copyOf(a, Math.max(min, a.length * 2));
  }

  static int[] grow(int[] a, int min) {
    return a.length >= min ? a : Arrays.copyOf(a, Math.max(min, a.length * 2));
  }
}
