package org.ecrm.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.loyalty.Loyalty;
import org.ecrm.core.loyalty.LoyaltyProgram;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.loyalty.RoiReport;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderLine;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.Orders;
import org.ecrm.core.service.Products;
import org.ecrm.core.spi.LedgerStore;

/** {@link Loyalty} over a {@link LedgerStore}. Thread-safe; writes of one member serialised. */
public final class LoyaltyService implements Loyalty {
  private final CrmContext ctx;
  private final Customers customers;
  private final Orders orders;
  private final Products products;
  private final LoyaltyProgram program;
  private final LedgerStore store;
  private final Map<CustomerId, Object> locks = new ConcurrentHashMap<>();

  /** @param ctx context @param customers @param orders @param products services read @param program rules */
  public LoyaltyService(CrmContext ctx, Customers customers, Orders orders, Products products,
      LoyaltyProgram program) {
    this.ctx = ctx;
    this.customers = customers;
    this.orders = orders;
    this.products = products;
    this.program = program;
    this.store = ctx.storage().ledger();
  }

  @Override
  public LoyaltyProgram program() {
    return program;
  }

  /**
   * Runs one ledger operation of a member as one atomic storage operation, holding the member's lock
   * until it is stored, so the next operation of the member sees its entry (balance checks).
   */
  private <T> T locked(CustomerId id, String operation, Supplier<T> work) {
    synchronized (locks.computeIfAbsent(id, k -> new Object())) {
      return ctx.atomically(operation, work);
    }
  }

  /** Writes the entry unless one with its source event exists; returns the stored entry. */
  private PointsEntry write(PointsEntry entry) {
    for (PointsEntry e : store.history(entry.customerId())) {
      if (e.sourceEvent().equals(entry.sourceEvent())) {
        return e;
      }
    }
    try {
      store.append(entry);
      return entry;
    } catch (DuplicateKeyException raced) { // another process wrote it first
      return store.history(entry.customerId()).stream()
          .filter(e -> e.sourceEvent().equals(entry.sourceEvent())).findFirst().orElseThrow(() -> raced);
    }
  }

  private Optional<PointsEntry> existing(CustomerId id, String sourceEvent) {
    return store.history(id).stream().filter(e -> e.sourceEvent().equals(sourceEvent)).findFirst();
  }

  @Override
  public PointsEntry earn(CustomerId customerId, long points, String reason, String sourceEvent) {
    Checks.notNull("customerId", customerId);
    String op = "earn " + points + " points for customer " + customerId + " (" + sourceEvent + ")";
    CustomerId id = ctx.naming(op, () -> customers.require(customerId).id());
    Checks.positive("points", points);
    return locked(id, op, () -> {
      Instant now = ctx.now();
      Instant expires = now.atOffset(ZoneOffset.UTC).plus(program.expiry()).toInstant();
      return write(new PointsEntry(id, PointsEntry.Kind.EARN, points, reason, sourceEvent, now, expires));
    });
  }

  @Override
  public Optional<PointsEntry> earnForOrder(OrderId orderId) {
    Order o = orders.require(orderId);
    if (o.status() == OrderStatus.CANCELLED) {
      return Optional.empty();
    }
    Map<String, String> categories = new HashMap<>();
    for (OrderLine line : o.lines()) {
      products.get(line.sku()).ifPresent(p -> categories.put(line.sku().value(), p.category()));
    }
    long points = program.pointsFor(o, categories);
    String source = "order:" + o.id();
    if (points <= 0) {
      return existing(o.customerId(), source);
    }
    return Optional.of(earn(o.customerId(), points, "order " + o.id(), source));
  }

  @Override
  public PointsEntry redeem(CustomerId customerId, long points, String reason, String sourceEvent) {
    Checks.notNull("customerId", customerId);
    String op = "redeem " + points + " points of customer " + customerId + " (" + sourceEvent + ")";
    CustomerId id = ctx.naming(op, () -> customers.require(customerId).id());
    Checks.positive("points", points);
    return locked(id, op, () -> {
      Optional<PointsEntry> done = existing(id, sourceEvent);
      if (done.isPresent()) {
        return done.get();
      }
      long balance = balance(id);
      if (points > balance) {
        throw Checks.invalid("points", "exceeds the balance of " + balance + " of member " + id, points);
      }
      Instant now = ctx.now();
      return write(new PointsEntry(id, PointsEntry.Kind.REDEEM, -points, reason, sourceEvent, now, now));
    });
  }

