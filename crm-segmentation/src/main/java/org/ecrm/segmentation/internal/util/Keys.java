package org.ecrm.segmentation.internal.util;

/** Composite sort keys (metric, customer), both signed, compared lexicographically. Stateless. */
public final class Keys {
  private Keys() {
  }

  public static int compare(long aHi, long aLo, long bHi, long bLo) {
    int c = Long.compare(aHi, bHi);
    return c != 0 ? c : Long.compare(aLo, bLo);
  }

  /** In ascending pairs {@code (h[i], l[i])}: the first index whose pair is above {@code (bh, bl)}. */
  public static int above(long[] h, long[] l, long bh, long bl) {
    int a = 0;
    int b = h.length;
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (compare(h[mid], l[mid], bh, bl) <= 0) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a;
  }

  /**
   * Sorts the pairs {@code (hi[i], lo[i])} ascending in place (stable LSD: by lo, then by hi).
   */
  public static void sort(long[] hi, long[] lo) {
    int n = hi.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    long[] k = lo.clone();
    RadixSort.sort(k, idx, n);
    long[] h = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = hi[idx[i]];
    }
    RadixSort.sort(h, idx, n);
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = lo[idx[i]];
    }
    System.arraycopy(h, 0, hi, 0, n);
    System.arraycopy(l, 0, lo, 0, n);
  }
}
