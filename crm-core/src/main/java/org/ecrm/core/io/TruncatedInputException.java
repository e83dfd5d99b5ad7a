package org.ecrm.core.io;

import java.io.IOException;

/**
 * A compressed input that ends early or is corrupt after its start: the data before the cut has been
 * read. The message is {@code "truncated gzip"} or {@code "corrupt gzip (...)"}; readers add the file
 * and the last complete line, as in {@code FILE: truncated gzip after line N}.
 */
public final class TruncatedInputException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public TruncatedInputException(String message) {
    super(message);
  }

  /**
   * The {@link TruncatedInputException} in {@code e}'s cause chain (readers such as FastCSV wrap what
   * the stream throws), if any.
   */
  public static java.util.Optional<TruncatedInputException> in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TruncatedInputException found) {
        return java.util.Optional.of(found);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return java.util.Optional.empty();
  }
}
