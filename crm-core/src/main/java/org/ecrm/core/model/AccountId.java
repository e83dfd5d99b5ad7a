package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * The identifier of an account (a B2B organisation): a stripped, non-blank string of at most 128 characters without control
 * characters. Ordered by its string value. Immutable and thread-safe.
 *
 * @param value the identifier text
 */
public record AccountId(String value) implements Comparable<AccountId> {
  /**
   * Validates and strips the value.
   *
   * @throws IllegalArgumentException if the value is blank, too long or has control characters
   */
  public AccountId {
    value = Checks.id("AccountId.value", value);
  }

  /** Returns the identifier for {@code value}; see the canonical constructor for the rules. */
  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
