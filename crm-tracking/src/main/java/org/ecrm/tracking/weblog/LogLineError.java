package org.ecrm.tracking.weblog;

import java.util.Objects;

/**
 * A web-log line that could not be parsed. Immutable and thread-safe.
 *
 * @param lineNumber 1-based line number
 * @param reason why the line was rejected, e.g. {@code "unterminated quoted field: user agent"}
 * @param excerpt the start of the line (at most 200 characters, bad bytes replaced)
 */
public record LogLineError(long lineNumber, String reason, String excerpt) {
  /** Checks for nulls. */
  public LogLineError {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(excerpt, "excerpt");
  }

  /** {@code "line 8899: unterminated quoted field: user agent"}. */
  public String message() {
    return "line " + lineNumber + ": " + reason;
  }
}
