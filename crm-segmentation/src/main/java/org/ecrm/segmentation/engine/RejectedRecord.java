package org.ecrm.segmentation.engine;

import java.util.Objects;
import org.ecrm.segmentation.engine.internal.Rejection;

/**
 * An input record that was not used, with the field at fault and the reason. Bulk reads keep the good
 * records and report every rejected one.
 *
 * @param record the record number (0-based over the source; for CSV files this is the line number)
 * @param field the field at fault, e.g. {@code "amount"}
 * @param reason a sentence saying what was wrong
 * @param value the offending value as read (may be long and hold control characters: show it through
 *     {@link org.ecrm.core.io.SafeText}), empty when there is none
 */
public record RejectedRecord(long record, String field, String reason, String value) {
  /** Checks the components. */
  public RejectedRecord {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(value, "value");
  }

  /** A rejection without a value. */
  public RejectedRecord(long record, String field, String reason) {
    this(record, field, reason, "");
  }

  /**
   * The message in the library's one form, {@code FILE:LINE: FIELD: reason 'value'} (value abbreviated,
   * control characters escaped); {@code FILE: reason} when the rejection concerns the whole file (no
   * field).
   */
  public String message(String file) {
    if (field.isEmpty() && value.isEmpty()) {
      return org.ecrm.core.io.SafeText.abbreviate(file) + ": " + org.ecrm.core.io.SafeText.escape(reason);
    }
    return org.ecrm.core.io.SafeText.message(file, record, field, reason, value);
  }

  /** The record of an engine-internal rejection. */
  static RejectedRecord of(Rejection r) {
    return new RejectedRecord(r.record(), r.field(), r.reason(), r.value());
  }

  /** This record in the engine's internal form. */
  Rejection toRejection() {
    return new Rejection(record, field, reason, value);
  }

  @Override
  public String toString() {
    return "record " + record + ", field " + org.ecrm.core.io.SafeText.abbreviate(field) + ": "
        + org.ecrm.core.io.SafeText.escape(reason)
        + (value.isEmpty() ? "" : " " + org.ecrm.core.io.SafeText.quote(value));
  }
}
