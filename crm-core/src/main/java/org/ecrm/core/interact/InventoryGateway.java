package org.ecrm.core.interact;

import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Sku;

/**
 * Host SPI to the transaction system's stock: levels, availability, discontinued products and
 * reservations. Offers, recommendations and campaign content ask it at the moment of use, so nothing out
 * of stock or discontinued is pushed. Implementations must be thread-safe. The default is {@link
 * #inMemory()}.
 */
public interface InventoryGateway {

  /** The stock of {@code sku}; a sku the inventory does not know is {@link StockLevel#unknown}. */
  StockLevel stock(Sku sku);

  /**
   * Reserves {@code quantity} units for {@code reference} (an order, a cart, a campaign offer).
   *
   * @throws IllegalArgumentException if the quantity is not positive
   * @throws IllegalStateException if fewer units are available or the product is discontinued
   */
  Reservation reserve(Sku sku, int quantity, String reference);

  /**
   * Releases a reservation.
   *
   * @return false if it was already released or unknown
   */
  boolean release(Reservation reservation);

  /** Whether at least one unit can be promised and the product is not discontinued. */
  default boolean isAvailable(Sku sku) {
    return stock(sku).sellable();
  }

  /** A thread-safe in-memory inventory where every sku is unknown until stocked. */
  static InMemoryInventory inMemory() {
    return new InMemoryInventory();
  }

  /**
   * The stock of one sku. Immutable and thread-safe.
   *
   * @param sku the product
   * @param known whether the inventory knows the sku at all
   * @param onHand units on hand, at least 0
   * @param reserved units reserved, at least 0
   * @param discontinued whether the product is no longer sold
   */
  record StockLevel(Sku sku, boolean known, long onHand, long reserved, boolean discontinued) {
    /** @throws IllegalArgumentException naming the field for negative counts */
    public StockLevel {
      Checks.notNull("StockLevel.sku", sku);
      Checks.nonNegative("StockLevel.onHand", onHand);
      Checks.nonNegative("StockLevel.reserved", reserved);
    }

    /** A sku the inventory does not know: nothing to promise. */
    public static StockLevel unknown(Sku sku) {
      return new StockLevel(sku, false, 0, 0, false);
    }

    /** Units that can still be promised: on hand minus reserved, at least 0. */
    public long available() {
      return Math.max(0, onHand - reserved);
    }

    /** Known, not discontinued and at least one unit available. */
    public boolean sellable() {
      return known && !discontinued && available() > 0;
    }

    /** Why the sku cannot be offered ({@code ""} when it can). */
    public String unavailableReason() {
      if (!known) {
        return "unknown to the inventory";
      }
      if (discontinued) {
        return "discontinued";
      }
      return available() > 0 ? "" : "out of stock (" + onHand + " on hand, " + reserved + " reserved)";
    }
  }

  /**
   * A reservation of stock. Immutable and thread-safe.
   *
   * @param id the reservation's id
   * @param sku the product
   * @param quantity units reserved
   * @param reference what the units are held for
   */
  record Reservation(String id, Sku sku, int quantity, String reference) {
    /** @throws IllegalArgumentException naming the field */
    public Reservation {
      id = Checks.id("Reservation.id", id);
      Checks.notNull("Reservation.sku", sku);
      Checks.positive("Reservation.quantity", quantity);
      reference = Checks.line("Reservation.reference", reference);
    }
  }
}
