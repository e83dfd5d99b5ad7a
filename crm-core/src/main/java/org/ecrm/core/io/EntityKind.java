package org.ecrm.core.io;

/** What an import creates or updates, and the field names its rows map to. */
public enum EntityKind {
  /**
   * Customers. Fields: {@code id}, {@code givenName}, {@code familyName}, {@code email}, {@code phone},
   * {@code street}, {@code postalCode}, {@code city}, {@code region}, {@code country} (an address needs
   * street, city and country), {@code tags} ({@code ;}-separated), {@code stage}, {@code source},
   * {@code external.<system>} (an external identity), {@code attr.<key>} (a text attribute).
   */
  CUSTOMER,

  /** Accounts. Fields: {@code id}, {@code name}, {@code domain}. */
  ACCOUNT,

  /**
   * Products. Fields: {@code sku}, {@code name}, {@code category}, {@code listPrice}, {@code currency},
   * {@code active} ({@code true}/{@code false}).
   */
  PRODUCT,

  /**
   * Orders, one row per order line; consecutive rows with the same {@code orderId} form one order.
   * Fields: {@code orderId}, {@code customerId}, {@code placedAt}, {@code sku}, {@code quantity},
   * {@code unitPrice}, {@code currency}, {@code channel}, {@code status} ({@code PLACED} or
   * {@code PAID}). Rows whose order id starts with the cancellation prefix are refunds of the
   * customer's earlier purchases (see {@link ImportRequest.Builder#cancellationPrefix(String)}).
   */
  ORDER
}
