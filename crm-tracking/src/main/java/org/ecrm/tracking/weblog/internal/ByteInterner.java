package org.ecrm.tracking.weblog.internal;

import java.util.Arrays;

/**
 * Interns byte ranges (e.g. user agents) as strings with one cached flag each, so a repeated value is
 * neither decoded nor classified twice. Bounded: cleared when full. Not thread-safe.
 */
public final class ByteInterner {
  private final int maxEntries;
  private byte[][] keys;
  private String[] values;
  private byte[] flags;
  private int[] hashes;
  private int size;
  /** Index of the entry found or added by the last {@link #intern}. */
  private int last;

  /** A table of at most {@code maxEntries} values. */
  public ByteInterner(int maxEntries) {
    this.maxEntries = maxEntries;
    clear(1024);
  }

  private void clear(int capacity) {
    keys = new byte[capacity][];
    values = new String[capacity];
    flags = new byte[capacity];
    hashes = new int[capacity];
    size = 0;
  }

  /**
   * The canonical string of {@code b[from..to)} when it is decoded by {@code decoder}; the flag of a new
   * entry is unknown (see {@link #flag()}).
   */
  public String intern(byte[] b, int from, int to, boolean escaped) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    h ^= escaped ? 0x5bd1e995 : 0;
    int mask = keys.length - 1;
    int i = (h ^ (h >>> 16)) & mask;
    while (keys[i] != null) {
      if (hashes[i] == h && Arrays.equals(keys[i], 0, keys[i].length, b, from, to)) {
        last = i;
        return values[i];
      }
      i = (i + 1) & mask;
    }
    if (size >= maxEntries) {
      clear(keys.length);
      return intern(b, from, to, escaped);
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
      return intern(b, from, to, escaped);
    }
    String v = LogText.dashQuoted(b, from, to, escaped);
    keys[i] = Arrays.copyOfRange(b, from, to);
    values[i] = v;
    hashes[i] = h;
    flags[i] = 0;
    size++;
    last = i;
    return v;
  }

  /** The flag of the last interned value: 0 unknown, 1 false, 2 true. */
  public byte flag() {
    return flags[last];
  }

  /** Sets the flag of the last interned value. */
  public void flag(boolean value) {
    flags[last] = value ? (byte) 2 : (byte) 1;
  }

  private void grow() {
    byte[][] ok = keys;
    String[] ov = values;
    byte[] of = flags;
    int[] oh = hashes;
    clear(ok.length * 2);
    int mask = keys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != null) {
        int i = (oh[j] ^ (oh[j] >>> 16)) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        values[i] = ov[j];
        flags[i] = of[j];
        hashes[i] = oh[j];
        size++;
      }
    }
  }
}
