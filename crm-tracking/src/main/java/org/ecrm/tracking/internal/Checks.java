package org.ecrm.tracking.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** Argument checks for the builders, with messages that name the argument and the value. */
public final class Checks {
  private Checks() {}

  /** Refuses a second call of a builder setter. */
  public static void once(Set<String> set, String name) {
    if (!set.add(name)) {
      throw new IllegalStateException(name + " was already set");
    }
  }

  /** {@code value} if positive. */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** {@code value} if positive. */
  public static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** {@code value} if not negative. */
  public static Duration notNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }
}
