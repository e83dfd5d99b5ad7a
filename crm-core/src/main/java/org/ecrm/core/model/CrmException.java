package org.ecrm.core.model;

/**
 * The root of the library's domain failures: something unknown, a concurrent change, a duplicate key,
 * a storage failure. Misuse (a bad argument, a wrong state) throws the JDK's
 * {@link IllegalArgumentException}, {@link IllegalStateException} or {@link NullPointerException}
 * instead. Unchecked.
 */
public class CrmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, naming the record and field */
  public CrmException(String message) {
    super(message);
  }

  /** @param message what went wrong @param cause the underlying failure */
  public CrmException(String message, Throwable cause) {
    super(message, cause);
  }
}
