package org.ecrm.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A purchase: lines in one currency, a status, and the refunds made on it. The total is always the
 * sum of the lines; the refunded amount never exceeds it and returned quantities never exceed the
 * quantities ordered. Immutable and thread-safe.
 *
 * <p>The status agrees with the refunds: without refunds it is {@code PLACED}, {@code PAID} or
 * {@code CANCELLED}; with refunds it is {@code PARTIALLY_REFUNDED}, or {@code REFUNDED} once the whole
 * total is paid back.
 *
 * @param id the order's id
 * @param customerId the buyer
 * @param placedAt when the order was placed
 * @param lines the lines, at least one, all in one currency
 * @param status the order's state
 * @param channel the channel it was placed through
 * @param refunds the refunds in the order they were made
 * @param version the optimistic-concurrency version: 1 on create, +1 on each change
 */
public record Order(
    OrderId id,
    CustomerId customerId,
    Instant placedAt,
    List<OrderLine> lines,
    OrderStatus status,
    Channel channel,
    List<Refund> refunds,
    long version) {

  /**
   * Validates the order as a whole.
   *
   * @throws IllegalArgumentException naming the field for no lines, mixed currencies, a status that
   *     does not agree with the refunds, refunds larger than the total or returns larger than the
   *     quantities ordered
   */
  public Order {
    Checks.notNull("Order.id", id);
    Checks.notNull("Order.customerId", customerId);
    Checks.notNull("Order.placedAt", placedAt);
    lines = Checks.list("Order.lines", lines);
    if (lines.isEmpty()) {
      throw Checks.invalid("Order.lines", "an order needs at least one line", lines);
    }
    Currency currency = lines.get(0).unitPrice().currency();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).unitPrice().currency().equals(currency)) {
        throw Checks.invalid("Order.lines[" + i + "].unitPrice", "mixes currencies: the order is in "
            + currency.getCurrencyCode(), lines.get(i).unitPrice());
      }
    }
    Checks.notNull("Order.status", status);
    Checks.notNull("Order.channel", channel);
    refunds = Checks.list("Order.refunds", refunds);
    checkRefunds(id, placedAt, lines, status, refunds, currency);
    Checks.positive("Order.version", version);
  }

  private static void checkRefunds(OrderId id, Instant placedAt, List<OrderLine> lines,
      OrderStatus status, List<Refund> refunds, Currency currency) {
    Money total = Money.zero(currency);
    Map<Sku, Integer> ordered = new HashMap<>();
    for (OrderLine line : lines) {
      total = total.plus(line.lineTotal());
      ordered.merge(line.sku(), line.quantity(), Integer::sum);
    }
    Money refunded = Money.zero(currency);
    Map<Sku, Integer> returned = new HashMap<>();
    for (int i = 0; i < refunds.size(); i++) {
      Refund r = refunds.get(i);
      String where = "Order.refunds[" + i + "]";
      if (!r.amount().currency().equals(currency)) {
        throw Checks.invalid(where + ".amount", "mixes currencies: the order is in "
            + currency.getCurrencyCode(), r.amount());
      }
      if (r.refundedAt().isBefore(placedAt)) {
        throw Checks.invalid(where + ".refundedAt", "is before the order was placed at " + placedAt,
            r.refundedAt());
      }
      refunded = refunded.plus(r.amount());
      if (refunded.compareTo(total) > 0) {
        throw Checks.invalid(where + ".amount", "refunds " + refunded + " in all, more than the order "
            + id + " total " + total, r.amount());
      }
      for (ReturnLine back : r.returned()) {
        int n = returned.merge(back.sku(), back.quantity(), Integer::sum);
        int max = ordered.getOrDefault(back.sku(), 0);
        if (n > max) {
          throw Checks.invalid(where + ".returned", "returns " + n + " of " + back.sku()
              + " but the order " + id + " has " + max, back);
        }
      }
    }
    OrderStatus expected = refunds.isEmpty() ? null
        : refunded.compareTo(total) == 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    boolean ok = expected == null
        ? status == OrderStatus.PLACED || status == OrderStatus.PAID || status == OrderStatus.CANCELLED
        : status == expected;
    if (!ok) {
      throw Checks.invalid("Order.status", "does not agree with the refunds (refunded " + refunded
          + " of " + total + ")", status);
    }
  }

  /** A builder for a new order of {@code customerId}; {@code Crm.orders().place(builder)} completes it. */
  public static Builder builder(CustomerId customerId) {
    return new Builder(customerId);
  }

  /** The order's currency (that of its lines). */
  public Currency currency() {
    return lines.get(0).unitPrice().currency();
  }

  /** The sum of the line totals. */
  public Money total() {
    Money t = Money.zero(currency());
    for (OrderLine line : lines) {
      t = t.plus(line.lineTotal());
    }
    return t;
  }

  /** The sum of the refunds. */
  public Money refundedTotal() {
    Money t = Money.zero(currency());
    for (Refund r : refunds) {
      t = t.plus(r.amount());
    }
    return t;
  }

  /** What the customer paid in the end: zero for a cancelled order, else total minus refunds. */
  public Money netTotal() {
    return status == OrderStatus.CANCELLED ? Money.zero(currency()) : total().minus(refundedTotal());
  }

  /** A copy with another status and version (used by the facade). */
  public Order withStatus(OrderStatus status, long version) {
    return new Order(id, customerId, placedAt, lines, status, channel, refunds, version);
  }

  /** A copy with {@code refund} appended, the status following it (used by the facade). */
  public Order withRefund(Refund refund, long version) {
    List<Refund> next = new ArrayList<>(refunds);
    next.add(refund);
    // a refund in another currency is reported by the constructor, naming the refund
    boolean sameCurrency = refund.amount().currency().equals(currency());
    OrderStatus s = sameCurrency && refundedTotal().plus(refund.amount()).compareTo(total()) >= 0
        ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    return new Order(id, customerId, placedAt, lines, s, channel, next, version);
  }

  /**
   * A copy that belongs to {@code customerId} (a merge or an erasure). With {@code dropReasons} the
   * refunds' free-text reasons are emptied.
   */
  public Order withCustomer(CustomerId customerId, long version, boolean dropReasons) {
    List<Refund> r = dropReasons ? refunds.stream().map(x -> new Refund(x.id(), x.refundedAt(),
        x.amount(), x.returned(), "")).toList() : refunds;
    return new Order(id, customerId, placedAt, lines, status, channel, r, version);
  }

  /** The refund with {@code id}, if any. */
  public Optional<Refund> refund(RefundId id) {
    return refunds.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Collects a new order. Not thread-safe. */
  public static final class Builder {
    private final CustomerId customerId;
    private @Nullable OrderId id;
    private @Nullable Instant placedAt;
    private final List<OrderLine> lines = new ArrayList<>();
    private OrderStatus status = OrderStatus.PLACED;
    private Channel channel = Channel.WEB;

    private Builder(CustomerId customerId) {
      this.customerId = Checks.notNull("Order.customerId", customerId);
    }

    /** An independent copy of this builder. */
    public Builder copy() {
      Builder b = new Builder(customerId);
      b.id = id;
      b.placedAt = placedAt;
      b.lines.addAll(lines);
      b.status = status;
      b.channel = channel;
      return b;
    }

    /** The buyer. */
    public CustomerId customerId() {
      return customerId;
    }

    /** The id set so far, if any. */
    public Optional<OrderId> id() {
      return Optional.ofNullable(id);
    }

    /** The placement instant set so far, if any. */
    public Optional<Instant> placedAt() {
      return Optional.ofNullable(placedAt);
    }

    /** Sets the id (otherwise the facade's id generator assigns one). */
    public Builder id(OrderId id) {
      this.id = Checks.notNull("Order.id", id);
      return this;
    }

    /** Sets the id. */
    public Builder id(String id) {
      return id(OrderId.of(id));
    }

    /** Sets when the order was placed (otherwise the facade's clock gives it). */
    public Builder placedAt(Instant placedAt) {
      this.placedAt = Checks.notNull("Order.placedAt", placedAt);
      return this;
    }

    /** Adds a line. */
    public Builder line(OrderLine line) {
      lines.add(Checks.notNull("Order.lines", line));
      return this;
    }

    /** Adds a line. */
    public Builder line(String sku, int quantity, Money unitPrice) {
      return line(new OrderLine(Sku.of(sku), quantity, unitPrice));
    }

    /** Sets the status: {@code PLACED} (default) or {@code PAID}. */
    public Builder status(OrderStatus status) {
      Checks.notNull("Order.status", status);
      if (status != OrderStatus.PLACED && status != OrderStatus.PAID) {
        throw Checks.invalid("Order.status", "a new order is PLACED or PAID", status);
      }
      this.status = status;
      return this;
    }

    /** Sets the channel (default {@link Channel#WEB}). */
    public Builder channel(Channel channel) {
      this.channel = Checks.notNull("Order.channel", channel);
      return this;
    }

    /**
     * Builds the order at version 1.
     *
     * @throws NullPointerException if the id or the placement instant is not set
     * @throws IllegalArgumentException naming the field if the order is invalid
     */
    public Order build() {
      return new Order(Checks.notNull("Order.id", id), customerId,
          Checks.notNull("Order.placedAt", placedAt), lines, status, channel, List.of(), 1);
    }
  }
}
