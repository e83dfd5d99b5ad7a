package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * The identifier of a refund or return of an order: a stripped, non-blank string of at most 128 characters without control
 * characters. Ordered by its string value. Immutable and thread-safe.
 *
 * @param value the identifier text
 */
public record RefundId(String value) implements Comparable<RefundId> {
  /**
   * Validates and strips the value.
   *
   * @throws IllegalArgumentException if the value is blank, too long or has control characters
   */
  public RefundId {
    value = Checks.id("RefundId.value", value);
  }

  /** Returns the identifier for {@code value}; see the canonical constructor for the rules. */
  public static RefundId of(String value) {
    return new RefundId(value);
  }

  @Override
  public int compareTo(RefundId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
