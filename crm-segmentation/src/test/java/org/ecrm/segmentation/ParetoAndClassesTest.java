package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.CustomerKeys;
import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.segmentation.CustomerClasses.CustomerClass;
import org.ecrm.segmentation.Pareto.AbcClass;
import org.junit.jupiter.api.Test;

class ParetoAndClassesTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

  static RfmResult values(long... cents) {
    long[] c = new long[cents.length];
    int[] d = new int[cents.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = i + 1;
      d[i] = 20_000;
    }
    return RfmAnalysis.builder().asOf(AS_OF).build().run(TransactionSource.ofArrays(EUR, c, d, cents));
  }

  @Test
  void abcClassesFollowCumulativeValueShares() {
    // values 50, 30, 10, 5, 3, 2 (total 100): A until 80 % is reached (50+30), B to 95 %, C the rest
    Pareto p = Pareto.of(values(5, 50, 3, 30, 2, 10));
    assertThat(p.classOf(2)).contains(AbcClass.A);
    assertThat(p.classOf(4)).contains(AbcClass.A);
    assertThat(p.classOf(6)).contains(AbcClass.B);
    assertThat(p.classOf(1)).contains(AbcClass.B);
    assertThat(p.classOf(3)).contains(AbcClass.C);
    assertThat(p.classOf(5)).contains(AbcClass.C);
    assertThat(p.shareOfCustomersForLimitA()).isCloseTo(2 / 6.0, within(1e-12));
    assertThat(p.count(AbcClass.C)).isEqualTo(2);
  }

  @Test
  void giniIsZeroForEqualValuesAndMatchesTheFormulaOtherwise() {
    assertThat(Pareto.of(values(7, 7, 7, 7)).gini()).isCloseTo(0, within(1e-12));
    // one of n holds everything: G = 1 - 1/n
    assertThat(Pareto.of(values(0, 0, 0, 100)).gini()).isCloseTo(0.75, within(1e-12));
    // mean-difference formula for 1,2,3,4: G = sum|xi-xj| / (2 n^2 mean) = 20 / (2*16*2.5) = 0.25
    Pareto p = Pareto.of(values(1, 2, 3, 4));
    assertThat(p.gini()).isCloseTo(0.25, within(1e-12));
    assertThat(p.lorenzCurve()).hasSize(5);
    assertThat(p.lorenzCurve().get(4).valueShare()).isCloseTo(1, within(1e-12));
    assertThat(p.lorenzCurve().get(1).valueShare()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void paretoLimitsAreValidated() {
    assertThatThrownBy(() -> Pareto.of(values(1), 0.9, 0.8)).hasMessageContaining("0 < limitA < limitB <= 1");
  }

  @Test
  void ordersFromCrmCoreBecomeTransactionsWithRefundsNettedOrExcludedAndClassesUseTheCustomerList() {
    Crm crm = Crm.builder().clock(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC)).build();
    CustomerId ann = crm.customers().create(Customer.builder().name("Ann", "A").email("ann@example.org")).id();
    CustomerId bob = crm.customers().create(Customer.builder().name("Bob", "B").email("bob@example.org")).id();
    CustomerId cyd = crm.customers().create(Customer.builder().name("Cyd", "C").email("cyd@example.org")).id();
    Order o1 = crm.orders().place(Order.builder(ann).placedAt(Instant.parse("2024-05-01T10:00:00Z"))
        .line("SKU-1", 2, Money.of("10.00", "EUR")));
    crm.orders().place(Order.builder(ann).placedAt(Instant.parse("2024-05-20T10:00:00Z"))
        .line("SKU-2", 1, Money.of("5.00", "EUR")));
    Order o3 = crm.orders().place(Order.builder(bob).placedAt(Instant.parse("2024-05-10T10:00:00Z"))
        .line("SKU-1", 1, Money.of("10.00", "EUR")));
    Order o4 = crm.orders().place(Order.builder(bob).placedAt(Instant.parse("2024-05-11T10:00:00Z"))
        .line("SKU-1", 1, Money.of("10.00", "EUR")));
    crm.orders().refund(o1.id(), Money.of("4.00", "EUR"), "damaged");
    crm.orders().refundRemaining(o3.id(), "returned");
    crm.orders().cancel(o4.id());

    CustomerKeys keys = new CustomerKeys();
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2024, 6, 1)).build();
    RfmResult netted = analysis.run(TransactionSources.orders(crm, EUR, ZoneOffset.UTC, RefundHandling.NETTED, keys));
    RfmResult gross = analysis.run(TransactionSources.orders(crm, EUR, ZoneOffset.UTC, RefundHandling.EXCLUDED, keys));

    long annKey = keys.keyOf(ann);
    long bobKey = keys.keyOf(bob);
    assertThat(netted.find(annKey).orElseThrow().monetaryMinor()).isEqualTo(2_100);
    assertThat(netted.find(annKey).orElseThrow().recencyDays()).isEqualTo(12);
    assertThat(netted.find(bobKey)).isEmpty();
    assertThat(netted.skipped()).isEqualTo(Map.of("cancelled order", 1L, "fully refunded order", 1L));
    assertThat(gross.find(annKey).orElseThrow().monetaryMinor()).isEqualTo(2_500);
    assertThat(gross.find(bobKey).orElseThrow().monetaryMinor()).isEqualTo(1_000);
    assertThat(gross.skipped()).isEqualTo(Map.of("cancelled order", 1L));
    assertThat(keys.idOf(annKey)).contains(ann);

    CustomerClasses classes = CustomerClasses.of(netted, CustomerClasses.knownCustomers(crm, keys), 0.5);
    assertThat(classes.count(CustomerClass.TRANSACTIONAL)).isEqualTo(1);
    assertThat(classes.count(CustomerClass.NON_TRANSACTIONAL)).isEqualTo(2);
    assertThat(classes.classesOf(keys.keyOf(cyd))).containsExactly(CustomerClass.NON_TRANSACTIONAL);
    assertThat(classes.classesOf(annKey)).containsExactlyInAnyOrder(CustomerClass.TRANSACTIONAL,
        CustomerClass.REPEAT, CustomerClass.HIGH_VALUE);
    assertThatThrownBy(() -> TransactionSources.orders(crm, Currency.getInstance("USD"), ZoneOffset.UTC,
        RefundHandling.NETTED, keys).read(new Sink()))
        .isInstanceOf(MixedCurrencyException.class);
  }

  @Test
  void oneTimeRepeatAndHighValueClassesCountScoredCustomers() {
    RfmResult r = RfmAnalysis.builder().asOf(AS_OF).build().run(TransactionSource.ofArrays(EUR,
        new long[] {1, 2, 2, 3, 4}, new int[] {1, 1, 2, 1, 1}, new long[] {10, 5, 5, 30, 1}));
    CustomerClasses c = CustomerClasses.of(r, new long[] {1, 2, 3, 4, 99}, 0.25);
    assertThat(c.count(CustomerClass.ONE_TIME)).isEqualTo(3);
    assertThat(c.count(CustomerClass.REPEAT)).isEqualTo(1);
    assertThat(c.count(CustomerClass.HIGH_VALUE)).isEqualTo(1);
    assertThat(c.classesOf(3)).contains(CustomerClass.HIGH_VALUE);
    assertThat(c.nonTransactionalCustomers()).containsExactly(99);
    assertThatThrownBy(() -> CustomerClasses.of(r, new long[0], 0)).hasMessageContaining("(0, 1]");
  }

  @Test
  void transitionsBetweenTwoSnapshotsShowWhoMovedFromLoyalToAtRisk() {
    BenchData data = BenchData.generate(20_000, 11);
    TransactionSource src = TransactionSource.ofArrays(EUR, data.customers, data.days, data.cents);
    RfmResult before = RfmAnalysis.builder().asOf(LocalDate.of(2024, 1, 1)).build().run(src);
    RfmResult after = RfmAnalysis.builder().asOf(data.asOf()).build().run(src);
    SegmentTransitions t = SegmentTransitions.between(before, after);

    int total = 0;
    for (String a : t.fromSegments()) {
      for (String b : t.toSegments()) {
        total += t.count(a, b);
        for (long c : t.customers(a, b)) {
          assertThat(a.equals(SegmentTransitions.ABSENT) ? before.find(c) : before.find(c).map(CustomerRfm::segment))
              .isEqualTo(a.equals(SegmentTransitions.ABSENT) ? java.util.Optional.empty() : java.util.Optional.of(a));
          assertThat(after.find(c).map(CustomerRfm::segment).orElse(SegmentTransitions.ABSENT)).isEqualTo(b);
        }
      }
    }
    assertThat(total).isEqualTo(after.size());
    assertThat(t.count(SegmentTransitions.ABSENT, "New Customers") + t.count(SegmentTransitions.ABSENT,
        "Potential Loyalist")).isPositive();
    assertThat(t.count("Loyal Customers", "At Risk")).isPositive();
  }

  static final class Sink implements TransactionSink {
    @Override
    public void accept(TransactionBatch batch) {
    }

    @Override
    public void reject(RejectedRecord rejection) {
    }

    @Override
    public void skip(String reason) {
    }
  }
}
