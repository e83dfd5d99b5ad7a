package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * The identifier of a product (stock keeping unit): a stripped, non-blank string of at most 128 characters without control
 * characters. Ordered by its string value. Immutable and thread-safe.
 *
 * @param value the identifier text
 */
public record Sku(String value) implements Comparable<Sku> {
  /**
   * Validates and strips the value.
   *
   * @throws IllegalArgumentException if the value is blank, too long or has control characters
   */
  public Sku {
    value = Checks.id("Sku.value", value);
  }

  /** Returns the identifier for {@code value}; see the canonical constructor for the rules. */
  public static Sku of(String value) {
    return new Sku(value);
  }

  @Override
  public int compareTo(Sku other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
