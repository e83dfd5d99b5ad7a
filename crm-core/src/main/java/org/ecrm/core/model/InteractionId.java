package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * The identifier of an interaction (a touchpoint): a stripped, non-blank string of at most 128 characters without control
 * characters. Ordered by its string value. Immutable and thread-safe.
 *
 * @param value the identifier text
 */
public record InteractionId(String value) implements Comparable<InteractionId> {
  /**
   * Validates and strips the value.
   *
   * @throws IllegalArgumentException if the value is blank, too long or has control characters
   */
  public InteractionId {
    value = Checks.id("InteractionId.value", value);
  }

  /** Returns the identifier for {@code value}; see the canonical constructor for the rules. */
  public static InteractionId of(String value) {
    return new InteractionId(value);
  }

  @Override
  public int compareTo(InteractionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
