package org.ecrm.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on 10,000 seeded customers with 5 % planted duplicates. The figures are
 * deterministic for the seed; the thresholds sit just below the measured values (see COLLECT.md). The
 * 100k timing is {@link DuplicateFinderBenchmark}'s job, not a unit test's.
 */
class DuplicateFinderAccuracyTest {

  @Test
  void find_plantedDuplicates_highPrecisionAndRecall() {
    SyntheticCustomers.Data data = SyntheticCustomers.generate(10_000, 0.05, 20_261_123L);
    List<DuplicateCandidate> found = DuplicateFinder.builder().build().find(data.customers().stream());
    double[] pr = SyntheticCustomers.precisionRecall(found, data.truePairs());
    System.out.printf("10k: %d candidates, %d planted, precision %.4f, recall %.4f%n", found.size(),
        data.truePairs().size(), pr[0], pr[1]);
    assertThat(data.truePairs()).hasSize(500);
    assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(0.93); // measured 0.9376 (481 of 513)
    assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(0.96); // measured 0.9620 (481 of 500)
  }
}
