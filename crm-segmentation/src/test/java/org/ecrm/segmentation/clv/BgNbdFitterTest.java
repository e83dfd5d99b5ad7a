package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BG/NBD on CDNOW against the published values (Fader, Hardie &amp; Lee 2005; lifetimes docs). */
class BgNbdFitterTest {
  private static BgNbdModel model;

  @BeforeAll
  static void fit() {
    model = BgNbdFitter.builder().build().fit(Cdnow.summaries());
  }

  @Test
  void fit_cdnow_matchesPublishedParameters() {
    BgNbdParameters p = model.parameters();
    assertThat(p.r()).isCloseTo(0.243, within(0.0005));
    assertThat(p.alpha()).isCloseTo(4.414, within(0.0005));
    assertThat(p.a()).isCloseTo(0.793, within(0.0005));
    assertThat(p.b()).isCloseTo(2.426, within(0.0005));
  }

  @Test
  void fit_cdnow_matchesPublishedLogLikelihood() {
    assertThat(model.fitSummary()).get().satisfies(s -> {
      assertThat(s.logLikelihood()).isCloseTo(-9582.43, within(0.005));
      assertThat(s.customers()).isEqualTo(2357.0);
    });
    assertThat(model.logLikelihood(Cdnow.summaries())).isCloseTo(-9582.43, within(0.005));
  }

  @Test
  void expectedPurchases_newCustomer_matchesPublishedValues() {
    assertThat(model.expectedPurchases(1)).isCloseTo(0.0532, within(0.00005));
    assertThat(model.expectedPurchases(3)).isCloseTo(0.1506, within(0.00005));
    assertThat(model.expectedPurchases(32)).isCloseTo(1.0437, within(0.00005));
    // Hardie's reference spreadsheet's extra time points
    assertThat(model.expectedPurchases(0.1429)).isCloseTo(0.0078, within(0.00005));
    assertThat(model.expectedPurchases(31.8571)).isCloseTo(1.0405, within(0.00005));
  }

  /**
   * The published 1.8576 at t = 78 comes from Hardie's spreadsheet, which sums a truncated ₂F₁ series
   * (about 150 terms reproduce it). The exact value at the fitted parameters is 1.85797 (SciPy's
   * {@code hyp2f1} gives the same); lifetimes' own test compares with this reference to 3 decimals.
   */
  @Test
  void expectedPurchases_78weeks_matchesReferenceTo3DecimalsAndSciPyTo5() {
    assertThat(model.expectedPurchases(78)).isCloseTo(1.8576, within(0.0005));
    assertThat(model.expectedPurchases(78)).isCloseTo(1.85797, within(0.000005));
  }

  @Test
  void conditionalExpectedPurchases_x2_matchesPublishedValue() {
    double e = model.conditionalExpectedPurchases(39, CustomerSummary.of(2, 30.43, 38.86));
    assertThat(e).isCloseTo(1.226, within(0.0005));
  }

  @Test
  void probabilityOfPurchases_sumsToOneAndMeanIsExpectation() {
    double t = 39;
    double total = 0;
    double mean = 0;
    for (int n = 0; n < 200; n++) {
      double p = model.probabilityOfPurchases(n, t);
      assertThat(p).isBetween(0.0, 1.0);
      total += p;
      mean += n * p;
    }
    assertThat(total).isCloseTo(1.0, within(1e-9));
    assertThat(mean).isCloseTo(model.expectedPurchases(t), within(1e-6));
  }

  @Test
  void probabilityAlive_noRepeatPurchase_isOne() {
    assertThat(model.probabilityAlive(CustomerSummary.of(0, 0, 38.86))).isEqualTo(1.0);
    assertThat(model.probabilityAlive(CustomerSummary.of(2, 30.43, 38.86))).isBetween(0.0, 1.0);
  }
}
