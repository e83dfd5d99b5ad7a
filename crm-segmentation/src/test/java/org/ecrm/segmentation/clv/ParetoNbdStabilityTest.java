package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Pareto/NBD likelihood where direct evaluations break: many purchases (q^(r+s+x) over/underflows),
 * α ≪ β and α ≫ β (₂F₁ argument near 1), t_x = T (A₀ = 0) and t_x just below T (cancellation). The
 * expected values were computed with mpmath at 60 digits from the closed form. A direct double
 * evaluation as in Python's lifetimes gives 239.912 for the first case and NaN for the last.
 */
class ParetoNbdStabilityTest {

  @ParameterizedTest(name = "r={0} alpha={1} s={2} beta={3} x={4} tx={5} T={6}")
  @CsvSource({
    "0.553, 10.58, 0.606, 11.67, 300, 38,     38.86, 240.23895107499995315",
    "0.553, 0.01,  0.606, 100,   50,  20,     39,    -14.074548489634904214",
    "0.553, 100,   0.606, 0.01,  5,   1,      39,    -22.590213703939676595",
    "0.553, 10.58, 0.606, 11.67, 3,   30,     30,    -11.83946153680930129",
    "0.553, 10.58, 0.606, 11.67, 10,  38.859, 38.86, -27.160336635624826389",
    "2.1,   0.05,  3.0,   80,    400, 10,     20,    1065.4404607173178206",
  })
  void logLikelihood_extremeCases_matchesHighPrecisionValue(
      double r, double alpha, double s, double beta, double x, double tx, double age,
      double expected) {
    ParetoNbdModel model = ParetoNbdModel.of(new ParetoNbdParameters(r, alpha, s, beta));
    CustomerSummary c = CustomerSummary.of(x, tx, age);
    assertThat(model.logLikelihood(c)).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    assertThat(model.probabilityAlive(c)).isBetween(0.0, 1.0);
    assertThat(model.conditionalExpectedPurchases(39, c)).isFinite().isNotNegative();
  }
}
