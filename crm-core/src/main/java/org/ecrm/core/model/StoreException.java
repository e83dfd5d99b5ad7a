package org.ecrm.core.model;

/**
 * A storage adapter failed (connection lost, timeout, constraint it could not map, ...). The message
 * names the operation that failed. Unless {@link #outcomeUnknown()} is true, nothing of the failed
 * operation was stored and it may be retried as it is.
 */
public final class StoreException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final boolean outcomeUnknown;

  /** @param message what failed @param cause the adapter's exception */
  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /** @param message what failed */
  public StoreException(String message) {
    super(message);
    this.outcomeUnknown = false;
  }

  /**
   * @param message what failed
   * @param cause the adapter's exception
   * @param outcomeUnknown true when the adapter cannot tell whether the operation was stored (the
   *     connection dropped after the commit was sent)
   */
  public StoreException(String message, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * True when the operation may or may not have been stored, as a whole: the commit was sent but its
   * answer never came. Read the record back (or retry with the same id: a create then fails with
   * {@link DuplicateKeyException}, a loyalty entry with the same source event is not written twice)
   * before doing it again. Never a partial write.
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
