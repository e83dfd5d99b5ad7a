package org.ecrm.core.internal.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.RejectedRow;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderLine;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Refund;
import org.ecrm.core.model.ReturnLine;
import org.ecrm.core.model.Sku;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.Orders;
import org.jspecify.annotations.Nullable;

/**
 * Groups consecutive rows with the same order id into one order and places it; rows of a
 * cancellation order are refunds of the customer's latest earlier purchase of that sku.
 */
final class OrderRows implements ImportRunner.RowHandler {
  private final Customers customers;
  private final Orders orders;
  private final ImportRequest req;
  private final ImportRunner.Tally tally;
  private @Nullable String groupId;
  private final List<Row> group = new ArrayList<>();
  private final Instant earliest;
  private final Instant latestExclusive;

  OrderRows(Customers customers, Orders orders, ImportRequest req, ImportRunner.Tally tally, LocalDate latest) {
    this.customers = customers;
    this.orders = orders;
    this.req = req;
    this.tally = tally;
    this.earliest = req.earliestDate().atStartOfDay(req.zone()).toInstant();
    this.latestExclusive = latest.plusDays(1).atStartOfDay(req.zone()).toInstant();
  }

  @Override
  public void accept(Row row, ImportRequest request, ImportRunner.Tally t) {
    String id = row.require("orderId");
    if (!id.equals(groupId)) {
      flush();
      groupId = id;
    }
    group.add(row);
  }

  @Override
  public Object save() {
    return new Object[] {groupId, List.copyOf(group)};
  }

  @Override
  @SuppressWarnings("unchecked")
  public void restore(@Nullable Object state) {
    Object[] s = (Object[]) java.util.Objects.requireNonNull(state);
    groupId = (String) s[0];
    group.clear();
    group.addAll((List<Row>) s[1]);
  }

  /** Handles the rows collected for the current order. */
  void flush() {
    if (groupId == null) {
      return;
    }
    List<Row> rows = List.copyOf(group);
    String id = groupId;
    group.clear();
    groupId = null;
    boolean cancellation = req.cancellationPrefix().map(id::startsWith).orElse(false);
    if (cancellation) {
      for (Row row : rows) {
        guarded(row, () -> cancel(row, id));
      }
    } else {
      place(id, rows);
    }
  }

