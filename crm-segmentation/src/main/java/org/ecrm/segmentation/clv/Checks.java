package org.ecrm.segmentation.clv;

/** Argument checks shared by the API types. */
final class Checks {
  private Checks() {}

  static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and positive: " + value);
    }
    return value;
  }

  static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and not negative: " + value);
    }
    return value;
  }

  static void notSetTwice(String name, boolean alreadySet) {
    if (alreadySet) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
