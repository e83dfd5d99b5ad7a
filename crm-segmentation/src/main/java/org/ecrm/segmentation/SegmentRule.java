package org.ecrm.segmentation;

import java.util.Objects;

/**
 * A named box of (R, F, M) score ranges, bounds inclusive.
 *
 * @param name the segment name, not blank
 * @param rLow the lowest recency score in the box
 * @param rHigh the highest recency score in the box
 * @param fLow the lowest frequency score in the box
 * @param fHigh the highest frequency score in the box
 * @param mLow the lowest monetary score in the box
 * @param mHigh the highest monetary score in the box
 */
public record SegmentRule(String name, int rLow, int rHigh, int fLow, int fHigh, int mLow, int mHigh)
    implements java.io.Serializable {
  /** Checks that the name is not blank and each low is at most its high. */
  public SegmentRule {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("segment name must not be blank: \"" + name + "\"");
    }
    check(name, "recency", rLow, rHigh);
    check(name, "frequency", fLow, fHigh);
    check(name, "monetary", mLow, mHigh);
  }

  private static void check(String name, String what, int lo, int hi) {
    if (lo < 1 || lo > hi) {
      throw new IllegalArgumentException("segment \"" + name + "\": " + what
          + " range must satisfy 1 <= low <= high: " + lo + ".." + hi);
    }
  }

  /** Whether the scores fall in this rule's box. */
  public boolean matches(int r, int f, int m) {
    return r >= rLow && r <= rHigh && f >= fLow && f <= fHigh && m >= mLow && m <= mHigh;
  }
}
