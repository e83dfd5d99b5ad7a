package org.ecrm.core.interact;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Sku;

/**
 * The default {@link InventoryGateway}: stock held in memory, set by the host or a test. Thread-safe:
 * each sku's level changes atomically, so concurrent reservations never promise more than is on hand.
 */
public final class InMemoryInventory implements InventoryGateway {
  private final Map<Sku, StockLevel> levels = new ConcurrentHashMap<>();
  private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  InMemoryInventory() {
  }

  /**
   * Sets the units on hand of {@code sku} (reservations are kept).
   *
   * @throws IllegalArgumentException if {@code onHand} is negative
   */
  public InMemoryInventory stock(Sku sku, long onHand) {
    Checks.notNull("InMemoryInventory.sku", sku);
    Checks.nonNegative("InMemoryInventory.onHand", onHand);
    levels.compute(sku, (k, old) -> old == null ? new StockLevel(k, true, onHand, 0, false)
        : new StockLevel(k, true, onHand, old.reserved(), old.discontinued()));
    return this;
  }

  /** Marks {@code sku} discontinued (known from now on, even if it was not stocked). */
  public InMemoryInventory discontinue(Sku sku) {
    Checks.notNull("InMemoryInventory.sku", sku);
    levels.compute(sku, (k, old) -> old == null ? new StockLevel(k, true, 0, 0, true)
        : new StockLevel(k, true, old.onHand(), old.reserved(), true));
    return this;
  }

  @Override
  public StockLevel stock(Sku sku) {
    Checks.notNull("InventoryGateway.sku", sku);
    StockLevel s = levels.get(sku);
    return s == null ? StockLevel.unknown(sku) : s;
  }

  @Override
  public Reservation reserve(Sku sku, int quantity, String reference) {
    Checks.notNull("InventoryGateway.sku", sku);
    Checks.positive("InventoryGateway.quantity", quantity);
    Reservation r = new Reservation("r" + ids.incrementAndGet(), sku, quantity, reference);
    levels.compute(sku, (k, old) -> {
      StockLevel s = old == null ? StockLevel.unknown(k) : old;
      if (!s.known() || s.discontinued() || s.available() < quantity) {
        throw new IllegalStateException("InventoryGateway.reserve: cannot reserve " + quantity + " of " + k
            + ": " + (s.sellable() ? "only " + s.available() + " available" : s.unavailableReason()));
      }
      return new StockLevel(k, true, s.onHand(), s.reserved() + quantity, false);
    });
    reservations.put(r.id(), r);
    return r;
  }

  @Override
  public boolean release(Reservation reservation) {
    Checks.notNull("InventoryGateway.reservation", reservation);
    if (reservations.remove(reservation.id()) == null) {
      return false;
    }
    levels.computeIfPresent(reservation.sku(), (k, s) -> new StockLevel(k, true, s.onHand(),
        Math.max(0, s.reserved() - reservation.quantity()), s.discontinued()));
    return true;
  }
}
