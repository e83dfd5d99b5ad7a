package org.ecrm.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.ecrm.tracking.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Collects tracking events and delivers them in batches to an {@link EventSink}. Built once with
 * {@link #builder()} and shared.
 *
 * <p>Every event passed to {@code track} ends in exactly one place: delivered, the failed-events sink
 * (with reason and payload), or a counter (duplicate, no consent). {@link #flush()} and {@link #close()}
 * deliver everything accepted before them.
 *
 * <pre>{@code
 * try (Tracker tracker = Tracker.builder().sink(mySink).build()) {
 *   tracker.track(event);
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@code track}, {@code flush}, {@code metrics} and {@code close} may be called from any
 * number of threads.
 */
public interface Tracker extends AutoCloseable {
  /**
   * Offers a validated event: consent gate, size and time rules (the same as for JSON: see
   * {@link Builder#maxFutureSkew(Duration)} and {@link Builder#maxEventAge(Duration)}), IP masking, dedupe
   * by message id, then the buffer.
   *
   * @throws IllegalStateException if the tracker is closed
   */
  TrackResult track(TrackingEvent event);

  /**
   * Offers an event as JSON (Segment shape); an invalid one goes to the failed-events sink with the
   * reason and the original text.
   *
   * @throws IllegalStateException if the tracker is closed
   */
  TrackResult track(String json);

  /**
   * Waits until every event accepted before this call is delivered or failed.
   *
   * @return true if done within the timeout
   */
  boolean flush(Duration timeout);

  /** {@link #flush(Duration)} with a 30-second timeout. */
  default boolean flush() {
    return flush(Duration.ofSeconds(30));
  }

  /** A snapshot of the counters. */
  TrackerMetrics metrics();

  /**
   * Forgets the buffered events (accepted, not yet handed to the sink) of these user or anonymous ids
   * (privacy erasure); returns how many. A batch the delivery thread already took goes on to the sink:
   * erase the sink after this call.
   */
  long erase(java.util.Set<String> ids);

  /**
   * Stops accepting, delivers everything accepted (within the close timeout; what remains goes to the
   * failed-events sink with the reason), and stops the delivery thread. Idempotent.
   */
  @Override
  void close();

  /** A builder with the defaults listed on each setter. */
  static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link Tracker}; each setting may be given once. Not thread-safe. */
  final class Builder {
    private final Set<String> set = new HashSet<>();
    private EventSink sink = EventSink.NO_OP;
    private FailedEventSink failedSink = FailedEventSink.logging();
    private int capacity = 100_000;
    private OverflowPolicy overflow = OverflowPolicy.BLOCK;
    private Duration blockTimeout = Duration.ofMillis(100);
    private int batchSize = 500;
    private Duration flushInterval = Duration.ofMillis(200);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration dedupeWindow = Duration.ofHours(24);
    private long dedupeMaxEntries = 1_000_000;
    private Clock clock = Clock.systemUTC();
    private Duration closeTimeout = Duration.ofSeconds(30);
    private IpMasking ipMasking = IpMasking.NONE;
    private ConsentPolicy consent = ConsentPolicy.DEFAULT;
    private int maxEventBytes = EventCodec.DEFAULT_MAX_EVENT_BYTES;
    private @Nullable IdentityResolver identity;
    private Duration maxFutureSkew = EventCodec.DEFAULT_MAX_FUTURE_SKEW;
    private @Nullable Duration maxEventAge = EventCodec.DEFAULT_MAX_AGE;

    private Builder() {}

    /** Where batches go ({@link EventSink#NO_OP} by default). */
    public Builder sink(EventSink value) {
      Checks.once(set, "sink");
      this.sink = Objects.requireNonNull(value, "sink");
      return this;
    }

    /** Where failures go ({@link FailedEventSink#logging()} by default). */
    public Builder failedEventSink(FailedEventSink value) {
      Checks.once(set, "failedEventSink");
      this.failedSink = Objects.requireNonNull(value, "failedEventSink");
      return this;
    }

    /**
     * Buffer capacity in events (100,000 by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder bufferCapacity(int value) {
      Checks.once(set, "bufferCapacity");
      this.capacity = Checks.positive("bufferCapacity", value);
      return this;
    }

    /** What to do when the buffer is full ({@link OverflowPolicy#BLOCK} by default). */
    public Builder overflowPolicy(OverflowPolicy value) {
      Checks.once(set, "overflowPolicy");
      this.overflow = Objects.requireNonNull(value, "overflowPolicy");
      return this;
    }

    /**
     * How long {@link OverflowPolicy#BLOCK} waits for room (100 ms by default).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder blockTimeout(Duration value) {
      Checks.once(set, "blockTimeout");
      this.blockTimeout = Checks.notNegative("blockTimeout", value);
      return this;
    }

    /**
     * Largest batch handed to the sink (500 by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder batchSize(int value) {
      Checks.once(set, "batchSize");
      this.batchSize = Checks.positive("batchSize", value);
      return this;
    }

    /**
     * How long the delivery thread waits for a first event before checking for close (200 ms by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder flushInterval(Duration value) {
      Checks.once(set, "flushInterval");
      this.flushInterval = Checks.positive("flushInterval", value);
      return this;
    }

    /**
     * Delivery attempts per batch, the first included (5 by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxAttempts(int value) {
      Checks.once(set, "maxAttempts");
      this.maxAttempts = Checks.positive("maxAttempts", value);
      return this;
    }

    /**
     * Backoff before the first retry, doubled each time up to {@code max} (100 ms and 10 s by default).
     *
     * @throws IllegalArgumentException if {@code initial} is negative or {@code max} is below it
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      Checks.once(set, "retryBackoff");
      this.initialBackoff = Checks.notNegative("retryBackoff.initial", initial);
      Objects.requireNonNull(max, "retryBackoff.max");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("retryBackoff.max must not be below initial: " + max + " < " + initial);
      }
      this.maxBackoff = max;
      return this;
    }

    /**
     * Duplicate message ids are dropped within this window, remembering at most {@code maxEntries} ids
     * (24 hours and 1,000,000 by default).
     *
     * @throws IllegalArgumentException if the window or the entry count is not positive
     */
    public Builder dedupe(Duration window, long maxEntries) {
      Checks.once(set, "dedupe");
      this.dedupeWindow = Checks.positive("dedupe.window", window);
      if (maxEntries <= 0) {
        throw new IllegalArgumentException("dedupe.maxEntries must be positive: " + maxEntries);
      }
      this.dedupeMaxEntries = maxEntries;
      return this;
    }

    /** The clock for failure times and the dedupe window (system UTC by default). */
    public Builder clock(Clock value) {
      Checks.once(set, "clock");
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How long {@link Tracker#close()} may take to deliver what is buffered (30 s by default).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder closeTimeout(Duration value) {
      Checks.once(set, "closeTimeout");
      this.closeTimeout = Checks.notNegative("closeTimeout", value);
      return this;
    }

    /** IP masking applied to {@code context.ip} before buffering (none by default). */
    public Builder ipMasking(IpMasking value) {
      Checks.once(set, "ipMasking");
      this.ipMasking = Objects.requireNonNull(value, "ipMasking");
      return this;
    }

    /** Consent and Do-Not-Track gating ({@link ConsentPolicy#DEFAULT}: DNT honoured, no consent needed). */
    public Builder consent(ConsentPolicy value) {
      Checks.once(set, "consent");
      this.consent = Objects.requireNonNull(value, "consent");
      return this;
    }

    /**
     * Largest event accepted (32 KB by default; estimated from the properties for events built in code).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxEventBytes(int value) {
      Checks.once(set, "maxEventBytes");
      this.maxEventBytes = Checks.positive("maxEventBytes", value);
      return this;
    }

    /**
     * How far after the clock's now an event's timestamp may lie, for events given as JSON (after clock-skew
     * correction) and built in code alike ({@link EventCodec#DEFAULT_MAX_FUTURE_SKEW}, one day, by default).
     * A later event is invalid: counted and given to the failed-events sink with the reason.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxFutureSkew(Duration value) {
      Checks.once(set, "maxFutureSkew");
      this.maxFutureSkew = Checks.notNegative("maxFutureSkew", value);
      return this;
    }

    /**
     * How far before the clock's now an event's timestamp may lie, for events given as JSON and built in
     * code alike ({@link EventCodec#DEFAULT_MAX_AGE}, 365 days, by default). An older event is invalid:
     * counted and given to the failed-events sink with the reason. See {@link #historicImport()}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxEventAge(Duration value) {
      Checks.once(set, "maxEventAge");
      this.maxEventAge = Checks.positive("maxEventAge", value);
      return this;
    }

    /**
     * Historic import (backfill): events of any age are accepted, as JSON and built in code; the future
     * limit still applies. Replaces {@link #maxEventAge(Duration)}; give one or the other.
     */
    public Builder historicImport() {
      Checks.once(set, "maxEventAge");
      this.maxEventAge = null;
      return this;
    }

    /** An identity resolver fed with every accepted event (identify and alias link ids). */
    public Builder identityResolver(IdentityResolver value) {
      Checks.once(set, "identityResolver");
      this.identity = Objects.requireNonNull(value, "identityResolver");
      return this;
    }

    /**
     * Builds and starts the tracker (one daemon delivery thread).
     *
     * @throws IllegalArgumentException if the batch size exceeds the buffer capacity
     */
    public Tracker build() {
      if (batchSize > capacity) {
        throw new IllegalArgumentException("batchSize must not exceed bufferCapacity: " + batchSize + " > " + capacity);
      }
      return new BufferedTracker(new TrackerConfig(sink, failedSink, capacity, overflow, blockTimeout, batchSize,
          flushInterval, maxAttempts, initialBackoff, maxBackoff, dedupeWindow, dedupeMaxEntries, clock,
          closeTimeout, ipMasking, consent, maxEventBytes, identity, maxFutureSkew, maxEventAge));
    }
  }
}
