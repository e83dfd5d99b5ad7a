package org.ecrm.core.model;

/** The state of an order. */
public enum OrderStatus {
  /** Placed, not yet paid. */
  PLACED,

  /** Paid. */
  PAID,

  /** Cancelled before fulfilment; counts as no purchase. */
  CANCELLED,

  /** Some of the amount was refunded. */
  PARTIALLY_REFUNDED,

  /** The whole amount was refunded. */
  REFUNDED
}
