package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * The identifier of a customer: a stripped, non-blank string of at most 128 characters without control
 * characters. Ordered by its string value. Immutable and thread-safe.
 *
 * @param value the identifier text
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
  /**
   * Validates and strips the value.
   *
   * @throws IllegalArgumentException if the value is blank, too long or has control characters
   */
  public CustomerId {
    value = Checks.id("CustomerId.value", value);
  }

  /** Returns the identifier for {@code value}; see the canonical constructor for the rules. */
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
