package org.ecrm.core.model;

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
}
