package org.ecrm.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.Refund;
import org.ecrm.core.model.RefundId;
import org.ecrm.core.model.ReturnLine;
import org.ecrm.core.service.Orders;
import org.ecrm.core.spi.OrderStore;
import org.jspecify.annotations.Nullable;

/** {@link Orders} over an {@link OrderStore}. Thread-safe. */
public final class OrderService implements Orders {
  private final CrmContext ctx;
  private final OrderStore store;

  /** @param ctx the shared context */
  public OrderService(CrmContext ctx) {
    this.ctx = ctx;
    this.store = ctx.storage().orders();
  }

  @Override
  public Order place(Order.Builder order) {
    Checks.notNull("order", order);
    CustomerId customerId = order.customerId();
    Instant now = ctx.now();
    OrderId id = order.id().orElseGet(() -> OrderId.of(ctx.newId("order")));
    Instant placedAt = order.placedAt().orElse(now);
    Order built = order.copy().id(id).placedAt(placedAt).build();
    return ctx.atomically("place order " + id, () -> {
      if (ctx.storage().customers().get(customerId).isEmpty()) {
        throw new NotFoundException("Customer", customerId);
      }
      Order stored = store.insert(built);
      ctx.publish(new CrmEvent.OrderPlaced(stored, now));
      return stored;
    });
  }

  @Override
  public Optional<Order> get(OrderId id) {
    return store.get(Checks.notNull("orderId", id));
  }

  @Override
  public Order require(OrderId id) {
    return get(id).orElseThrow(() -> new NotFoundException("Order", id));
  }

  @Override
  public List<Order> ofCustomer(CustomerId customerId) {
    return store.findByCustomer(Checks.notNull("customerId", customerId));
  }

  @Override
  public Order markPaid(OrderId id) {
    Checks.notNull("orderId", id);
    return ctx.atomically("mark order " + id + " paid", () -> markPaidOnce(id));
  }

  private Order markPaidOnce(OrderId id) {
    Order paid = CrmContext.retrying(() -> {
      Order o = require(id);
      if (o.status() != OrderStatus.PLACED) {
        throw new IllegalStateException("Order '" + id + "' is " + o.status()
            + "; only a PLACED order can be marked paid");
      }
      return store.update(o.withStatus(OrderStatus.PAID, o.version() + 1));
    });
    ctx.publish(new CrmEvent.OrderPaid(paid, ctx.now()));
    return paid;
  }

  @Override
  public Order cancel(OrderId id) {
    Checks.notNull("orderId", id);
    return ctx.atomically("cancel order " + id, () -> cancelOnce(id));
  }

  private Order cancelOnce(OrderId id) {
    Order cancelled = CrmContext.retrying(() -> {
      Order o = require(id);
      if (o.status() != OrderStatus.PLACED && o.status() != OrderStatus.PAID) {
        throw new IllegalStateException("Order '" + id + "' is " + o.status()
            + "; only a PLACED or PAID order without refunds can be cancelled");
      }
      return store.update(o.withStatus(OrderStatus.CANCELLED, o.version() + 1));
    });
    ctx.publish(new CrmEvent.OrderCancelled(cancelled, ctx.now()));
    return cancelled;
  }

  @Override
  public Order refund(OrderId id, Money amount, String reason) {
    return refund(id, amount, List.of(), reason);
  }

  @Override
  public Order refund(OrderId id, Money amount, List<ReturnLine> returned, String reason) {
    return refund(id, amount, returned, reason, null);
  }

  @Override
  public Order refund(OrderId id, Money amount, List<ReturnLine> returned, String reason,
      @Nullable Instant refundedAt) {
    Checks.notNull("refund.amount", amount);
    Checks.notNull("refund.returned", returned);
    Checks.notNull("refund.reason", reason);
    Checks.notNull("orderId", id);
    RefundId refundId = RefundId.of(ctx.newId("refund"));
    return ctx.atomically("refund order " + id, () -> refundOnce(id, amount, returned, reason, refundedAt,
        refundId));
  }

  private Order refundOnce(OrderId id, Money amount, List<ReturnLine> returned, String reason,
      @Nullable Instant refundedAt, RefundId refundId) {
    Order refunded = CrmContext.retrying(() -> {
      Order o = require(id);
      refundable(o);
      Instant now = ctx.now();
      Instant at = refundedAt != null ? refundedAt : now.isBefore(o.placedAt()) ? o.placedAt() : now;
      return store.update(o.withRefund(new Refund(refundId, at, amount, returned, reason),
          o.version() + 1));
    });
    Refund made = refunded.refund(refundId).orElseThrow();
    ctx.publish(new CrmEvent.OrderRefunded(refunded, made, ctx.now()));
    return refunded;
  }

  @Override
  public Order refundRemaining(OrderId id, String reason) {
    Checks.notNull("orderId", id);
    return ctx.atomically("refund order " + id, () -> {
      Order o = require(id);
      refundable(o);
      return refund(id, o.total().minus(o.refundedTotal()), reason);
    });
  }

  private static void refundable(Order o) {
    if (o.status() == OrderStatus.CANCELLED || o.status() == OrderStatus.REFUNDED) {
      throw new IllegalStateException("Order '" + o.id() + "' is " + o.status()
          + "; it cannot be refunded");
    }
  }

  @Override
  public Page<Order> list(int limit, String cursor) {
    return Paging.page(store::scan, OrderId::of, Order::id, limit, cursor);
  }

  @Override
  public Stream<Order> stream() {
    return Paging.stream(store::scan, Order::id);
  }

  @Override
  public long count() {
    return store.count();
  }
}