  @Override
  public PointsEntry adjust(CustomerId customerId, long points, String reason, String sourceEvent) {
    Checks.notNull("customerId", customerId);
    String op = "adjust the points of customer " + customerId + " by " + points + " (" + sourceEvent + ")";
    CustomerId id = ctx.naming(op, () -> customers.require(customerId).id());
    if (points == 0) {
      throw Checks.invalid("points", "an adjustment must not be zero", points);
    }
    return locked(id, op, () -> {
      Optional<PointsEntry> done = existing(id, sourceEvent);
      if (done.isPresent()) {
        return done.get();
      }
      long balance = balance(id);
      if (balance + points < 0) {
        throw Checks.invalid("points", "would make the balance of member " + id + " negative (" + balance
            + ")", points);
      }
      Instant now = ctx.now();
      return write(new PointsEntry(id, PointsEntry.Kind.ADJUST, points, reason, sourceEvent, now, now));
    });
  }

  @Override
  public List<PointsEntry> expire(CustomerId customerId) {
    Checks.notNull("customerId", customerId);
    String op = "expire the points of customer " + customerId;
    CustomerId id = ctx.naming(op, () -> customers.require(customerId).id());
    Instant now = ctx.now();
    return locked(id, op, () -> {
      List<PointsEntry> written = new ArrayList<>();
      for (Lot lot : lots(store.history(id))) {
        if (lot.remaining > 0 && !lot.earn.expiresAt().isAfter(now)) {
          written.add(write(new PointsEntry(id, PointsEntry.Kind.EXPIRE, -lot.remaining,
              "points earned " + lot.earn.at() + " expired", "expire:" + lot.earn.sourceEvent(), now, now)));
        }
      }
      return written;
    });
  }

  /** Earned lots with what is left of them: spending (redeem, expire, negative adjust) uses the lot that expires first. */
  static List<Lot> lots(List<PointsEntry> entries) {
    List<Lot> lots = new ArrayList<>();
    List<PointsEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(PointsEntry::at)); // stable: same instant keeps append order
    for (PointsEntry e : sorted) {
      if (e.points() > 0) {
        if (e.kind() == PointsEntry.Kind.EARN) {
          lots.add(new Lot(e, e.points()));
        }
        continue;
      }
      long spend = -e.points();
      String expiredSource = e.kind() == PointsEntry.Kind.EXPIRE && e.sourceEvent().startsWith("expire:")
          ? e.sourceEvent().substring("expire:".length()) : null;
      List<Lot> order = new ArrayList<>(lots);
      order.sort(Comparator.comparing((Lot l) -> l.earn.expiresAt()));
      for (Lot lot : order) {
        if (spend == 0) {
          break;
        }
        if (expiredSource != null && !lot.earn.sourceEvent().equals(expiredSource)) {
          continue;
        }
        long take = Math.min(spend, lot.remaining);
        lot.remaining -= take;
        spend -= take;
      }
    }
    return lots;
  }

  /** An earned lot and its unspent points. */
  static final class Lot {
    final PointsEntry earn;
    long remaining;

    Lot(PointsEntry earn, long remaining) {
      this.earn = earn;
      this.remaining = remaining;
    }
  }

  @Override
  public long balance(CustomerId customerId) {
    return store.history(customerId).stream().mapToLong(PointsEntry::points).sum();
  }

  @Override
  public List<PointsEntry> ledger(CustomerId customerId) {
    return store.history(customers.require(customerId).id());
  }

  @Override
  public String tier(CustomerId customerId) {
    CustomerId id = customers.require(customerId).id();
    Instant now = ctx.now();
    Instant from = now.atOffset(ZoneOffset.UTC).minus(program.requalification()).toInstant();
    long earned = store.history(id).stream().filter(e -> e.kind() == PointsEntry.Kind.EARN)
        .filter(e -> !e.at().isBefore(from) && !e.at().isAfter(now)).mapToLong(PointsEntry::points).sum();
    return program.tierFor(earned);
  }

  @Override
  public RoiReport roi(Set<CustomerId> members, Instant programStart, Period window, BigDecimal marginRate,
      Money costPerPoint) {
    return new LoyaltyRoi(orders, store).compute(Set.copyOf(Checks.notNull("members", members)),
        Checks.notNull("programStart", programStart), Checks.notNull("window", window),
        Checks.notNull("marginRate", marginRate), Checks.notNull("costPerPoint", costPerPoint));
  }

  static BigDecimal ratio(BigDecimal a, BigDecimal b) {
    return b.signum() == 0 ? BigDecimal.ZERO : a.divide(b, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
  }

}
