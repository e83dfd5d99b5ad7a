package org.ecrm.core.model;

/**
 * An update was based on a stale version: someone else changed the record since it was read. Nothing
 * was written. Read the record again, re-apply the change and retry.
 */
public final class VersionConflictException extends CrmException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * @param kind the record type
   * @param id the record's id
   * @param expectedVersion the version the update was based on
   * @param actualVersion the version stored now
   */
  public VersionConflictException(String kind, Object id, long expectedVersion, long actualVersion) {
    super(kind + " '" + id + "' was changed concurrently: update based on version " + expectedVersion
        + " but the stored version is " + actualVersion);
    this.kind = kind;
    this.id = String.valueOf(id);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The record type. */
  public String kind() {
    return kind;
  }

  /** The record's id. */
  public String id() {
    return id;
  }

  /** The version the rejected update was based on. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version stored when the update was rejected. */
  public long actualVersion() {
    return actualVersion;
  }
}
