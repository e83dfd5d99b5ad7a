package org.ecrm.core.io;

/**
 * A row an import did not take. Immutable.
 *
 * @param line the 1-based line number in the input (the header is line 1 of a CSV file)
 * @param field the field at fault, or {@code "row"} when the row as a whole is bad
 * @param reason why, with the offending value
 */
public record RejectedRow(long line, String field, String reason) {
  @Override
  public String toString() {
    return "line " + line + ", " + field + ": " + reason;
  }
}
