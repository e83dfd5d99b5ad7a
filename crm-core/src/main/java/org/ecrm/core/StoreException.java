package org.ecrm.core;

/** A storage adapter failed (connection lost, constraint it could not map, ...). */
public final class StoreException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed @param cause the adapter's exception */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** @param message what failed */
  public StoreException(String message) {
    super(message);
  }
}
