package org.ecrm.core.model;

/** An operation named a record that does not exist, e.g. an order for an unknown customer. */
public final class NotFoundException extends CrmException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;

  /** @param kind the record type, e.g. {@code "Customer"} @param id the id that was not found */
  public NotFoundException(String kind, Object id) {
    super(kind + " '" + id + "' not found");
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  /** The record type, e.g. {@code "Customer"}. */
  public String kind() {
    return kind;
  }

  /** The id that was not found. */
  public String id() {
    return id;
  }
}
