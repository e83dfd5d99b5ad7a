package org.ecrm.segmentation.clv;

import java.util.List;
import java.util.Objects;

/** Argument checks of the model implementations. Stateless and thread-safe. */
final class Arguments {
  private Arguments() {}

  /** @throws IllegalArgumentException unless {@code t} is finite and ≥ 0 */
  public static double time(String name, double t) {
    if (!Double.isFinite(t) || t < 0) {
      throw new IllegalArgumentException(name + " must be finite and not negative: " + t);
    }
    return t;
  }

  /** @throws ArithmeticException naming the quantity when {@code value} is not finite */
  public static double finite(double value, String what, Object input) {
    if (!Double.isFinite(value)) {
      throw new ArithmeticException(
          what + " cannot be computed in double precision for " + input + ": " + value);
    }
    return value;
  }

  /**
   * Checks the customer list and the weights of a fit.
   *
   * @throws NullPointerException naming the index of a null element
   * @throws IllegalArgumentException naming the bad weight, or a length mismatch
   */
  public static void customers(
      List<CustomerSummary> customers, double @org.jspecify.annotations.Nullable [] weights) {
    Objects.requireNonNull(customers, "customers");
    for (int i = 0; i < customers.size(); i++) {
      int index = i;
      Objects.requireNonNull(customers.get(i), () -> "customers[" + index + "] must not be null");
    }
    if (weights != null) {
      if (weights.length != customers.size()) {
        throw new IllegalArgumentException(
            "weights must have one entry per customer: " + weights.length + " weights for "
                + customers.size() + " customers");
      }
      for (int i = 0; i < weights.length; i++) {
        if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
          throw new IllegalArgumentException(
              "weights[" + i + "] must be finite and positive: " + weights[i]);
        }
      }
    }
  }
}
