package org.ecrm.tracking;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The databind-based event mapping this module used before the streaming one: the reference the streaming mapping is compared with. */
final class DatabindEventJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final Clock clock;
  private final int maxEventBytes;
  private final int maxBatchBytes;
  private final Duration maxFutureSkew;
  private final Duration maxAge;

  /** A mapping with these limits. */
  DatabindEventJson(Clock clock, int maxEventBytes, int maxBatchBytes, Duration maxFutureSkew, Duration maxAge) {
    this.clock = clock;
    this.maxEventBytes = maxEventBytes;
    this.maxBatchBytes = maxBatchBytes;
    this.maxFutureSkew = maxFutureSkew;
    this.maxAge = maxAge;
  }

  /** The per-event limit. */
  public int maxEventBytes() {
    return maxEventBytes;
  }

  /** Decodes one event or throws. */
  public TrackingEvent decodeOne(byte[] utf8) {
    if (utf8.length > maxEventBytes) {
      throw new InvalidEventException("$", "event is " + utf8.length + " bytes, limit " + maxEventBytes);
    }
    JsonNode node = parse(utf8);
    return fromNode(node, clock.instant(), null);
  }

  /** Decodes a batch, keeping the good events. */
  public BatchResult decodeBatch(byte[] utf8) {
    if (utf8.length > maxBatchBytes) {
      return whole("batch is " + utf8.length + " bytes, limit " + maxBatchBytes, utf8);
    }
    JsonNode root;
    try {
      root = parse(utf8);
    } catch (InvalidEventException e) {
      return whole(e.reason(), utf8);
    }
    Instant receivedAt = clock.instant();
    JsonNode items;
    @Nullable Instant batchSentAt = null;
    if (root.isArray()) {
      items = root;
    } else if (root.isObject() && root.get("batch") != null && root.get("batch").isArray()) {
      items = root.get("batch");
      JsonNode sent = root.get("sentAt");
      if (sent != null && !sent.isNull()) {
        try {
          batchSentAt = instant("sentAt", sent);
        } catch (InvalidEventException e) {
          return whole("sentAt: " + e.reason(), utf8);
        }
      }
    } else {
      return whole("expected {\"batch\":[...]} or a JSON array", utf8);
    }
    List<TrackingEvent> ok = new ArrayList<>(items.size());
    List<Rejection> bad = new ArrayList<>();
    int i = 0;
    for (JsonNode item : items.values()) {
      String text = item.toString();
      int size = text.getBytes(StandardCharsets.UTF_8).length;
      try {
        if (size > maxEventBytes) {
          throw new InvalidEventException("$", "event is " + size + " bytes, limit " + maxEventBytes);
        }
        ok.add(fromNode(item, receivedAt, batchSentAt));
      } catch (InvalidEventException e) {
        bad.add(new Rejection(i, e.field(), e.reason(), text));
      }
      i++;
    }
    return new BatchResult(ok, bad);
  }

  private static BatchResult whole(String reason, byte[] utf8) {
    return new BatchResult(List.of(),
        List.of(new Rejection(-1, "$", reason, new String(utf8, StandardCharsets.UTF_8))));
  }

  private static JsonNode parse(byte[] utf8) {
    try {
      return MAPPER.readTree(utf8);
    } catch (JacksonException e) {
      throw new InvalidEventException("$", "malformed JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr()));
    }
  }

  private TrackingEvent fromNode(JsonNode n, Instant receivedAt, @Nullable Instant batchSentAt) {
    if (!n.isObject()) {
      throw new InvalidEventException("$", "an event must be a JSON object, got " + n.getNodeType());
    }
    String typeText = string(n, "type").orElseThrow(() -> new InvalidEventException("type", "is required"));
    EventType type;
    try {
      type = EventType.fromJson(typeText);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("type", e.getMessage());
    }
    String messageId = string(n, "messageId")
        .orElseThrow(() -> new InvalidEventException("messageId", "is required"));
    Optional<Instant> original = optInstant(n, "timestamp");
    Optional<Instant> sentAt = optInstant(n, "sentAt");
    if (sentAt.isEmpty() && batchSentAt != null) {
      sentAt = Optional.of(batchSentAt);
    }
    Instant ts = original.orElse(receivedAt);
    if (original.isPresent() && sentAt.isPresent()) {
      // clock-skew correction: the client's clock is off by (sentAt - receivedAt)
      ts = receivedAt.minus(Duration.between(original.get(), sentAt.get()));
    }
    if (ts.isAfter(receivedAt.plus(maxFutureSkew))) {
      throw new InvalidEventException("timestamp", "too far in the future: " + ts + " (received " + receivedAt
          + ", allowed skew " + maxFutureSkew + ")");
    }
    if (ts.isBefore(receivedAt.minus(maxAge))) {
      throw new InvalidEventException("timestamp", "too far in the past: " + ts + " (received " + receivedAt
          + ", max age " + maxAge + ")");
    }
    Optional<String> name = type == EventType.TRACK ? string(n, "event") : string(n, "name");
    Map<String, @Nullable Object> props;
    String propsField = type == EventType.IDENTIFY || type == EventType.GROUP ? "traits" : "properties";
    JsonNode p = n.get(propsField);
    if (p == null || p.isNull()) {
      props = Map.of();
    } else if (p.isObject()) {
      props = objectToMap(propsField, p);
    } else {
      throw typeError(propsField, "an object", p);
    }
    return new TrackingEvent(type, messageId, string(n, "anonymousId"), string(n, "userId"), name,
        string(n, "previousId"), string(n, "groupId"), ts, sentAt, receivedAt, context(n.get("context")),
        props);
  }

  private static EventContext context(@Nullable JsonNode c) {
    if (c == null || c.isNull()) {
      return EventContext.EMPTY;
    }
    if (!c.isObject()) {
      throw typeError("context", "an object", c);
    }
    JsonNode page = c.get("page");
    Optional<String> url = Optional.empty(), path = Optional.empty(), ref = Optional.empty(), title = Optional.empty();
    if (page != null && !page.isNull()) {
      if (!page.isObject()) {
        throw typeError("context.page", "an object", page);
      }
      url = string(page, "url", "context.page.url");
      path = string(page, "path", "context.page.path");
      ref = string(page, "referrer", "context.page.referrer");
      title = string(page, "title", "context.page.title");
    }
    Campaign campaign = Campaign.NONE;
    JsonNode camp = c.get("campaign");
    if (camp != null && !camp.isNull()) {
      if (!camp.isObject()) {
        throw typeError("context.campaign", "an object", camp);
      }
      campaign = new Campaign(string(camp, "source", "context.campaign.source").orElse(""),
          string(camp, "medium", "context.campaign.medium").orElse(""),
          string(camp, "name", "context.campaign.name").orElse(""),
          string(camp, "term", "context.campaign.term").orElse(""),
          string(camp, "content", "context.campaign.content").orElse(""));
    } else if (url.isPresent()) {
      campaign = Campaign.fromUrl(url.get());
    }
    boolean dnt = false;
    JsonNode d = c.get("doNotTrack");
    if (d != null && !d.isNull()) {
      if (!d.isBoolean()) {
        throw typeError("context.doNotTrack", "a boolean", d);
      }
      dnt = d.booleanValue();
    }
    return new EventContext(url, path, ref, title, string(c, "userAgent", "context.userAgent"),
        string(c, "ip", "context.ip"), string(c, "locale", "context.locale"), campaign, dnt);
  }

  private static Optional<String> string(JsonNode n, String key) {
    return string(n, key, key);
  }

  private static Optional<String> string(JsonNode n, String key, String field) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isString()) {
      throw typeError(field, "a string", v);
    }
    return Optional.of(v.stringValue());
  }

  private static Optional<Instant> optInstant(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(instant(key, v));
  }

  private static Instant instant(String field, JsonNode v) {
    if (!v.isString()) {
      throw typeError(field, "an ISO-8601 string", v);
    }
    try {
      return OffsetDateTime.parse(v.stringValue()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(field, "not an ISO-8601 date-time with offset: \"" + v.stringValue() + "\"");
    }
  }

  private static InvalidEventException typeError(String field, String expected, JsonNode got) {
    return new InvalidEventException(field, "expected " + expected + ", got " + got.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static Map<String, @Nullable Object> objectToMap(String field, JsonNode obj) {
    LinkedHashMap<String, @Nullable Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      m.put(e.getKey(), toJava(field + "." + e.getKey(), e.getValue()));
    }
    return m;
  }

  private static @Nullable Object toJava(String field, JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isString()) {
      return v.stringValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      Number num = v.numberValue();
      return num instanceof BigInteger b ? b : (Object) num.longValue();
    }
    if (v.isNumber()) {
      return v.isBigDecimal() ? v.decimalValue() : (Object) v.doubleValue();
    }
    if (v.isArray()) {
      List<@Nullable Object> l = new ArrayList<>();
      int i = 0;
      for (JsonNode x : v.values()) {
        l.add(toJava(field + "[" + i++ + "]", x));
      }
      return l;
    }
    if (v.isObject()) {
      return objectToMap(field, v);
    }
    throw typeError(field, "a JSON value", v);
  }

  /** Writes one event. */
  public String encode(TrackingEvent e) {
    return MAPPER.writeValueAsString(toMap(e));
  }

  /** Writes a batch. */
  public String encodeBatch(List<TrackingEvent> events) {
    List<Object> out = new ArrayList<>(events.size());
    for (TrackingEvent e : events) {
      out.add(toMap(e));
    }
    return MAPPER.writeValueAsString(Map.of("batch", out));
  }

  private static Map<String, Object> toMap(TrackingEvent e) {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type().jsonName());
    m.put("messageId", e.messageId());
    e.anonymousId().ifPresent(v -> m.put("anonymousId", v));
    e.userId().ifPresent(v -> m.put("userId", v));
    e.name().ifPresent(v -> m.put(e.type() == EventType.TRACK ? "event" : "name", v));
    e.previousId().ifPresent(v -> m.put("previousId", v));
    e.groupId().ifPresent(v -> m.put("groupId", v));
    m.put("timestamp", e.timestamp().toString());
    e.sentAt().ifPresent(v -> m.put("sentAt", v.toString()));
    m.put("receivedAt", e.receivedAt().toString());
    EventContext c = e.context();
    LinkedHashMap<String, Object> ctx = new LinkedHashMap<>();
    LinkedHashMap<String, Object> page = new LinkedHashMap<>();
    c.pageUrl().ifPresent(v -> page.put("url", v));
    c.pagePath().ifPresent(v -> page.put("path", v));
    c.referrer().ifPresent(v -> page.put("referrer", v));
    c.title().ifPresent(v -> page.put("title", v));
    if (!page.isEmpty()) {
      ctx.put("page", page);
    }
    c.userAgent().ifPresent(v -> ctx.put("userAgent", v));
    c.ip().ifPresent(v -> ctx.put("ip", v));
    c.locale().ifPresent(v -> ctx.put("locale", v));
    if (!c.campaign().isEmpty()) {
      Campaign k = c.campaign();
      ctx.put("campaign", Map.of("source", k.source(), "medium", k.medium(), "name", k.name(),
          "term", k.term(), "content", k.content()));
    }
    if (c.doNotTrack()) {
      ctx.put("doNotTrack", true);
    }
    if (!ctx.isEmpty()) {
      m.put("context", ctx);
    }
    if (!e.properties().isEmpty()) {
      m.put(e.type() == EventType.IDENTIFY || e.type() == EventType.GROUP ? "traits" : "properties",
          e.properties());
    }
    return m;
  }
}
