package org.ecrm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.RejectedRow;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Lines reader (jackson-core streaming) against the jackson-databind tree reading it replaced:
 * the same rows with the same field text, the same rejections.
 */
class RowReaderJsonLinesTest {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  /** Every property the lines use, mapped to a customer attribute (unmapped properties are ignored). */
  static final ImportRequest REQUEST = request();

  private static ImportRequest request() {
    ImportRequest.Builder b = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.JSON_LINES);
    for (String k : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "f0", "f1", "f2", "f3")) {
      b.map(k, "attr." + k);
    }
    return b.build();
  }

  @Test
  void scalarsContainersAndMalformedLines_readAsTheTreeDid() {
    List<String> lines = new ArrayList<>(List.of(
        "{\"a\":1,\"b\":-0,\"c\":2147483648,\"d\":123456789012345678901234567890,\"e\":12.50,\"f\":1e3,"
            + "\"g\":-1.5E-7,\"h\":true,\"i\":false,\"j\":null,\"k\":\" x \",\"l\":\"\\u00e9\"}",
        "{\"a\":1,\"a\":2,\"b\":3}", "{\"a\":{\"x\":[1]},\"b\":1}", "{\"a\":[],\"b\":{}}", "[1,2]", "\"text\"",
        "7", "null", "{\"a\":1} {\"b\":2}", "{\"a\":1}]", "{\"a\":", "{a:1}", "{\"a\":1,}", "{}", "  {\"a\":0.1}  ",
        "{\"a\":1e400}", "[1,", "true false"));
    Random rnd = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder("{");
      int n = rnd.nextInt(5);
      for (int k = 0; k < n; k++) {
        sb.append(k == 0 ? "" : ",").append("\"f").append(rnd.nextInt(4)).append("\":");
        switch (rnd.nextInt(6)) {
          case 0 -> sb.append(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(30) - 15));
          case 1 -> sb.append(rnd.nextLong() >> rnd.nextInt(64));
          case 2 -> sb.append('"').append(rnd.nextInt(100)).append('"');
          case 3 -> sb.append(rnd.nextBoolean() ? "null" : "true");
          case 4 -> sb.append("[").append(rnd.nextInt(3)).append("]");
          default -> sb.append(String.format(java.util.Locale.ROOT, "%.2f", rnd.nextDouble() * 1000));
        }
      }
      sb.append('}');
      String line = sb.toString();
      lines.add(rnd.nextInt(10) == 0 ? line.substring(0, rnd.nextInt(line.length())) : line);
    }
    for (String line : lines) {
      List<Object> streaming = new ArrayList<>();
      RowReader.read(REQUEST, new StringReader(line), r -> streaming.add(r.fields()),
          r -> streaming.add(r.field() + ": " + (r.reason().startsWith("not JSON") ? "not JSON" : r.reason())), w -> { });
      assertThat(streaming).as(line).isEqualTo(reference(line));
    }
  }

  /** What the reader did with jackson-databind's readTree. */
  private static List<Object> reference(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      return List.of("row: not JSON");
    }
    if (!node.isObject()) {
      return List.of("row: a line must be a JSON object");
    }
    Map<String, String> values = new HashMap<>();
    for (var e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isContainer()) {
        return List.of("attr." + e.getKey() + ": must be a JSON scalar, not an object or array");
      }
      String s = (v.isNull() ? "" : v.asString()).strip();
      if (!s.isEmpty()) {
        values.put("attr." + e.getKey(), s);
      }
    }
    return List.of(values);
  }

  @Test
  void rejectedRow_namesTheLine() {
    List<RejectedRow> rejects = new ArrayList<>();
    long n = RowReader.read(REQUEST, new StringReader("{\"a\":1}\n\n{\"a\":\n"), r -> { }, rejects::add, w -> { });
    assertThat(n).isEqualTo(2);
    assertThat(rejects).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.reason()).startsWith("not JSON: ");
    });
  }
}
