package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CDNOW calibration (1997-01-01 … 1997-09-30) vs holdout (… 1998-06-30, 39 weeks), per calibration
 * frequency, for BG/NBD and Pareto/NBD. The table is printed to the test's output file
 * (target/surefire-reports/...HoldoutValidationTest-output.txt) and copied into CLV.md.
 */
class HoldoutValidationTest {
  private static List<CustomerSummary> calibration;
  private static double[] holdout;

  @BeforeAll
  static void load() {
    List<CdnowTransactions.Customer> customers = CdnowTransactions.load();
    calibration = customers.stream().map(CdnowTransactions.Customer::calibration).toList();
    holdout = customers.stream().mapToDouble(CdnowTransactions.Customer::holdoutPurchases).toArray();
  }

  @Test
  void transactions_recomputedSummary_matchesPublishedCsv() {
    assertThat(calibration).hasSize(2357);
    assertThat(CdnowTransactions.holdoutWeeks()).isEqualTo(39.0);
    List<CustomerSummary> csv = Cdnow.summaries();
    for (int i = 0; i < csv.size(); i++) {
      assertThat(calibration.get(i).frequency()).isEqualTo(csv.get(i).frequency());
      assertThat(calibration.get(i).recency()).isCloseTo(csv.get(i).recency(), within(0.005 + 1e-9));
      assertThat(calibration.get(i).t()).isCloseTo(csv.get(i).t(), within(0.005 + 1e-9));
      assertThat(calibration.get(i).monetary()).isCloseTo(csv.get(i).monetary(), within(0.005 + 1e-9));
    }
  }

  @Test
  void table_bgNbdOnCdnow_tracksActualHoldoutPurchasesPerFrequency() {
    BgNbdModel model = BgNbdFitter.builder().build().fit(calibration);
    List<HoldoutGroup> table = table(model);
    print("BG/NBD", table);
    assertTracks(table, 1653.4);
  }

  @Test
  void table_paretoNbdOnCdnow_tracksActualHoldoutPurchasesPerFrequency() {
    ParetoNbdModel model = ParetoNbdFitter.builder().build().fit(calibration);
    List<HoldoutGroup> table = table(model);
    print("Pareto/NBD", table);
    assertTracks(table, 1665.5);
  }

  @Test
  void table_mismatchedLengthsOrBadCount_areRefused() {
    HoldoutValidation v = HoldoutValidation.builder()
        .purchaseModel(BgNbdModel.of(new BgNbdParameters(0.243, 4.414, 0.793, 2.426)))
        .holdoutLength(39).build();
    assertThatThrownBy(() -> v.table(calibration.subList(0, 3), new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("holdoutPurchases must have one entry per customer: 2 for 3 customers");
    assertThatThrownBy(() -> v.table(calibration.subList(0, 2), new double[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("holdoutPurchases[1] must be finite and not negative: -1.0");
    assertThatThrownBy(() -> HoldoutValidation.builder()
            .purchaseModel(BgNbdModel.of(new BgNbdParameters(1, 1, 1, 1))).build())
        .isInstanceOf(NullPointerException.class).hasMessage("holdoutLength must be set");
  }

  private static List<HoldoutGroup> table(PurchaseModel model) {
    return HoldoutValidation.builder().purchaseModel(model)
        .holdoutLength(CdnowTransactions.holdoutWeeks()).build().table(calibration, holdout);
  }

  /**
   * Every group is present, sizes add up, and each group's prediction is near its actual mean. In total
   * both models under-forecast the 1,882 holdout purchase days by about 12 %; the totals are pinned so
   * that CLV.md's table stays true.
   */
  private static void assertTracks(List<HoldoutGroup> table, double expectedPredictedTotal) {
    assertThat(table).extracting(HoldoutGroup::label)
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7+");
    assertThat(table.stream().mapToInt(HoldoutGroup::customers).sum()).isEqualTo(2357);
    double actualTotal = 0;
    double predictedTotal = 0;
    for (HoldoutGroup g : table) {
      actualTotal += g.actualMean() * g.customers();
      predictedTotal += g.predictedMean() * g.customers();
      assertThat(g.predictedMean()).as("group %s", g.label())
          .isCloseTo(g.actualMean(), within(0.2 + 0.25 * g.actualMean()));
    }
    assertThat(actualTotal).isCloseTo(1882, within(1e-9));
    assertThat(predictedTotal).isCloseTo(expectedPredictedTotal, within(0.1));
  }

  private static void print(String model, List<HoldoutGroup> table) {
    StringBuilder sb = new StringBuilder(model + " calibration/holdout (CDNOW, 39 + 39 weeks)\n");
    sb.append("| x (calibration) | customers | actual mean holdout purchases | predicted |\n");
    sb.append("|---|---|---|---|\n");
    double actual = 0;
    double predicted = 0;
    for (HoldoutGroup g : table) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n",
          g.label(), g.customers(), g.actualMean(), g.predictedMean()));
      actual += g.actualMean() * g.customers();
      predicted += g.predictedMean() * g.customers();
    }
    sb.append(String.format(Locale.ROOT, "| total | 2357 | %.0f | %.1f |%n", actual, predicted));
    System.out.println(sb);
  }
}
