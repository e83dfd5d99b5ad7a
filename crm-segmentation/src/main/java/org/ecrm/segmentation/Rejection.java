package org.ecrm.segmentation;

import java.util.Objects;

/**
 * An input record that was not used, with the field at fault and the reason. Bulk reads keep the good
 * records and report every rejected one.
 *
 * @param record the record number (0-based over the source; for CSV files this is the line number)
 * @param field the field at fault, e.g. {@code "amount"}
 * @param reason a sentence saying what was wrong, naming the offending value
 */
public record Rejection(long record, String field, String reason) {
  /** Checks the components. */
  public Rejection {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "record " + record + ", field " + field + ": " + reason;
  }
}
