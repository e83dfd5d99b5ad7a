package org.ecrm.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming event mapping (jackson-core only) against the databind-based mapping it replaced: the same
 * events, the same rejections (field, payload, reason; malformed JSON only by its prefix, as the parser's
 * wording of a trailing token differs), and encodings that read back to the same JSON.
 */
class EventJsonDifferentialTest {
  static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  final EventJson streaming = new EventJson(CLOCK, 2_000, 64_000, Duration.ofMinutes(5), Duration.ofDays(30));
  final DatabindEventJson databind =
      new DatabindEventJson(CLOCK, 2_000, 64_000, Duration.ofMinutes(5), Duration.ofDays(30));

  static final String[] TYPES = {"track", "page", "screen", "identify", "group", "alias", "bogus"};
  static final String[] KEYS = {"type", "messageId", "anonymousId", "userId", "event", "name", "previousId",
      "groupId", "timestamp", "sentAt", "context", "properties", "traits", "extra"};

  @Test
  void handWrittenEdgeCases_decodeTheSame() {
    List<String> docs = List.of("", " ", "null", "1", "\"x\"", "[]", "{}", "[1,2]", "{\"a\":1,\"a\":2}",
        "{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\"} {}",
        "{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\"}   ",
        "{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"properties\":{\"d\":1.5e300,"
            + "\"i\":2147483648,\"j\":-7,\"b\":123456789012345678901234567890,\"e\":1E2,\"n\":null,"
            + "\"s\":\"\\u00e9\\n\\\"q\\\"\",\"l\":[true,false,null,[{}]]}}",
        "{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"properties\":{\"inf\":1e400}}",
        "{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"context\":{\"page\":{\"url\":"
            + "\"https://x.example/?utm_source=s&utm_medium=m&utm_campaign=c\"},\"doNotTrack\":true}}",
        "{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"context\":{\"doNotTrack\":\"yes\"}}",
        "{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"context\":[]}",
        "{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"timestamp\":\"2026-05-01T11:00:00Z\","
            + "\"sentAt\":\"2026-05-01T13:00:00+02:00\"}",
        "{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"timestamp\":12}",
        "{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"timestamp\":\"yesterday\"}",
        "{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"properties\":" + "[".repeat(40)
            + "]".repeat(40) + "}",
        "{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"properties\":{\"x\":"
            + "{\"y\":".repeat(40) + "1" + "}".repeat(41) + "}",
        "{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"" + "z".repeat(3_000) + "\"}",
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\"},null,7,{\"type\":\"x\"}],"
            + "\"sentAt\":\"2026-05-01T12:00:00Z\"}",
        "{\"batch\":[],\"sentAt\":5}", "{\"batch\":{}}", "[{\"type\":\"page\",\"messageId\":\"m\","
            + "\"anonymousId\":\"" + "z".repeat(3_000) + "\"},{\"type\":\"page\",\"messageId\":\"n\","
            + "\"anonymousId\":\"a\"}]", "{\"type\":\"tr");
    for (String doc : docs) {
      compare(doc);
    }
  }

