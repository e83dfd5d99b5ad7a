package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * The identifier of an order: a stripped, non-blank string of at most 128 characters without control
 * characters. Ordered by its string value. Immutable and thread-safe.
 *
 * @param value the identifier text
 */
public record OrderId(String value) implements Comparable<OrderId> {
  /**
   * Validates and strips the value.
   *
   * @throws IllegalArgumentException if the value is blank, too long or has control characters
   */
  public OrderId {
    value = Checks.id("OrderId.value", value);
  }

  /** Returns the identifier for {@code value}; see the canonical constructor for the rules. */
  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public int compareTo(OrderId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