  private void guarded(Row row, Runnable work) {
    try {
      work.run();
    } catch (RowException e) {
      tally.reject(row.line(), e.field, e.getMessage());
    } catch (RuntimeException e) {
      tally.reject(row.line(), "row", e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /**
   * Places the order only when every one of its rows is valid: one bad line rejects all the order's
   * rows (the bad one with its field and reason, the others naming it), so that a corrected file can
   * be imported again.
   */
  private void place(String id, List<Row> rows) {
    List<RejectedRow> problems = new ArrayList<>();
    OrderId orderId;
    try {
      orderId = RowException.guard("orderId", id, OrderId::of);
    } catch (RowException e) {
      rows.forEach(r -> tally.reject(r.line(), e.field, e.getMessage()));
      return;
    }
    List<OrderLine> lines = new ArrayList<>();
    CustomerId[] customer = new CustomerId[1];
    Instant[] placedAt = new Instant[1];
    for (Row row : rows) {
      try {
        CustomerId c = row.parseRequired("customerId", CustomerId::of);
        if (customer[0] != null && !customer[0].equals(c)) {
          throw new RowException("customerId", "differs from the order's first line ('" + customer[0]
              + "') '" + c + "'");
        }
        if (customers.get(c).isEmpty()) {
          throw new RowException("customerId", "unknown customer '" + c + "'");
        }
        Instant at = row.parseRequired("placedAt", this::instant);
        OrderLine line = line(row, false);
        customer[0] = c;
        if (placedAt[0] == null) {
          placedAt[0] = at;
        }
        lines.add(line);
      } catch (RowException e) {
        problems.add(new RejectedRow(row.line(), e.field, e.getMessage()));
      } catch (RuntimeException e) {
        problems.add(new RejectedRow(row.line(), "row", e.getMessage() == null ? e.toString() : e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      rejectOrder(orderId, rows, problems);
      return;
    }
    Row first = rows.get(0);
    var existing = orders.get(orderId);
    if (existing.isPresent()) {
      if (existing.get().lines().equals(lines)) {
        tally.unchanged += rows.size();
      } else {
        rows.forEach(r -> tally.reject(r.line(), "orderId", "order '" + orderId
            + "' already exists with other lines (orders are not changed by an import)"));
      }
      return;
    }
    try {
      Order.Builder b = Order.builder(customer[0]).id(orderId).placedAt(placedAt[0]);
      lines.forEach(b::line);
      first.parse("channel", v -> Channel.valueOf(v.toUpperCase(Locale.ROOT))).ifPresent(b::channel);
      first.parse("status", v -> OrderStatus.valueOf(v.toUpperCase(Locale.ROOT))).ifPresent(b::status);
      b.copy().build(); // validates the whole order (one currency) before anything is written
      if (!req.dryRun()) {
        orders.place(b);
      }
      tally.created++;
    } catch (RowException e) {
      rejectOrder(orderId, rows, List.of(new RejectedRow(first.line(), e.field, e.getMessage())));
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      rows.forEach(r -> tally.reject(r.line(), "row", "order '" + orderId + "' not placed: " + reason));
    }
  }

  /** Rejects every row of an order: the bad ones for their own reason, the rest naming them. */
  private void rejectOrder(OrderId orderId, List<Row> rows, List<RejectedRow> problems) {
    Map<Long, RejectedRow> byLine = new HashMap<>();
    problems.forEach(p -> byLine.put(p.line(), p));
    String badLines = problems.stream().map(p -> p.line() + " (" + p.field() + ")")
        .collect(Collectors.joining(", "));
    for (Row row : rows) {
      RejectedRow own = byLine.get(row.line());
      tally.rejections.add(own != null ? own : new RejectedRow(row.line(), "orderId", "order '" + orderId
          + "' not placed: its line " + badLines + " was rejected; the whole order is imported once"
          + " every line is valid"));
    }
  }

  private OrderLine line(Row row, boolean negativeQuantity) {
    Sku sku = row.parseRequired("sku", Sku::of);
    int quantity = row.parseRequired("quantity", Integer::parseInt);
    if (negativeQuantity) {
      quantity = Math.abs(quantity);
    }
    if (quantity <= 0) {
      throw new RowException("quantity", "must be positive '" + quantity + "'");
    }
    Money price = ImportRunner.money(row, req, "unitPrice")
        .orElseThrow(() -> new RowException("unitPrice", "missing"));
    int q = quantity;
    return RowException.guard("unitPrice", price.toString(), x -> new OrderLine(sku, q, price));
  }

  /** A cancellation row: refund the latest earlier purchase of the sku by the same customer. */
  private void cancel(Row row, String cancellationId) {
    CustomerId c = row.parseRequired("customerId", CustomerId::of);
    if (customers.get(c).isEmpty()) {
      throw new RowException("customerId", "unknown customer '" + c + "'");
    }
    Instant at = row.parseRequired("placedAt", this::instant);
    OrderLine line = line(row, true);
    Order target = orders.ofCustomer(c).stream()
        .filter(o -> !o.placedAt().isAfter(at))
        .filter(o -> o.status() != OrderStatus.CANCELLED && o.status() != OrderStatus.REFUNDED)
        .filter(o -> returnable(o, line.sku()) > 0)
        .filter(o -> o.currency().equals(line.unitPrice().currency()))
        .max(Comparator.comparing(Order::placedAt))
        .orElseThrow(() -> new RowException("sku", "no earlier purchase of '" + line.sku()
            + "' by customer '" + c + "' left to refund for cancellation " + cancellationId));
    int back = Math.min(line.quantity(), returnable(target, line.sku()));
    Money remaining = target.total().minus(target.refundedTotal());
    Money amount = line.unitPrice().times(back);
    if (amount.compareTo(remaining) > 0) {
      amount = remaining;
    }
    if (!amount.isPositive()) {
      throw new RowException("unitPrice", "a zero-value return has nothing to refund '" + line.unitPrice() + "'");
    }
    if (!req.dryRun()) {
      orders.refund(target.id(), amount, List.of(new ReturnLine(line.sku(), back)),
          "cancellation " + cancellationId, at.isBefore(target.placedAt()) ? target.placedAt() : at);
    }
    tally.updated++;
  }

  private static int returnable(Order o, Sku sku) {
    int ordered = 0;
    for (OrderLine l : o.lines()) {
      if (l.sku().equals(sku)) {
        ordered += l.quantity();
      }
    }
    for (Refund r : o.refunds()) {
      for (ReturnLine back : r.returned()) {
        if (back.sku().equals(sku)) {
          ordered -= back.quantity();
        }
      }
    }
    return ordered;
  }

  private Instant instant(String v) {
    Instant at;
    try {
      if (req.dateTimeFormat().isPresent()) {
        at = patterned(req.dateTimeFormat().get().parse(v));
      } else if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
        at = OffsetDateTime.parse(v).toInstant();
      } else if (v.indexOf('T') < 0 && v.indexOf(' ') < 0) {
        at = LocalDate.parse(v).atStartOfDay(req.zone()).toInstant();
      } else {
        at = LocalDateTime.parse(v).atZone(req.zone()).toInstant();
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a date-time" + req.dateTimePattern()
          .map(p -> " in the import's pattern '" + p + "'")
          .orElse(" (ISO-8601: 2024-01-05, 2024-01-05T10:00:00, 2024-01-05T10:00:00Z)")
          + " or outside the supported range");
    }
    if (at.isBefore(earliest) || !at.isBefore(latestExclusive)) {
      throw new IllegalArgumentException("outside the accepted date range " + req.earliestDate() + " .. "
          + latestExclusive.atZone(req.zone()).toLocalDate().minusDays(1));
    }
    return at;
  }

  /**
   * A value read by the request's pattern: its own offset or zone, else the request's zone; a date without a time
   * is the start of that day. One parse per value (no trial queries that fail with exceptions on every row).
   */
  private Instant patterned(TemporalAccessor t) {
    LocalDate date = t.query(TemporalQueries.localDate());
    if (date == null) {
      throw new DateTimeException("the pattern gives no date");
    }
    ZoneId own = t.query(TemporalQueries.zone());
    ZoneId zone = own != null ? own : req.zone();
    LocalTime time = t.query(TemporalQueries.localTime());
    return time == null ? date.atStartOfDay(zone).toInstant() : ZonedDateTime.of(date, time, zone).toInstant();
  }
}
