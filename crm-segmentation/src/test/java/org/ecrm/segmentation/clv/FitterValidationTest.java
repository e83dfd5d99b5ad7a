package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input, weights, the penalizer and convergence failures, through the public fitters. */
class FitterValidationTest {

  @Test
  void fit_allZeroFrequency_isRefusedWithReason() {
    List<CustomerSummary> data = Collections.nCopies(50, CustomerSummary.of(0, 0, 30));
    assertThatThrownBy(() -> BgNbdFitter.builder().build().fit(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("BG/NBD cannot be fitted when every customer has frequency 0");
    assertThatThrownBy(() -> ParetoNbdFitter.builder().build().fit(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Pareto/NBD cannot be fitted when every customer has frequency 0");
  }

  @Test
  void fit_tooFewCustomers_isRefused() {
    List<CustomerSummary> data = Cdnow.summaries().subList(0, 9);
    assertThatThrownBy(() -> BgNbdFitter.builder().build().fit(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BG/NBD needs at least 10 customers: got 9.0");
  }

  @Test
  void fit_nullElement_namesIndex() {
    List<CustomerSummary> data = new ArrayList<>(Cdnow.summaries().subList(0, 20));
    data.set(7, null);
    assertThatThrownBy(() -> BgNbdFitter.builder().build().fit(data))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("customers[7] must not be null");
  }

  @Test
  void fit_badWeights_nameIndexOrLengths() {
    List<CustomerSummary> data = Cdnow.summaries().subList(0, 20);
    double[] weights = new double[20];
    Arrays.fill(weights, 1);
    weights[3] = -2;
    assertThatThrownBy(() -> BgNbdFitter.builder().build().fit(data, weights))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weights[3] must be finite and positive: -2.0");
    assertThatThrownBy(() -> BgNbdFitter.builder().build().fit(data, new double[19]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weights must have one entry per customer: 19 weights for 20 customers");
  }

  @Test
  void builder_badOrRepeatedSettings_failFast() {
    assertThatThrownBy(() -> BgNbdFitter.builder().penalizer(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("penalizer must be finite and not negative: -0.1");
    assertThatThrownBy(() -> ParetoNbdFitter.builder().maxEvaluations(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEvaluations must be at least 100: 5");
    assertThatThrownBy(() -> GammaGammaFitter.builder().minimumCustomers(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimumCustomers must be at least 3: 2");
    assertThatThrownBy(() -> BgNbdFitter.builder().penalizer(0.1).penalizer(0.2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("penalizer was already set");
  }

  @Test
  void fit_weightedDistinctRows_equalsFitOnAllRows() {
    Map<CustomerSummary, Integer> counts = new LinkedHashMap<>();
    for (CustomerSummary c : Cdnow.summaries()) {
      counts.merge(CustomerSummary.of(c.frequency(), c.recency(), c.t()), 1, Integer::sum);
    }
    List<CustomerSummary> rows = new ArrayList<>(counts.keySet());
    double[] weights = counts.values().stream().mapToDouble(Integer::doubleValue).toArray();
    BgNbdModel weighted = BgNbdFitter.builder().build().fit(rows, weights);
    BgNbdModel plain = BgNbdFitter.builder().build().fit(Cdnow.summaries());
    assertThat(rows).hasSize(1016);
    assertThat(weighted.fitSummary()).get().satisfies(s -> {
      assertThat(s.customers()).isEqualTo(2357.0);
      assertThat(s.distinctRows()).isEqualTo(1016);
    });
    assertThat(weighted.parameters().r()).isCloseTo(plain.parameters().r(), within(1e-6));
    assertThat(weighted.parameters().b()).isCloseTo(plain.parameters().b(), within(1e-5));
    assertThat(weighted.fitSummary().orElseThrow().logLikelihood())
        .isCloseTo(plain.fitSummary().orElseThrow().logLikelihood(), within(1e-6));
  }

  @Test
  void fit_penalizer_shrinksParametersAndCostsLikelihood() {
    BgNbdModel plain = BgNbdFitter.builder().build().fit(Cdnow.summaries());
    BgNbdModel penalized = BgNbdFitter.builder().penalizer(0.1).build().fit(Cdnow.summaries());
    BgNbdParameters p = plain.parameters();
    BgNbdParameters q = penalized.parameters();
    double plainNorm = p.r() * p.r() + p.alpha() * p.alpha() + p.a() * p.a() + p.b() * p.b();
    double penalizedNorm = q.r() * q.r() + q.alpha() * q.alpha() + q.a() * q.a() + q.b() * q.b();
    assertThat(penalizedNorm).isLessThan(plainNorm);
    assertThat(penalized.fitSummary().orElseThrow().logLikelihood())
        .isLessThan(plain.fitSummary().orElseThrow().logLikelihood());
    assertThat(penalized.fitSummary().orElseThrow().penalizer()).isEqualTo(0.1);
  }

  @Test
  void fit_evaluationBudgetExhausted_throwsWithLastParametersAndLikelihood() {
    BgNbdFitter starved = BgNbdFitter.builder().maxEvaluations(100).build();
    assertThatThrownBy(() -> starved.fit(Cdnow.summaries()))
        .isInstanceOfSatisfying(ModelFitException.class, e -> {
          assertThat(e.getMessage()).startsWith("BG/NBD fit did not converge within 100 likelihood evaluations");
          assertThat(e.lastParameters()).containsOnlyKeys("r", "alpha", "a", "b");
          assertThat(e.lastParameters().values()).allSatisfy(v -> assertThat(v).isPositive().isFinite());
          assertThat(e.lastLogLikelihood()).isFinite().isLessThan(-9582.0);
          assertThat(e.getMessage()).contains("last parameters {r=", "log-likelihood -9");
        });
  }

  @Test
  void fit_spendWithoutSpread_isDegenerateNotSilent() {
    // every repeat customer spends exactly 20 per transaction: the spread parameters run to infinity
    List<CustomerSummary> data = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      data.add(new CustomerSummary(1 + i % 4, 10, 20, 20));
    }
    assertThatThrownBy(() -> GammaGammaFitter.builder().build().fit(data))
        .isInstanceOfSatisfying(ModelFitException.class, e -> {
          assertThat(e.getMessage()).startsWith("Gamma-Gamma fit");
          assertThat(e.lastParameters()).containsOnlyKeys("p", "q", "gamma");
        });
  }

  @Test
  void predictions_badArguments_nameTheArgument() {
    BgNbdModel m = BgNbdModel.of(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));
    assertThatThrownBy(() -> m.expectedPurchases(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t must be finite and not negative: -1.0");
    assertThatThrownBy(() -> m.probabilityOfPurchases(-2, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must not be negative: -2");
    assertThat(m.fitSummary()).isEmpty();
    assertThat(m.expectedPurchases(0)).isZero();
  }

  /** Rescaling time (weeks → days) only rescales the rate parameters: the optimiser finds the same fit. */
  @Test
  void fit_timeInDays_rescalesRatesOnly() {
    List<CustomerSummary> days = Cdnow.summaries().stream()
        .map(c -> new CustomerSummary(c.frequency(), c.recency() * 7, c.t() * 7, c.monetary()))
        .toList();
    BgNbdModel weeks = BgNbdFitter.builder().build().fit(Cdnow.summaries());
    BgNbdModel daily = BgNbdFitter.builder().build().fit(days);
    assertThat(daily.parameters().r()).isCloseTo(weeks.parameters().r(), within(1e-5));
    assertThat(daily.parameters().alpha()).isCloseTo(7 * weeks.parameters().alpha(), within(1e-3));
    assertThat(daily.parameters().a()).isCloseTo(weeks.parameters().a(), within(1e-5));
    assertThat(daily.parameters().b()).isCloseTo(weeks.parameters().b(), within(1e-4));
    assertThat(daily.expectedPurchases(39 * 7)).isCloseTo(weeks.expectedPurchases(39), within(1e-6));
    ParetoNbdModel paretoDaily = ParetoNbdFitter.builder().build().fit(days);
    assertThat(paretoDaily.parameters().r()).isCloseTo(0.553, within(0.0005));
    assertThat(paretoDaily.parameters().beta()).isCloseTo(7 * 11.668, within(0.05));
  }

  @Test
  void conditionalExpectedPurchases_customerObservedForNoTime_equalsNewCustomerExpectation() {
    BgNbdModel m = BgNbdModel.of(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));
    assertThat(m.conditionalExpectedPurchases(39, CustomerSummary.of(0, 0, 0)))
        .isCloseTo(m.expectedPurchases(39), within(1e-12));
  }
}
