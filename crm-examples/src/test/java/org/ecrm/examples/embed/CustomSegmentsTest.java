package org.ecrm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.ecrm.segmentation.SegmentTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomSegmentsTest {
  @TempDir
  Path dir;

  @Test
  void theBundledTable_namesItsSegments_andCoversEveryCell() {
    SegmentTable t = CustomSegments.bundled();
    assertThat(t.bins()).isEqualTo(3);
    assertThat(t.segmentNames()).startsWith("VIP", "Big spenders", "Regulars", "Win back", "One-timers");
    assertThat(t.uncoveredCells()).isZero();
  }

  @Test
  void anAnalysisWithTheJsonTable_putsCustomersInTheCustomSegments() throws Exception {
    // nine customers: c1..c9, customer i buys i times for 10·i EUR, the last time i days ago
    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
    LocalDate asOf = LocalDate.of(2025, 1, 1);
    for (int i = 1; i <= 9; i++) {
      for (int k = 0; k < i; k++) {
        csv.append(i).append(',').append(asOf.minusDays(i + 30L * k)).append(',').append(10 * i).append(".00\n");
      }
    }
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, csv);
    String json = new String(CustomSegments.class.getResourceAsStream("segments.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    RfmResult r = CustomSegments.analyse(file, json, Currency.getInstance("EUR"), asOf);
    assertThat(r.size()).isEqualTo(9);
    assertThat(r.segments()).extracting(SegmentSummary::segment)
        .containsExactly("VIP", "Big spenders", "Regulars", "Win back", "One-timers", SegmentTable.OTHERS);
    // c1: most recent, one purchase, least money → R 3, F 1, M 1 → One-timers; c9: R 1, F 3, M 3 → Big spenders
    assertThat(r.find(1).orElseThrow().segment()).isEqualTo("One-timers");
    assertThat(r.find(9).orElseThrow().segment()).isEqualTo("Big spenders");
    assertThat(r.segments().stream().mapToInt(SegmentSummary::customers).sum()).isEqualTo(9);
  }

  @Test
  void aBadTable_isRejectedNamingTheRuleAndField() {
    assertThatThrownBy(() -> CustomSegments.analyse(dir.resolve("unused.csv"),
        "{\"bins\":3,\"rules\":[{\"name\":\"VIP\",\"r\":[3,4],\"f\":[1,3],\"m\":[1,3]}]}",
        Currency.getInstance("EUR"), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment \"VIP\": score ranges must be within 1..3: R 3..4, F 1..3, M 1..3");
    assertThatThrownBy(() -> CustomSegments.analyse(dir.resolve("unused.csv"),
        "{\"bins\":3,\"rules\":[{\"name\":\"VIP\",\"r\":[3],\"f\":[1,3],\"m\":[1,3]}]}",
        Currency.getInstance("EUR"), LocalDate.of(2025, 1, 1)))
        .hasMessage("segment table JSON: rules[0].r must be [low, high] integers");
  }
}
