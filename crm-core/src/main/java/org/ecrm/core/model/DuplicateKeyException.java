package org.ecrm.core.model;

/**
 * A write would give a unique key (an id, an e-mail address, an external identity) to a second record.
 * Nothing was written.
 */
public final class DuplicateKeyException extends CrmException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String value;
  private final String existingId;

  /**
   * @param kind the record type
   * @param field the unique field, e.g. {@code "Customer.emails"}
   * @param value the duplicated value
   * @param existingId the id of the record that already holds it
   */
  public DuplicateKeyException(String kind, String field, Object value, Object existingId) {
    super(field + ": '" + value + "' already belongs to " + kind + " '" + existingId + "'");
    this.field = field;
    this.value = String.valueOf(value);
    this.existingId = String.valueOf(existingId);
  }

  /** The unique field, e.g. {@code "Customer.emails"}. */
  public String field() {
    return field;
  }

  /** The duplicated value. */
  public String value() {
    return value;
  }

  /** The id of the record that already holds the value. */
  public String existingId() {
    return existingId;
  }
}
