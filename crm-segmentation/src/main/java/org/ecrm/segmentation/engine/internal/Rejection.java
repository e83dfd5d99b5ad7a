package org.ecrm.segmentation.engine.internal;

/**
 * A record the engine did not use, in the form this package keeps it: the record number, the field at
 * fault, the reason and the value (empty when none). The API hands it out as a
 * {@code org.ecrm.segmentation.engine.RejectedRecord} with the same components, which checks them then;
 * the readers and the table build these from non-null texts.
 *
 * @param record the record number
 * @param field the field at fault
 * @param reason what was wrong
 * @param value the offending value, empty when there is none
 */
public record Rejection(long record, String field, String reason, String value) {
  /** A rejection without a value. */
  public Rejection(long record, String field, String reason) {
    this(record, field, reason, "");
  }

  /** The same rejection with {@code offset} added to its record number. */
  Rejection shifted(long offset) {
    return new Rejection(record + offset, field, reason, value);
  }
}
