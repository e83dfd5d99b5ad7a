package org.ecrm.core.io;

/** How an import finds the existing record a row updates. */
public enum UpsertKey {
  /** By id ({@code id}, or {@code sku} for products, {@code orderId} for orders). */
  ID,

  /** By e-mail address (customers only). */
  EMAIL,

  /** By the external identity in {@link ImportRequest.Builder#externalSystem(String)} (customers only). */
  EXTERNAL_ID
}
