package org.ecrm.tracking.internal;

/** An open-addressing map from non-zero long keys to ints; 0 means absent. Not thread-safe. */
public final class LongIntMap {
  private long[] keys = new long[1024];
  private int[] values = new int[1024];
  private int size;

  /** The value for {@code key}, 0 if absent. */
  public int get(long key) {
    long k = key == 0 ? 1 : key;
    int mask = keys.length - 1;
    for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == k) {
        return values[i];
      }
      if (keys[i] == 0) {
        return 0;
      }
    }
  }

  /** Sets the value for {@code key}. */
  public void put(long key, int value) {
    long k = key == 0 ? 1 : key;
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == k) {
        values[i] = value;
        return;
      }
      if (keys[i] == 0) {
        keys[i] = k;
        values[i] = value;
        size++;
        return;
      }
    }
  }

  /** Number of keys. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    keys = new long[ok.length * 2];
    values = new int[ok.length * 2];
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != 0) {
        put(ok[i], ov[i]);
      }
    }
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** A 64-bit hash of a string (FNV-1a over the chars, then mixed). */
  public static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  @Override
  public String toString() {
    return "LongIntMap[size=" + size + ", capacity=" + keys.length + "]";
  }
}
