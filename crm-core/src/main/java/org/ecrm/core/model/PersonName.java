package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * A person's name. Either part may be empty (a lead known only by e-mail has no name yet).
 * Immutable and thread-safe.
 *
 * @param given the given (first) name, may be empty
 * @param family the family (last) name, may be empty
 */
public record PersonName(String given, String family) {
  /** The name of someone whose name is not known. */
  public static final PersonName UNKNOWN = new PersonName("", "");

  /**
   * Strips both parts.
   *
   * @throws IllegalArgumentException if a part is longer than 1000 characters or has control characters
   */
  public PersonName {
    given = Checks.line("PersonName.given", given);
    family = Checks.line("PersonName.family", family);
  }

  /** {@code new PersonName(given, family)}. */
  public static PersonName of(String given, String family) {
    return new PersonName(given, family);
  }

  /** Whether both parts are empty. */
  public boolean isUnknown() {
    return given.isEmpty() && family.isEmpty();
  }

  /** {@code "Ada Lovelace"}, or the one non-empty part, or {@code ""}. */
  public String full() {
    return given.isEmpty() ? family : family.isEmpty() ? given : given + " " + family;
  }

  @Override
  public String toString() {
    return full();
  }
}
