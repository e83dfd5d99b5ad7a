package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerSummaryTest {

  @Test
  void new_recencyAboveT_namesBothValues() {
    assertThatThrownBy(() -> CustomerSummary.of(2, 40, 38.86))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recency must not exceed t: recency=40.0, t=38.86");
  }

  @Test
  void new_zeroFrequencyWithRecency_isRefused() {
    assertThatThrownBy(() -> CustomerSummary.of(0, 3, 38.86))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recency must be 0 when frequency is 0 (no repeat purchase): recency=3.0");
  }

  @Test
  void new_negativeOrNonFiniteFields_nameTheField() {
    assertThatThrownBy(() -> CustomerSummary.of(-1, 0, 5))
        .hasMessage("frequency must not be negative: -1.0");
    assertThatThrownBy(() -> CustomerSummary.of(1, -0.5, 5))
        .hasMessage("recency must not be negative: -0.5");
    assertThatThrownBy(() -> CustomerSummary.of(1, 1, Double.NaN))
        .hasMessage("t must be finite: NaN");
    assertThatThrownBy(() -> new CustomerSummary(1, 1, 5, -3))
        .hasMessage("monetary must not be negative: -3.0");
    assertThatThrownBy(() -> CustomerSummary.of(1.5, 1, 5))
        .hasMessage("frequency must be a whole number: 1.5");
  }

  @Test
  void new_consistentSummary_keepsValues() {
    CustomerSummary c = new CustomerSummary(2, 30.43, 38.86, 22.35);
    assertThat(c.frequency()).isEqualTo(2);
    assertThat(c.recency()).isEqualTo(30.43);
    assertThat(c.t()).isEqualTo(38.86);
    assertThat(c.monetary()).isEqualTo(22.35);
    assertThat(CustomerSummary.of(0, 0, 0).monetary()).isZero();
  }

  @Test
  void parameters_nonPositive_nameTheParameter() {
    assertThatThrownBy(() -> new BgNbdParameters(0.2, 4, 0, 2))
        .hasMessage("a must be finite and positive: 0.0");
    assertThatThrownBy(() -> new ParetoNbdParameters(0.5, 10, 0.6, Double.POSITIVE_INFINITY))
        .hasMessage("beta must be finite and positive: Infinity");
    assertThatThrownBy(() -> new GammaGammaParameters(Double.NaN, 3, 15))
        .hasMessage("p must be finite and positive: NaN");
  }
}
