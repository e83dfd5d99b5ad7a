package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discounted CLV from BG/NBD (or Pareto/NBD) and Gamma-Gamma fitted on CDNOW, ranking, high-value class. */
class CustomerLifetimeValueTest {
  private static BgNbdModel bgNbd;
  private static GammaGammaModel gammaGamma;
  private static CustomerLifetimeValue clv;
  private static Map<Integer, CustomerSummary> byId;

  @BeforeAll
  static void fit() {
    bgNbd = BgNbdFitter.builder().build().fit(Cdnow.summaries());
    gammaGamma = GammaGammaFitter.builder().build().fit(Cdnow.summaries());
    clv = CustomerLifetimeValue.builder().purchaseModel(bgNbd).spendModel(gammaGamma).build();
    byId = new LinkedHashMap<>();
    for (int i = 0; i < Cdnow.summaries().size(); i++) {
      byId.put(i + 1, Cdnow.summaries().get(i));
    }
  }

  /**
   * Twelve months, 1 % a month, 4.345 weeks a month: the lifetimes definition, evaluated independently
   * with SciPy's hyp2f1 at the same fitted parameters (customer 1: 36.27849, customer 6: 283.52351).
   */
  @Test
  void value_cdnowCustomers_matchesIndependentComputation() {
    assertThat(clv.value(byId.get(1))).isCloseTo(36.27849, within(1e-3));
    assertThat(clv.value(byId.get(2))).isCloseTo(4.63747, within(1e-3));
    assertThat(clv.value(byId.get(3))).isCloseTo(8.34409, within(1e-3));
    assertThat(clv.value(byId.get(6))).isCloseTo(283.52351, within(1e-2));
  }

  @Test
  void value_withoutDiscount_isExpectedProfitTimesExpectedPurchasesOverHorizon() {
    CustomerLifetimeValue undiscounted = CustomerLifetimeValue.builder()
        .purchaseModel(bgNbd).spendModel(gammaGamma).monthlyDiscountRate(0).horizonMonths(6)
        .periodsPerMonth(4.345).build();
    for (int id : new int[] {1, 2, 6, 100}) {
      CustomerSummary c = byId.get(id);
      double expected = gammaGamma.conditionalExpectedAverageProfit(c)
          * bgNbd.conditionalExpectedPurchases(6 * 4.345, c);
      assertThat(undiscounted.value(c)).as("customer %d", id).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void value_higherDiscountRate_isLower() {
    CustomerLifetimeValue steep = CustomerLifetimeValue.builder()
        .purchaseModel(bgNbd).spendModel(gammaGamma).monthlyDiscountRate(0.05).build();
    assertThat(steep.value(byId.get(6))).isLessThan(clv.value(byId.get(6))).isPositive();
  }

  @Test
  void rank_cdnow_isDescendingWithConsecutiveRanksAndStableTies() {
    List<CustomerValue<Integer>> ranked = clv.rank(byId);
    assertThat(ranked).hasSize(2357);
    for (int i = 0; i < ranked.size(); i++) {
      assertThat(ranked.get(i).rank()).isEqualTo(i + 1);
      if (i > 0) {
        assertThat(ranked.get(i).value()).isLessThanOrEqualTo(ranked.get(i - 1).value());
        if (ranked.get(i).value() == ranked.get(i - 1).value()) {
          assertThat(ranked.get(i).customer()).isGreaterThan(ranked.get(i - 1).customer());
        }
      }
    }
    // customers 3, 4 and 5 share one summary: same value, kept in map order
    List<Integer> ties = ranked.stream().map(CustomerValue::customer)
        .filter(id -> id >= 3 && id <= 5).toList();
    assertThat(ties).containsExactly(3, 4, 5);
  }

  @Test
  void highValue_top10Percent_isCeilingShareOfRanking() {
    List<CustomerValue<Integer>> top = clv.highValue(byId, 10);
    assertThat(top).hasSize(236); // ⌈0.1 · 2357⌉
    assertThat(top).isEqualTo(clv.rank(byId).subList(0, 236));
    double threshold = top.get(top.size() - 1).value();
    long above = byId.values().stream().filter(c -> clv.value(c) > threshold).count();
    assertThat(above).isLessThan(236);
    assertThat(clv.highValue(byId, 100)).hasSize(2357);
  }

  @Test
  void value_paretoNbdPurchaseModel_isCloseToBgNbdForTypicalCustomer() {
    ParetoNbdModel pareto = ParetoNbdFitter.builder().build().fit(Cdnow.summaries());
    CustomerLifetimeValue viaPareto =
        CustomerLifetimeValue.builder().purchaseModel(pareto).spendModel(gammaGamma).build();
    double a = viaPareto.value(byId.get(1));
    double b = clv.value(byId.get(1));
    assertThat(a).isPositive();
    assertThat(Math.abs(a - b) / b).isLessThan(0.25);
  }

  @Test
  void builderAndArguments_bad_failFastNamingTheArgument() {
    assertThatThrownBy(() -> CustomerLifetimeValue.builder().spendModel(gammaGamma).build())
        .isInstanceOf(NullPointerException.class).hasMessage("purchaseModel must be set");
    assertThatThrownBy(() -> CustomerLifetimeValue.builder().horizonMonths(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("horizonMonths must be in 1..1200: 0");
    assertThatThrownBy(() -> CustomerLifetimeValue.builder().monthlyDiscountRate(-0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("monthlyDiscountRate must be finite and not negative: -0.01");
    assertThatThrownBy(() -> CustomerLifetimeValue.builder().periodsPerMonth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("periodsPerMonth must be finite and positive: 0.0");
    assertThatThrownBy(() -> CustomerLifetimeValue.builder().purchaseModel(bgNbd).purchaseModel(bgNbd))
        .isInstanceOf(IllegalStateException.class).hasMessage("purchaseModel was already set");
    assertThatThrownBy(() -> clv.highValue(byId, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("percent must be in (0, 100]: 0.0");
  }
}
