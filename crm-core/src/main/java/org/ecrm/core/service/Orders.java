package org.ecrm.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.ReturnLine;

/**
 * Orders, their payment, cancellation and refunds. Thread-safe. State changes of one order are
 * serialised through its version: concurrent refunds never exceed the order total.
 */
public interface Orders {

  /**
   * Places an order for an existing customer. The id comes from the builder or the id generator, the
   * placement instant from the builder or the clock.
   *
   * @throws NotFoundException if the customer does not exist
   * @throws DuplicateKeyException if the order id is taken
   * @throws IllegalArgumentException naming the field if the order is invalid
   */
  Order place(Order.Builder order);

  /** The order with {@code id}, if any. */
  Optional<Order> get(OrderId id);

  /**
   * The order with {@code id}.
   *
   * @throws NotFoundException if there is none
   */
  Order require(OrderId id);

  /** The orders of a customer by placement time. */
  List<Order> ofCustomer(CustomerId customerId);

  /**
   * Marks a placed order as paid.
   *
   * @throws IllegalStateException if the order is not {@code PLACED}
   */
  Order markPaid(OrderId id);

  /**
   * Cancels an order that has no refunds.
   *
   * @throws IllegalStateException if the order is cancelled, refunded or partially refunded
   */
  Order cancel(OrderId id);

  /**
   * Refunds part or all of an order, without returned goods.
   *
   * @throws IllegalArgumentException if the amount is not positive, in another currency, or brings the
   *     refunds above the order total
   * @throws IllegalStateException if the order is cancelled or already fully refunded
   */
  Order refund(OrderId id, Money amount, String reason);

  /**
   * Refunds part or all of an order with returned goods.
   *
   * @throws IllegalArgumentException as {@link #refund(OrderId, Money, String)}, or if more units are
   *     returned than were ordered
   * @throws IllegalStateException if the order is cancelled or already fully refunded
   */
  Order refund(OrderId id, Money amount, List<ReturnLine> returned, String reason);

  /**
   * Refunds part or all of an order at a given instant (e.g. an imported cancellation), with returned
   * goods.
   *
   * @throws IllegalArgumentException as {@link #refund(OrderId, Money, List, String)}, or if
   *     {@code refundedAt} is before the order was placed
   * @throws IllegalStateException if the order is cancelled or already fully refunded
   */
  Order refund(OrderId id, Money amount, List<ReturnLine> returned, String reason, Instant refundedAt);

  /**
   * Refunds what is left of the order.
   *
   * @throws IllegalStateException if the order is cancelled or already fully refunded
   */
  Order refundRemaining(OrderId id, String reason);

  /** A page of orders in id order; {@code cursor} is {@code ""} for the first page. */
  Page<Order> list(int limit, String cursor);

  /** A lazy stream over all orders in id order, read page by page. */
  Stream<Order> stream();

  /** How many orders are stored. */
  long count();
}