  @Test
  void randomEventsAndBatches_decodeAndEncodeTheSame() {
    Random rnd = new Random(20261204L);
    for (int i = 0; i < 1_000; i++) {
      StringBuilder one = new StringBuilder();
      event(rnd, one);
      String doc = one.toString();
      if (rnd.nextInt(10) == 0) {
        doc = doc.substring(0, rnd.nextInt(doc.length() + 1)); // truncated: malformed
      }
      compare(doc);
      StringBuilder batch = new StringBuilder(rnd.nextBoolean() ? "[" : "{\"sentAt\":\"2026-05-01T11:59:00Z\",\"batch\":[");
      int n = rnd.nextInt(5);
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          batch.append(',');
        }
        event(rnd, batch);
      }
      batch.append(batch.charAt(0) == '[' ? "]" : "]}");
      compare(batch.toString());
    }
  }

  private void compare(String doc) {
    byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
    Object a = decodeOne(() -> streaming.decodeOne(utf8));
    Object b = decodeOne(() -> databind.decodeOne(utf8));
    assertThat(a).as(doc).isEqualTo(b);
    if (a instanceof TrackingEvent e) {
      assertThat(JsonMapper.shared().readTree(streaming.encode(e)))
          .as(doc).isEqualTo(JsonMapper.shared().readTree(databind.encode(e)));
      byte[] a2 = streaming.encode(e).getBytes(StandardCharsets.UTF_8);
      byte[] b2 = databind.encode(e).getBytes(StandardCharsets.UTF_8);
      assertThat(decodeOne(() -> streaming.decodeOne(a2))).as(doc).isEqualTo(decodeOne(() -> databind.decodeOne(b2)));
    }
    BatchResult x = streaming.decodeBatch(utf8);
    BatchResult y = databind.decodeBatch(utf8);
    assertThat(x.accepted()).as(doc).isEqualTo(y.accepted());
    assertThat(normalise(x.rejected())).as(doc).isEqualTo(normalise(y.rejected()));
    if (!x.accepted().isEmpty()) {
      assertThat(JsonMapper.shared().readTree(streaming.encodeBatch(x.accepted())))
          .isEqualTo(JsonMapper.shared().readTree(databind.encodeBatch(y.accepted())));
    }
  }

  private static Object decodeOne(java.util.function.Supplier<TrackingEvent> s) {
    try {
      return s.get();
    } catch (InvalidEventException e) {
      return e.field() + ": " + malformed(e.reason());
    }
  }

  private static String malformed(String reason) {
    return reason.startsWith("malformed JSON") ? "malformed JSON" : reason;
  }

  private static List<Rejection> normalise(List<Rejection> rs) {
    List<Rejection> out = new ArrayList<>();
    for (Rejection r : rs) {
      out.add(new Rejection(r.index(), r.field(), malformed(r.reason()), r.payload()));
    }
    return out;
  }

  private static void event(Random rnd, StringBuilder sb) {
    sb.append('{');
    int fields = 1 + rnd.nextInt(KEYS.length);
    boolean first = true;
    for (int f = 0; f < fields; f++) {
      String key = rnd.nextInt(8) == 0 ? KEYS[rnd.nextInt(KEYS.length)] : KEYS[f];
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(key).append("\":");
      switch (key) {
        case "type" -> sb.append(rnd.nextInt(12) == 0 ? "3" : "\"" + TYPES[rnd.nextInt(TYPES.length)] + "\"");
        case "timestamp", "sentAt" -> sb.append(rnd.nextInt(10) == 0 ? "\"soon\""
            : "\"" + NOW.minusSeconds(rnd.nextInt(7_200) - 600L) + "\"");
        case "context" -> sb.append(rnd.nextInt(10) == 0 ? "[]" : "{\"page\":{\"url\":\"https://s.example/p?utm_source="
            + rnd.nextInt(3) + "\",\"title\":\"t\"},\"ip\":\"10.0.0.1\",\"doNotTrack\":" + rnd.nextBoolean() + "}");
        case "properties", "traits", "extra" -> value(rnd, sb, 0);
        default -> sb.append(rnd.nextInt(15) == 0 ? "null" : rnd.nextInt(15) == 0 ? "[1]"
            : "\"v" + rnd.nextInt(1000) + "\"");
      }
    }
    sb.append('}');
  }

  private static void value(Random rnd, StringBuilder sb, int depth) {
    int k = depth > 3 ? rnd.nextInt(6) : rnd.nextInt(8);
    switch (k) {
      case 0 -> sb.append("null");
      case 1 -> sb.append(rnd.nextBoolean());
      case 2 -> sb.append(rnd.nextInt(3) == 0 ? Long.toString(rnd.nextLong()) : Integer.toString(rnd.nextInt()));
      case 3 -> sb.append(rnd.nextInt(4) == 0 ? "123456789012345678901234567890" : Double.toString(rnd.nextGaussian() * 1e6));
      case 4 -> sb.append("\"s\\u00fc\\t").append(rnd.nextInt(100)).append('"');
      case 5 -> sb.append(rnd.nextInt(3) == 0 ? "1.5E-7" : "-0.0");
      case 6 -> {
        sb.append('[');
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
          }
          value(rnd, sb, depth + 1);
        }
        sb.append(']');
      }
      default -> {
        sb.append('{');
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append("\"k").append(rnd.nextInt(depth == 0 ? 6 : 3)).append("\":");
          value(rnd, sb, depth + 1);
        }
        sb.append('}');
      }
    }
  }
}
