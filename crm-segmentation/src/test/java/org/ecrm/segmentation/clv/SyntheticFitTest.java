package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fits on customer bases simulated (seeded) from the CDNOW BG/NBD parameters. */
class SyntheticFitTest {
  private static final BgNbdParameters TRUTH = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

  /** Maximum likelihood: the fit is at least as likely as the truth, and its forecast is close to it. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42})
  void fit_simulatedBase_likelihoodAtLeastTruthsAndForecastClose(long seed) {
    List<CustomerSummary> data = Synthetic.bgNbd(TRUTH, 5_000, seed);
    BgNbdModel fitted = BgNbdFitter.builder().build().fit(data);
    BgNbdModel truth = BgNbdModel.of(TRUTH);
    double fittedLl = fitted.fitSummary().orElseThrow().logLikelihood();
    assertThat(fittedLl).isGreaterThanOrEqualTo(truth.logLikelihood(data) - 1e-6);
    assertThat(fittedLl).isCloseTo(fitted.logLikelihood(data), within(1e-6));
    double expected = truth.expectedPurchases(39);
    assertThat(fitted.expectedPurchases(39)).isCloseTo(expected, within(0.1 * expected));
    assertThat(fitted.parameters().r()).isCloseTo(TRUTH.r(), within(0.3 * TRUTH.r()));
  }

  /** Pareto/NBD fitted on the same kind of base: also at least as likely as the BG/NBD truth is under it. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8})
  void paretoFit_simulatedBase_forecastClose(long seed) {
    List<CustomerSummary> data = Synthetic.bgNbd(TRUTH, 5_000, seed);
    ParetoNbdModel fitted = ParetoNbdFitter.builder().build().fit(data);
    double expected = BgNbdModel.of(TRUTH).expectedPurchases(39);
    assertThat(fitted.expectedPurchases(39)).isCloseTo(expected, within(0.15 * expected));
  }

  /**
   * The speed check: BG/NBD and Pareto/NBD on 100,000 simulated customers. Times are printed
   * (target/surefire-reports/...SyntheticFitTest-output.txt) and reported in CLV.md; the test asserts
   * only correctness and a generous bound so it does not flake on a busy machine.
   */
  @Test
  void fit_100kCustomers_convergesAndReportsTime() {
    List<CustomerSummary> data = Synthetic.bgNbd(TRUTH, 100_000, 2026);
    long t0 = System.nanoTime();
    BgNbdModel bg = BgNbdFitter.builder().build().fit(data);
    long t1 = System.nanoTime();
    ParetoNbdModel pareto = ParetoNbdFitter.builder().build().fit(data);
    long t2 = System.nanoTime();
    FitSummary s = bg.fitSummary().orElseThrow();
    FitSummary ps = pareto.fitSummary().orElseThrow();
    System.out.printf(Locale.ROOT,
        "100k BG/NBD: %.0f ms, %d distinct rows, %d evaluations, %s%n"
            + "100k Pareto/NBD: %.0f ms, %d evaluations, %s%nJDK %s on %s %s, %d cores%n",
        (t1 - t0) / 1e6, s.distinctRows(), s.evaluations(), bg.parameters(),
        (t2 - t1) / 1e6, ps.evaluations(), pareto.parameters(),
        System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    assertThat(s.customers()).isEqualTo(100_000.0);
    // the truth within about two standard errors at n = 100,000
    assertThat(bg.parameters().r()).isCloseTo(TRUTH.r(), within(0.03 * TRUTH.r()));
    assertThat(bg.parameters().alpha()).isCloseTo(TRUTH.alpha(), within(0.05 * TRUTH.alpha()));
    assertThat(bg.parameters().a()).isCloseTo(TRUTH.a(), within(0.05 * TRUTH.a()));
    assertThat(bg.parameters().b()).isCloseTo(TRUTH.b(), within(0.05 * TRUTH.b()));
    assertThat((t2 - t0) / 1e9).isLessThan(120);
  }
}
