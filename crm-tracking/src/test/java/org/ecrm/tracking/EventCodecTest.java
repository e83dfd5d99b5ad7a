package org.ecrm.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {
  static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  final EventCodec codec = EventCodec.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @Test
  void decode_trackEvent_readsEveryKnownField() {
    TrackingEvent e = codec.decode("""
        {"type":"track","messageId":"m1","anonymousId":"a-1","userId":"u-1","event":"Order Completed",
         "timestamp":"2026-05-01T11:59:00+02:00","unknownField":{"x":[1,2]},
         "context":{"page":{"url":"https://shop.example/p?utm_source=news&utm_medium=email&utm_campaign=may",
           "path":"/p","referrer":"https://google.com/","title":"P"},"userAgent":"Mozilla/5.0","ip":"1.2.3.4",
           "locale":"en-GB","somethingElse":1},
         "properties":{"revenue":12.5,"items":3,"tags":["a","b"],"nested":{"k":null},"big":123456789012345678901234567890}}
        """);
    assertThat(e.type()).isEqualTo(EventType.TRACK);
    assertThat(e.name()).contains("Order Completed");
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-05-01T09:59:00Z"));
    assertThat(e.receivedAt()).isEqualTo(NOW);
    assertThat(e.context().campaign()).isEqualTo(Campaign.of("news", "email", "may"));
    assertThat(e.context().ip()).contains("1.2.3.4");
    assertThat(e.properties()).containsEntry("revenue", 12.5).containsEntry("items", 3L)
        .containsEntry("tags", List.of("a", "b"));
    assertThat(e.properties().get("big")).isInstanceOf(java.math.BigInteger.class);
    assertThat(e.properties().get("nested")).isEqualTo(java.util.Collections.singletonMap("k", null));
  }

  @Test
  void encode_thenDecode_keepsTheEvent() {
    TrackingEvent e = TrackingEvent.builder(EventType.IDENTIFY).messageId("m2").userId("u-9")
        .timestamp(Instant.parse("2026-05-01T10:00:00Z"))
        .context(EventContext.page("https://x.example/a", "/a", "").withUserAgent("UA").withLocale("fr"))
        .properties(Map.of("email", "a@b.c", "age", 40L)).build();
    TrackingEvent back = codec.decode(codec.encode(e));
    assertThat(back.type()).isEqualTo(e.type());
    assertThat(back.userId()).isEqualTo(e.userId());
    assertThat(back.timestamp()).isEqualTo(e.timestamp());
    assertThat(back.context()).isEqualTo(e.context());
    assertThat(back.properties()).isEqualTo(e.properties());
  }

  @Test
  void decode_withSentAt_correctsClockSkew() {
    // client clock is 1 hour fast: sent 13:00 by its clock, received 12:00; event 12:50 client = 11:50 real
    TrackingEvent e = codec.decode("""
        {"type":"page","messageId":"m","anonymousId":"a1","timestamp":"2026-05-01T12:50:00Z",
         "sentAt":"2026-05-01T13:00:00Z"}""");
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-05-01T11:50:00Z"));
    assertThat(e.sentAt()).contains(Instant.parse("2026-05-01T13:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "undefined", "0", "guest", "anonymous", "", "   ", "GUEST", "Undefined"})
  void decode_placeholderUserId_isRefused(String id) {
    assertThatThrownBy(() -> codec.decode(
        "{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"" + id + "\"}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("userId: placeholder id refused");
  }

  @Test
  void decode_placeholderAnonymousIdWithRealUserId_isStillRefused() {
    assertThatThrownBy(() -> codec.decode(
        "{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u1\",\"anonymousId\":\"null\"}"))
        .hasMessage("anonymousId: placeholder id refused: \"null\"");
  }

  @Test
  void decode_hostileInput_givesReasonNamingField() {
    assertReason("{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\"", "$", "malformed JSON");
    assertReason("{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"event\":5}", "event",
        "expected a string, got number");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"properties\":[1]}", "properties",
        "expected an object, got array");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"timestamp\":12}", "timestamp",
        "expected an ISO-8601 string");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"timestamp\":\"yesterday\"}",
        "timestamp", "not an ISO-8601");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"timestamp\":\"2099-01-01T00:00:00Z\"}",
        "timestamp", "too far in the future");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"timestamp\":\"1970-01-01T00:00:00Z\"}",
        "timestamp", "too far in the past");
    assertReason("{\"type\":\"click\",\"messageId\":\"m\",\"anonymousId\":\"a\"}", "type", "must be one of");
    assertReason("{\"type\":\"track\",\"messageId\":\"m\",\"anonymousId\":\"a\"}", "event", "needs a name");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\"}", "userId", "an anonymousId or a userId is required");
    assertReason("{\"type\":\"page\",\"anonymousId\":\"a\"}", "messageId", "is required");
    assertReason("{\"type\":\"alias\",\"messageId\":\"m\",\"userId\":\"u\"}", "previousId", "placeholder");
    assertReason("{\"type\":\"group\",\"messageId\":\"m\",\"userId\":\"u\"}", "groupId", "placeholder");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"context\":{\"ip\":[1]}}",
        "context.ip", "expected a string");
    assertReason("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\"} {}", "$", "malformed JSON");
    assertReason("[1]", "$", "must be a JSON object");
  }

  private void assertReason(String json, String field, String reason) {
    assertThatThrownBy(() -> codec.decode(json)).isInstanceOfSatisfying(InvalidEventException.class, e -> {
      assertThat(e.field()).as(json).isEqualTo(field);
      assertThat(e.reason()).as(json).contains(reason);
    });
  }

  @Test
  void decode_hugeProperties_areRefusedBySize() {
    String big = "x".repeat(40_000);
    assertThatThrownBy(() -> codec.decode("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\","
        + "\"properties\":{\"blob\":\"" + big + "\"}}"))
        .hasMessageStartingWith("$: event is ").hasMessageContaining("limit 32768");
  }

  @Test
  void decodeBatch_keepsGoodEventsAndReportsEveryBadOne() {
    BatchResult r = codec.decodeBatch("""
        {"sentAt":"2026-05-01T12:00:00Z","batch":[
          {"type":"page","messageId":"1","anonymousId":"a","timestamp":"2026-05-01T11:00:00Z"},
          {"type":"page","messageId":"2","anonymousId":"undefined"},
          {"type":"track","messageId":"3","userId":"u","event":"Signed Up"},
          "not an object",
          {"type":"page","messageId":"5","anonymousId":"a","properties":{"big":"%s"}}
        ]}""".formatted("y".repeat(33_000)));
    assertThat(r.accepted()).extracting(TrackingEvent::messageId).containsExactly("1", "3");
    assertThat(r.rejected()).extracting(Rejection::index).containsExactly(1, 3, 4);
    assertThat(r.rejected().get(0).message()).isEqualTo("event 1: anonymousId: placeholder id refused: \"undefined\"");
    assertThat(r.rejected().get(0).payload()).contains("\"messageId\":\"2\"");
    assertThat(r.rejected().get(2).reason()).contains("limit 32768");
  }

  @Test
  void decodeBatch_overBatchLimitOrTruncated_isRefusedWholeWithPayload() {
    EventCodec small = EventCodec.builder().maxEventBytes(100).maxBatchBytes(200).build();
    String batch = "[" + "{\"type\":\"page\",\"messageId\":\"1\",\"anonymousId\":\"a\"},".repeat(5) + "{}]";
    BatchResult r = small.decodeBatch(batch);
    assertThat(r.accepted()).isEmpty();
    assertThat(r.rejected()).singleElement().satisfies(x -> {
      assertThat(x.index()).isEqualTo(-1);
      assertThat(x.reason()).startsWith("batch is ").endsWith("limit 200");
      assertThat(x.payload()).isEqualTo(batch);
    });
    assertThat(codec.decodeBatch("{\"batch\":[{\"type\":").rejected()).singleElement()
        .satisfies(x -> assertThat(x.reason()).startsWith("malformed JSON"));
  }

  @Test
  void builder_badArguments_failFastNamingThem() {
    assertThatThrownBy(() -> EventCodec.builder().maxEventBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEventBytes must be positive: 0");
    assertThatThrownBy(() -> EventCodec.builder().maxAge(Duration.ZERO))
        .hasMessage("maxAge must be positive: PT0S");
    assertThatThrownBy(() -> EventCodec.builder().maxFutureSkew(Duration.ofSeconds(-1)))
        .hasMessage("maxFutureSkew must not be negative: PT-1S");
    assertThatThrownBy(() -> EventCodec.builder().maxEventBytes(10).maxEventBytes(11))
        .isInstanceOf(IllegalStateException.class).hasMessage("maxEventBytes was already set");
    assertThatThrownBy(() -> EventCodec.builder().maxEventBytes(1000).maxBatchBytes(10).build())
        .hasMessage("maxEventBytes must not exceed maxBatchBytes: 1000 > 10");
  }

  @Test
  void trackingEvent_propertiesMustBeJsonValues() {
    assertThatThrownBy(() -> TrackingEvent.builder(EventType.PAGE).messageId("m").anonymousId("a")
        .timestamp(NOW).properties(Map.of("when", NOW)).build())
        .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("properties.when: not a JSON value");
    assertThatThrownBy(() -> TrackingEvent.builder(EventType.PAGE).messageId("m").anonymousId("a")
        .timestamp(NOW).properties(Map.of("x", Double.NaN)).build())
        .hasMessage("properties.x: number must be finite: NaN");
  }
}
