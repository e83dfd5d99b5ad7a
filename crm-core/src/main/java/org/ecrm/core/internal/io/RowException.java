package org.ecrm.core.internal.io;

import java.util.function.Function;

/** A row problem naming the field: turned into a rejected row by the runner. */
final class RowException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final String field;

  RowException(String field, String reason) {
    super(reason, null, false, false);
    this.field = field;
  }

  /** Runs {@code parser} on {@code value}, naming {@code field} and the value when it fails. */
  static <T> T guard(String field, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (RowException e) {
      throw e;
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new RowException(field, msg.contains(value) ? msg : msg + " '" + value + "'");
    }
  }
}
