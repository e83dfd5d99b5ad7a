package org.ecrm.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.ecrm.tracking.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes tracking events as JSON (Segment-spec field names). Tolerant of unknown fields,
 * strict on the types of known ones; size limits per event and per batch; clock-skew correction
 * ({@code timestamp = receivedAt − (sentAt − timestamp)} when the client sent {@code sentAt});
 * timestamps too far in the future or past are refused. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * EventCodec codec = EventCodec.builder().build();
 * BatchResult r = codec.decodeBatch(body);   // {"batch":[...],"sentAt":"..."} or [...]
 * }</pre>
 */
public final class EventCodec {
  /** Default limit of one event's JSON: 32 KB. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 32 * 1024;
  /** Default limit of a batch's JSON: 500 KB. */
  public static final int DEFAULT_MAX_BATCH_BYTES = 500 * 1024;
  /** Default limit of how far after the time of receipt an event's timestamp may lie: one day. */
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofDays(1);
  /** Default limit of how far before the time of receipt an event's timestamp may lie: 365 days. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(365);

  private final EventJson json;

  private EventCodec(Builder b) {
    this.json = new EventJson(b.clock, b.maxEventBytes, b.maxBatchBytes, b.maxFutureSkew, b.maxAge);
  }

  /** A builder with the defaults: system clock, 32 KB/event, 500 KB/batch, 1 day future, 365 days past. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decodes one event from UTF-8 JSON.
   *
   * @throws InvalidEventException naming the field and reason if the event is refused
   */
  public TrackingEvent decode(byte[] utf8) {
    return json.decodeOne(utf8);
  }

  /**
   * Decodes one event from JSON text.
   *
   * @throws InvalidEventException naming the field and reason if the event is refused
   */
  public TrackingEvent decode(String text) {
    return decode(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a batch, {@code {"batch":[...], "sentAt":...}} or a bare array: keeps every good event and
   * reports every refused one. A batch over the batch limit or not JSON at all is refused whole
   * (one rejection with index -1).
   */
  public BatchResult decodeBatch(byte[] utf8) {
    return json.decodeBatch(utf8);
  }

  /** {@link #decodeBatch(byte[])} for text. */
  public BatchResult decodeBatch(String text) {
    return decodeBatch(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one event as JSON text (with {@code timestamp}, {@code sentAt} and {@code receivedAt}). */
  public String encode(TrackingEvent event) {
    return json.encode(Objects.requireNonNull(event, "event"));
  }

  /** Writes events as {@code {"batch":[...]}}. */
  public String encodeBatch(List<TrackingEvent> events) {
    return json.encodeBatch(events);
  }

  /** The per-event limit in bytes. */
  public int maxEventBytes() {
    return json.maxEventBytes();
  }

  /** Configures an {@link EventCodec}; each setting may be given once. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
    private int maxBatchBytes = DEFAULT_MAX_BATCH_BYTES;
    private Duration maxFutureSkew = DEFAULT_MAX_FUTURE_SKEW;
    private @Nullable Duration maxAge = DEFAULT_MAX_AGE;
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    /** The clock that stamps {@code receivedAt}. */
    public Builder clock(Clock value) {
      Checks.once(set, "clock");
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The largest event accepted, in UTF-8 bytes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxEventBytes(int value) {
      Checks.once(set, "maxEventBytes");
      this.maxEventBytes = Checks.positive("maxEventBytes", value);
      return this;
    }

    /**
     * The largest batch accepted, in UTF-8 bytes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBatchBytes(int value) {
      Checks.once(set, "maxBatchBytes");
      this.maxBatchBytes = Checks.positive("maxBatchBytes", value);
      return this;
    }

    /**
     * How far after {@code receivedAt} a corrected timestamp may lie.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxFutureSkew(Duration value) {
      Checks.once(set, "maxFutureSkew");
      this.maxFutureSkew = Checks.notNegative("maxFutureSkew", value);
      return this;
    }

    /**
     * How far before {@code receivedAt} a corrected timestamp may lie ({@link #DEFAULT_MAX_AGE} by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxAge(Duration value) {
      Checks.once(set, "maxAge");
      this.maxAge = Checks.positive("maxAge", value);
      return this;
    }

    /**
     * Historic import: events of any age are accepted (the future limit still applies). Replaces
     * {@link #maxAge(Duration)}; give one or the other.
     */
    public Builder anyAge() {
      Checks.once(set, "maxAge");
      this.maxAge = null;
      return this;
    }

    /**
     * Builds the codec.
     *
     * @throws IllegalArgumentException if the event limit exceeds the batch limit
     */
    public EventCodec build() {
      if (maxEventBytes > maxBatchBytes) {
        throw new IllegalArgumentException(
            "maxEventBytes must not exceed maxBatchBytes: " + maxEventBytes + " > " + maxBatchBytes);
      }
      return new EventCodec(this);
    }
  }
}
