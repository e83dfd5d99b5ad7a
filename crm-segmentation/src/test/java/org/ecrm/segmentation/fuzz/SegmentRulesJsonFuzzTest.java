package org.ecrm.segmentation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ecrm.segmentation.SegmentRule;
import org.ecrm.segmentation.SegmentTable;

/**
 * Fuzzes the segment-rules JSON ({@link SegmentTable#fromJson}). Properties: the only failure is an
 * {@link IllegalArgumentException} with a message; a table that was read assigns every cell of the
 * score cube to one of its segment names; written back as JSON it reads to the same table.
 */
class SegmentRulesJsonFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void rulesAreReadOrRefusedWithAMessage(FuzzedDataProvider data) {
    String json = data.consumeRemainingAsString();
    SegmentTable t;
    try {
      t = SegmentTable.fromJson(json);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    int bins = t.bins();
    assertThat(bins).isPositive();
    if (bins <= 10) {
      for (int r = 1; r <= bins; r++) {
        for (int f = 1; f <= bins; f++) {
          for (int m = 1; m <= bins; m++) {
            assertThat(t.segmentNames()).contains(t.segmentOf(r, f, m));
          }
        }
      }
    }
    SegmentTable back = SegmentTable.fromJson(toJson(t));
    assertThat(back.bins()).isEqualTo(t.bins());
    assertThat(back.rules()).isEqualTo(t.rules());
    assertThat(back.segmentNames()).isEqualTo(t.segmentNames());
  }

  private static String toJson(SegmentTable t) {
    StringBuilder sb = new StringBuilder("{\"bins\":").append(t.bins()).append(",\"rules\":[");
    for (int i = 0; i < t.rules().size(); i++) {
      SegmentRule r = t.rules().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(r.name())).append(",\"r\":[").append(r.rLow())
          .append(',').append(r.rHigh()).append("],\"f\":[").append(r.fLow()).append(',').append(r.fHigh())
          .append("],\"m\":[").append(r.mLow()).append(',').append(r.mHigh()).append("]}");
    }
    return sb.append("]}").toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
