package org.ecrm.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Sku;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoyaltyTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final Crm crm = Crm.builder().clock(clock).discoverStorage(false)
      .loyaltyProgram(new LoyaltyProgram(BigDecimal.ONE, Map.of("books", new BigDecimal("2")), Period.ofMonths(6),
          new TreeMap<>(Map.of(0L, "Bronze", 100L, "Silver", 500L, "Gold")), Period.ofMonths(12)))
      .build();
  private final Customer ada = crm.customers().create(Customer.builder().email("ada@example.com"));

  @Test
  void earnRedeemAdjust_balanceEqualsLedger_andWritesAreIdempotent() {
    Loyalty l = crm.loyalty();
    l.earn(ada.id(), 300, "welcome", "signup:ada");
    PointsEntry again = l.earn(ada.id(), 999, "welcome again", "signup:ada");
    assertThat(again.points()).isEqualTo(300);
    l.redeem(ada.id(), 120, "voucher", "voucher:1");
    l.redeem(ada.id(), 120, "voucher", "voucher:1");
    l.adjust(ada.id(), -30, "correction", "ticket:7");
    assertThat(l.balance(ada.id())).isEqualTo(150);
    assertThat(l.ledger(ada.id())).extracting(PointsEntry::points).containsExactly(300L, -120L, -30L);
    assertThatThrownBy(() -> l.redeem(ada.id(), 151, "too much", "voucher:2"))
        .hasMessage("points: exceeds the balance of 150 of member " + ada.id() + " '151'");
    assertThatThrownBy(() -> l.adjust(ada.id(), -151, "too much", "ticket:8")).hasMessageContaining("negative");
    assertThatThrownBy(() -> l.earn(ada.id(), 0, "nothing", "x")).hasMessage("points: must be positive '0'");
    assertThat(l.tier(ada.id())).isEqualTo("Silver");
  }

  @Test
  void earnForOrder_usesCategoryMultipliersAndRefunds() {
    crm.products().create(Sku.of("BOOK"), "A book", "books", Money.of("10.00", "EUR"));
    Order o = crm.orders().place(Order.builder(ada.id()).line("BOOK", 2, Money.of("10.00", "EUR"))
        .line("PEN", 1, Money.of("5.50", "EUR")));
    // books: 20 EUR x 2 = 40 points; pen: 5.50 -> 5 points (rounded down at the end: 45.5 -> 45)
    assertThat(crm.loyalty().earnForOrder(o.id())).get().extracting(PointsEntry::points).isEqualTo(45L);
    assertThat(crm.loyalty().earnForOrder(o.id())).get().extracting(PointsEntry::points).isEqualTo(45L);
    assertThat(crm.loyalty().balance(ada.id())).isEqualTo(45);
    Order refunded = crm.orders().place(Order.builder(ada.id()).line("PEN", 4, Money.of("5.00", "EUR")));
    crm.orders().refund(refunded.id(), Money.of("10.00", "EUR"), "half back");
    assertThat(crm.loyalty().earnForOrder(refunded.id())).get().extracting(PointsEntry::points).isEqualTo(10L);
  }

  @Test
  void expire_usesFifoAndExpiresOnlyTheUnspentRest() {
    Loyalty l = crm.loyalty();
    l.earn(ada.id(), 100, "a", "e1");
    clock.advanceSeconds(86_400L * 30);
    l.earn(ada.id(), 50, "b", "e2");
    l.redeem(ada.id(), 80, "spend", "r1"); // takes 80 of the first lot
    clock.advanceSeconds(86_400L * 160); // first lot (6 months) has expired, second not yet
    List<PointsEntry> expired = l.expire(ada.id());
    assertThat(expired).extracting(PointsEntry::points).containsExactly(-20L);
    assertThat(l.expire(ada.id())).isEmpty(); // nothing more to expire: idempotent
    assertThat(l.balance(ada.id())).isEqualTo(50);
    clock.advanceSeconds(86_400L * 40);
    l.expire(ada.id());
    assertThat(l.balance(ada.id())).isZero();
    assertThat(l.tier(ada.id())).isEqualTo("Silver"); // 150 earned within 12 months
  }

  /** Random operations: the balance is the ledger's sum, never negative, and equals a naive account. */
  @ParameterizedTest
  @ValueSource(longs = {11, 22, 33, 44, 55, 66})
  void ledgerInvariants_holdForRandomOperations(long seed) {
    Random r = new Random(seed);
    Loyalty l = crm.loyalty();
    Map<String, Long> written = new java.util.HashMap<>(); // naive account: the first write per source event
    for (int i = 0; i < 300; i++) {
      String source = "ev" + r.nextInt(120);
      int op = r.nextInt(4);
      long points = 1 + r.nextInt(200);
      clock.advanceSeconds(3600L * r.nextInt(48));
      try {
        switch (op) {
          case 0 -> l.earn(ada.id(), points, "e", source);
          case 1 -> l.redeem(ada.id(), points, "r", source);
          case 2 -> l.adjust(ada.id(), r.nextBoolean() ? points : -points, "a", source);
          default -> l.expire(ada.id());
        }
      } catch (IllegalArgumentException refused) {
        // a redeem or adjust beyond the balance: nothing written
      }
      l.ledger(ada.id()).forEach(e -> written.putIfAbsent(e.sourceEvent(), e.points()));
      long sum = l.ledger(ada.id()).stream().mapToLong(PointsEntry::points).sum();
      assertThat(l.balance(ada.id())).isEqualTo(sum).isNotNegative();
      List<String> sources = new ArrayList<>(l.ledger(ada.id()).stream().map(PointsEntry::sourceEvent).toList());
      assertThat(new HashSet<>(sources)).hasSameSizeAs(sources);
    }
    assertThat(l.balance(ada.id())).isEqualTo(written.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void roi_comparesMembersWithMatchedControls() {
    Instant start = Instant.parse("2024-07-01T00:00:00Z");
    Set<CustomerId> members = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      Customer c = crm.customers().create(Customer.builder().id(String.format("c%02d", i)));
      boolean member = i % 2 == 0;
      if (member) {
        members.add(c.id());
      }
      int preOrders = 1 + (i / 2) % 4; // twins: c00/c01, c02/c03 ... have the same pre-period behaviour
      for (int k = 0; k < preOrders; k++) {
        crm.orders().place(Order.builder(c.id()).placedAt(start.minusSeconds(86_400L * (10 + 20 * k)))
            .line("X", 1, Money.of("20.00", "EUR")));
      }
      int postOrders = preOrders + (member ? 1 : 0); // members buy one more
      for (int k = 0; k < postOrders; k++) {
        crm.orders().place(Order.builder(c.id()).placedAt(start.plusSeconds(86_400L * (5 + 20 * k)))
            .line("X", 1, Money.of("20.00", "EUR")));
      }
    }
    clock.advanceSeconds(java.time.Duration.between(clock.instant(), start.plusSeconds(86_400)).getSeconds());
    for (CustomerId m : members) {
      crm.loyalty().earn(m, 100, "post", "post:" + m);
      crm.loyalty().redeem(m, 50, "voucher", "v:" + m);
    }
    RoiReport roi = crm.loyalty().roi(members, start, Period.ofMonths(3), new BigDecimal("0.30"), Money.of("0.01", "EUR"));
    assertThat(roi.members()).isEqualTo(20);
    assertThat(roi.memberSpendPerCustomer().minus(roi.controlSpendPerCustomer())).isEqualTo(Money.of("20.00", "EUR"));
    assertThat(roi.incrementalMargin()).isEqualTo(Money.of("120.00", "EUR")); // 20 EUR x 20 x 30 %
    assertThat(roi.pointsIssued()).isEqualTo(2000);
    assertThat(roi.pointsRedeemed()).isEqualTo(1000);
    assertThat(roi.cost()).isEqualTo(Money.of("10.00", "EUR"));
    assertThat(roi.roi()).isEqualByComparingTo("11.0000");
    assertThatThrownBy(() -> crm.loyalty().roi(members, start, Period.ofMonths(3), new BigDecimal("1.5"),
        Money.of("0.01", "EUR"))).hasMessage("marginRate: must be between 0 and 1 '1.5'");
    assertThatThrownBy(() -> crm.loyalty().roi(members, start, Period.ofMonths(3), BigDecimal.ONE,
        Money.of("0.01", "USD"))).hasMessageContaining("is not in the cost's currency USD");
  }
}
