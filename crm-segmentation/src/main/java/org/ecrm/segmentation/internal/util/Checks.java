package org.ecrm.segmentation.internal.util;

/** Argument checks shared by the API types. */
/** Argument checks shared by the module's builders and records. Stateless. */
public final class Checks {
  private Checks() {}

  public static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and positive: " + value);
    }
    return value;
  }

  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and not negative: " + value);
    }
    return value;
  }

  public static void notSetTwice(String name, boolean alreadySet) {
    if (alreadySet) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
