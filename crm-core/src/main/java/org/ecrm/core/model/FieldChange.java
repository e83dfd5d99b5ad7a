package org.ecrm.core.model;

import java.util.Collection;
import org.ecrm.core.internal.check.Checks;

/**
 * One field's change in an audit record, values rendered as text ({@code ""} when absent;
 * {@code "***"} when personal values are masked). Immutable and thread-safe.
 *
 * @param field the record component, e.g. {@code "emails"}
 * @param oldValue the value before
 * @param newValue the value after
 */
public record FieldChange(String field, String oldValue, String newValue) {
  /** @throws NullPointerException naming the field if one is null */
  public FieldChange {
    Checks.notNull("FieldChange.field", field);
    Checks.notNull("FieldChange.oldValue", oldValue);
    Checks.notNull("FieldChange.newValue", newValue);
  }

  /**
   * Whether the old or the new value contains one of {@code texts} as a substring ({@link String#contains};
   * the field name is not searched).
   *
   * @param texts the strings to look for; an empty string is in every value
   * @return whether one of them occurs in {@link #oldValue()} or {@link #newValue()}
   * @throws NullPointerException if {@code texts} or one of its elements is null
   */
  public boolean containsAny(Collection<String> texts) {
    for (String t : texts) {
      if (oldValue.contains(t) || newValue.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
