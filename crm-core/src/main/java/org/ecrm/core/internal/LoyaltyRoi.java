package org.ecrm.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.loyalty.RoiReport;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.service.Orders;
import org.ecrm.core.spi.LedgerStore;

/**
 * Programme ROI against a matched control group: each member with purchases is matched to the nearest
 * unused non-member on standardised pre-period recency, frequency and spend (greedy, members in id
 * order); the uplift is the difference of mean post-period spend.
 */
final class LoyaltyRoi {
  private final Orders orders;
  private final LedgerStore ledger;

  LoyaltyRoi(Orders orders, LedgerStore ledger) {
    this.orders = orders;
    this.ledger = ledger;
  }

  /** Per-customer pre- and post-period figures. */
  private static final class Stats {
    Instant lastPre;
    long preOrders;
    long preSpend;
    long postSpend;
  }

  RoiReport compute(Set<CustomerId> members, Instant start, Period window, BigDecimal marginRate,
      Money costPerPoint) {
    if (marginRate.signum() < 0 || marginRate.compareTo(BigDecimal.ONE) > 0) {
      throw Checks.invalid("marginRate", "must be between 0 and 1", marginRate);
    }
    Currency currency = costPerPoint.currency();
    Instant preFrom = start.atOffset(ZoneOffset.UTC).minus(window).toInstant();
    Instant postTo = start.atOffset(ZoneOffset.UTC).plus(window).toInstant();
    Map<CustomerId, Stats> stats = new HashMap<>();
    orders.stream().filter(o -> o.status() != OrderStatus.CANCELLED).forEach(o -> {
      boolean pre = !o.placedAt().isBefore(preFrom) && o.placedAt().isBefore(start);
      boolean post = !o.placedAt().isBefore(start) && o.placedAt().isBefore(postTo);
      if (!pre && !post) {
        return;
      }
      if (!o.currency().equals(currency)) {
        throw Checks.invalid("Order.currency", "order " + o.id() + " is not in the cost's currency "
            + currency.getCurrencyCode(), o.currency().getCurrencyCode());
      }
      Stats s = stats.computeIfAbsent(o.customerId(), k -> new Stats());
      long net = o.netTotal().minorUnits();
      if (pre) {
        s.preOrders++;
        s.preSpend += net;
        s.lastPre = s.lastPre == null || o.placedAt().isAfter(s.lastPre) ? o.placedAt() : s.lastPre;
      } else {
        s.postSpend += net;
      }
    });
    List<CustomerId> treated = stats.keySet().stream().filter(members::contains).sorted().toList();
    List<CustomerId> pool = new ArrayList<>(stats.keySet().stream().filter(c -> !members.contains(c)).sorted().toList());
    if (treated.isEmpty()) {
      throw Checks.invalid("members", "none of the members bought in the pre- or post-period", members.size());
    }
    if (pool.size() < treated.size()) {
      throw Checks.invalid("members", "too few non-members with purchases to match (" + pool.size()
          + ") for the members with purchases", treated.size());
    }
    double windowDays = Duration.between(preFrom, start).toDays();
    Map<CustomerId, double[]> features = new HashMap<>();
    stats.forEach((c, s) -> features.put(c, new double[] {
        s.lastPre == null ? windowDays : Duration.between(s.lastPre, start).toDays(), s.preOrders, s.preSpend}));
    double[] scale = new double[3];
    for (int k = 0; k < 3; k++) {
      final int f = k;
      double mean = features.values().stream().mapToDouble(v -> v[f]).average().orElse(0);
      double var = features.values().stream().mapToDouble(v -> (v[f] - mean) * (v[f] - mean)).average().orElse(0);
      scale[k] = var > 0 ? Math.sqrt(var) : 1;
    }
    long memberSpend = 0;
    long controlSpend = 0;
    for (CustomerId m : treated) {
      double[] fm = features.get(m);
      int best = -1;
      double bestDistance = Double.MAX_VALUE;
      for (int i = 0; i < pool.size(); i++) {
        double[] fc = features.get(pool.get(i));
        double d = 0;
        for (int k = 0; k < 3; k++) {
          double x = (fm[k] - fc[k]) / scale[k];
          d += x * x;
        }
        if (d < bestDistance) {
          bestDistance = d;
          best = i;
        }
      }
      CustomerId control = pool.remove(best);
      memberSpend += stats.get(m).postSpend;
      controlSpend += stats.get(control).postSpend;
    }
    int n = treated.size();
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
    BigDecimal memberMean = BigDecimal.valueOf(memberSpend).multiply(unit).divide(BigDecimal.valueOf(n), digits, RoundingMode.HALF_EVEN);
    BigDecimal controlMean = BigDecimal.valueOf(controlSpend).multiply(unit).divide(BigDecimal.valueOf(n), digits, RoundingMode.HALF_EVEN);
    BigDecimal incremental = memberMean.subtract(controlMean).multiply(BigDecimal.valueOf(n)).multiply(marginRate)
        .setScale(digits, RoundingMode.HALF_EVEN);
    long issued = 0;
    long redeemed = 0;
    for (CustomerId m : members) {
      for (PointsEntry e : ledger.history(m)) {
        if (e.at().isBefore(start) || !e.at().isBefore(postTo)) {
          continue;
        }
        if (e.kind() == PointsEntry.Kind.EARN) {
          issued += e.points();
        } else if (e.kind() == PointsEntry.Kind.REDEEM) {
          redeemed -= e.points();
        }
      }
    }
    Money cost = costPerPoint.times(redeemed);
    Money margin = new Money(incremental, currency);
    BigDecimal roi = LoyaltyService.ratio(margin.minus(cost).amount(), cost.amount());
    return new RoiReport(n, n, new Money(memberMean, currency), new Money(controlMean, currency), margin,
        issued, redeemed, cost, roi);
  }

}
