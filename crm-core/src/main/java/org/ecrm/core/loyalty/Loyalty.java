package org.ecrm.core.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.OrderId;

/**
 * The loyalty programme's points ledger. The balance always equals the sum of the ledger and never
 * goes below zero; every write is idempotent by its source event (writing the same source event again
 * returns the first entry). Writes of one member are serialised within this JVM. Thread-safe.
 */
public interface Loyalty {

  /** The programme's rules. */
  LoyaltyProgram program();

  /**
   * Credits points.
   *
   * @throws org.ecrm.core.model.NotFoundException if the customer does not exist
   * @throws IllegalArgumentException if {@code points} is not positive
   */
  PointsEntry earn(CustomerId customerId, long points, String reason, String sourceEvent);

  /**
   * Credits the points an order earns by the programme's rules (source event {@code order:<id>}).
   *
   * @return the entry, or empty when the order earns no points (cancelled, fully refunded, zero value)
   */
  Optional<PointsEntry> earnForOrder(OrderId orderId);

  /**
   * Spends points.
   *
   * @throws IllegalArgumentException if {@code points} is not positive or exceeds the balance
   */
  PointsEntry redeem(CustomerId customerId, long points, String reason, String sourceEvent);

  /**
   * Corrects the balance by a signed amount.
   *
   * @throws IllegalArgumentException if it would make the balance negative or is zero
   */
  PointsEntry adjust(CustomerId customerId, long points, String reason, String sourceEvent);

  /** Writes expiry entries for every earned lot of the member past its expiry (oldest points are spent first). */
  List<PointsEntry> expire(CustomerId customerId);

  /** The sum of the member's ledger. */
  long balance(CustomerId customerId);

  /** The member's ledger, oldest first. */
  List<PointsEntry> ledger(CustomerId customerId);

  /** The member's tier by the points earned within the re-qualification period up to now. */
  String tier(CustomerId customerId);

  /**
   * Is the programme cost-effective? Compares members' spend after {@code programStart} with that of
   * non-members matched one-to-one on their pre-period recency, frequency and spend.
   *
   * @param members the programme's members
   * @param programStart the start of the programme
   * @param window the length of the pre- and post-periods
   * @param marginRate the gross margin on spend, 0 to 1
   * @param costPerPoint what one redeemed point costs the company
   * @throws IllegalArgumentException for a margin outside 0..1, no members with purchases, too few
   *     non-members to match, or orders in another currency than {@code costPerPoint}
   */
  RoiReport roi(Set<CustomerId> members, Instant programStart, Period window, BigDecimal marginRate,
      Money costPerPoint);
}
