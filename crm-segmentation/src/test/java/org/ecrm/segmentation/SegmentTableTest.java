package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentTableTest {
  @Test
  void defaultTableEvaluatesRulesInOrderFirstMatchWins() {
    SegmentTable t = SegmentTable.defaults();
    assertThat(t.segmentOf(5, 5, 5)).isEqualTo("Champions");
    assertThat(t.segmentOf(5, 1, 1)).isEqualTo("Potential Loyalist"); // shadows New Customers, as in R
    assertThat(t.segmentOf(1, 5, 5)).isEqualTo("At Risk");
    assertThat(t.segmentOf(1, 1, 1)).isEqualTo("Lost");
    assertThat(t.segmentOf(1, 1, 4)).isEqualTo("Hibernating");
    assertThat(t.segmentOf(4, 2, 5)).isEqualTo(SegmentTable.OTHERS);
    assertThat(t.segmentNames()).hasSize(12).startsWith("Champions").endsWith("Others");
    assertThat(t.uncoveredCells()).isPositive();
  }

  @Test
  void customTableFromJsonIsReadAndUsedByAnAnalysis() {
    SegmentTable t = SegmentTable.fromJson("""
        {"bins": 3, "rules": [
          {"name": "Best", "r": [3, 3], "f": [3, 3], "m": [2, 3]},
          {"name": "Rest", "r": [1, 3], "f": [1, 3], "m": [1, 3]}]}""");
    assertThat(t.segmentOf(3, 3, 3)).isEqualTo("Best");
    assertThat(t.segmentOf(1, 1, 1)).isEqualTo("Rest");
    assertThat(t.uncoveredCells()).isZero();
    RfmResult r = RfmAnalysis.builder().asOf(java.time.LocalDate.of(2025, 1, 1)).bins(3).segments(t).build()
        .run(TransactionSource.ofArrays(java.util.Currency.getInstance("EUR"), new long[] {1, 2, 3},
            new int[] {20_000, 20_001, 20_002}, new long[] {1, 2, 3}));
    assertThat(r.find(3).orElseThrow().segment()).isEqualTo("Best");
    assertThat(r.segments()).extracting(SegmentSummary::segment).containsExactly("Best", "Rest", "Others");
  }

  @Test
  void scoreRangesOutsideTheBinsAreRejectedNamingTheRule() {
    assertThatThrownBy(() -> SegmentTable.builder(5).rule("Wide", 1, 6, 1, 5, 1, 5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment \"Wide\"")
        .hasMessageContaining("within 1..5");
    assertThatThrownBy(() -> SegmentTable.builder(5).rule("Inverted", 3, 2, 1, 5, 1, 5))
        .hasMessageContaining("1 <= low <= high: 3..2");
  }

  @Test
  void blankDuplicateAndReservedNamesAreRejected() {
    assertThatThrownBy(() -> SegmentTable.builder(5).rule(" ", 1, 5, 1, 5, 1, 5))
        .hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> SegmentTable.builder(5).rule("A", 1, 1, 1, 5, 1, 5).rule("A", 2, 2, 1, 5, 1, 5).build())
        .hasMessage("duplicate segment name: \"A\"");
    assertThatThrownBy(() -> SegmentTable.builder(5).rule("Others", 1, 5, 1, 5, 1, 5).build())
        .hasMessageContaining("reserved");
  }

  @Test
  void unreachableRulesAreReported() {
    assertThatThrownBy(() -> SegmentTable.builder(5).rule("All", 1, 5, 1, 5, 1, 5).rule("Never", 5, 5, 5, 5, 5, 5)
        .build()).hasMessage("unreachable segment rules (every cell taken by earlier rules): [Never]");
  }

  @Test
  void tablesWithGapsAreAllowedAndTheGapIsCounted() {
    SegmentTable t = SegmentTable.builder(2).rule("Top", 2, 2, 2, 2, 2, 2).build();
    assertThat(t.uncoveredCells()).isEqualTo(7);
    assertThat(t.segmentOf(1, 2, 2)).isEqualTo("Others");
  }

  @Test
  void malformedJsonNamesTheRuleAndField() {
    assertThatThrownBy(() -> SegmentTable.fromJson("{\"bins\": 5, \"rules\": [{\"name\": \"X\", \"r\": [1], "
        + "\"f\": [1, 5], \"m\": [1, 5]}]}")).hasMessage("segment table JSON: rules[0].r must be [low, high] integers");
    assertThatThrownBy(() -> SegmentTable.fromJson("{\"bins\": 1, \"rules\": []}"))
        .hasMessage("bins must be between 2 and 100: 1");
    assertThatThrownBy(() -> SegmentTable.fromJson("{nope")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> RfmAnalysis.builder().asOf(java.time.LocalDate.EPOCH).bins(4)
        .segments(SegmentTable.defaults()).build()).hasMessage("segment table is for 5 bins, the analysis has 4");
  }
}
