package org.ecrm.segmentation.internal.util;

/** Open-addressing set of longs (Long.MIN_VALUE reserved as the empty mark). Not thread-safe. */
public final class LongSet {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] table;
  private int mask;
  private int size;

  public LongSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = new long[cap];
    java.util.Arrays.fill(table, EMPTY);
    mask = cap - 1;
  }

  /** Adds {@code v} (must not be Long.MIN_VALUE); true if it was absent. */
  public boolean add(long v) {
    int i = LongIntMap.hash(v) & mask;
    while (true) {
      long t = table[i];
      if (t == EMPTY) {
        table[i] = v;
        if (++size * 2 > mask) {
          grow();
        }
        return true;
      }
      if (t == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  public long bytes() {
    return (long) table.length * 8;
  }

  /** Calls {@code f} for every element. */
  public void forEach(java.util.function.LongConsumer f) {
    for (long t : table) {
      if (t != EMPTY) {
        f.accept(t);
      }
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    java.util.Arrays.fill(table, EMPTY);
    mask = table.length - 1;
    for (long t : old) {
      if (t != EMPTY) {
        int i = LongIntMap.hash(t) & mask;
        while (table[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        table[i] = t;
      }
    }
  }
}
