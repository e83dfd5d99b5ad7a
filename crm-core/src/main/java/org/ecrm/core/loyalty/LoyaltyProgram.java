package org.ecrm.core.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderLine;

/**
 * The rules of a loyalty programme: points per unit of order value (with per-category multipliers),
 * how long earned points live, and tiers by points earned within the re-qualification period.
 * Immutable and thread-safe.
 *
 * @param pointsPerUnit points per whole currency unit of an order line's total
 * @param categoryMultipliers multipliers by product category (1 when absent)
 * @param expiry how long earned points live
 * @param tiers tier name by the points earned within {@code requalification} needed, the lowest 0
 * @param requalification the window over which tier points are counted
 */
public record LoyaltyProgram(BigDecimal pointsPerUnit, Map<String, BigDecimal> categoryMultipliers,
    Period expiry, NavigableMap<Long, String> tiers, Period requalification) {

  /** @throws IllegalArgumentException naming the field for negative rates or no zero tier */
  public LoyaltyProgram {
    Checks.notNull("LoyaltyProgram.pointsPerUnit", pointsPerUnit);
    if (pointsPerUnit.signum() < 0) {
      throw Checks.invalid("LoyaltyProgram.pointsPerUnit", "must not be negative", pointsPerUnit);
    }
    categoryMultipliers = Map.copyOf(Checks.notNull("LoyaltyProgram.categoryMultipliers", categoryMultipliers));
    categoryMultipliers.forEach((k, v) -> {
      if (v.signum() < 0) {
        throw Checks.invalid("LoyaltyProgram.categoryMultipliers[" + k + "]", "must not be negative", v);
      }
    });
    Checks.notNull("LoyaltyProgram.expiry", expiry);
    if (expiry.isNegative() || expiry.isZero()) {
      throw Checks.invalid("LoyaltyProgram.expiry", "must be positive", expiry);
    }
    tiers = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(Checks.notNull("LoyaltyProgram.tiers", tiers)));
    if (!tiers.containsKey(0L)) {
      throw Checks.invalid("LoyaltyProgram.tiers", "needs a tier at 0 points", tiers);
    }
    Checks.notNull("LoyaltyProgram.requalification", requalification);
  }

  /** 1 point per unit, no multipliers, points live 12 months, Bronze/Silver 1,000/Gold 5,000 over 12 months. */
  public static LoyaltyProgram standard() {
    return new LoyaltyProgram(BigDecimal.ONE, Map.of(), Period.ofMonths(12),
        new TreeMap<>(Map.of(0L, "Bronze", 1_000L, "Silver", 5_000L, "Gold")), Period.ofMonths(12));
  }

  /** Points an order earns: each line's net share times the rate and its category's multiplier, rounded down. */
  public long pointsFor(Order order, Map<String, String> categoryBySku) {
    BigDecimal points = BigDecimal.ZERO;
    Money total = order.total();
    Money net = order.netTotal();
    for (OrderLine line : order.lines()) {
      BigDecimal value = line.lineTotal().amount();
      if (!total.isZero()) { // refunds reduce every line in proportion
        value = value.multiply(net.amount()).divide(total.amount(), 10, RoundingMode.DOWN);
      }
      BigDecimal m = categoryMultipliers.getOrDefault(categoryBySku.getOrDefault(line.sku().value(), ""),
          BigDecimal.ONE);
      points = points.add(value.multiply(pointsPerUnit).multiply(m));
    }
    return points.setScale(0, RoundingMode.DOWN).longValueExact();
  }

  /** The tier for points earned within the re-qualification window. */
  public String tierFor(long pointsEarned) {
    return tiers.floorEntry(Math.max(0, pointsEarned)).getValue();
  }

  /** Tier names, lowest first. */
  public List<String> tierNames() {
    return List.copyOf(tiers.values());
  }
}
