package org.ecrm.segmentation.internal;

/** SQL NTILE bucket of a 0-based position. */
public final class Ntile {
  private Ntile() {
  }

  /** The 1-based bucket of position {@code p} among {@code n} rows cut into {@code bins} buckets. */
  public static int score(int p, int n, int bins) {
    int k = Math.min(bins, n);
    int size = n / k;
    int large = n - k * size;
    int ss = large * (size + 1);
    return p < ss ? 1 + p / (size + 1) : 1 + large + (p - ss) / size;
  }
}
