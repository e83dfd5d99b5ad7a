package org.ecrm.tracking.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.tracking.EventCodec;
import org.ecrm.tracking.InvalidEventException;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.Tracker;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.TrackerMetrics;

/**
 * Fuzzes {@link Tracker#track(String)} with event JSON. Properties: the result is never null and nothing
 * but a result comes back (no exception); an accepted event is one the codec decodes, and encoding it
 * and decoding that again gives the same event (the timestamp aside when it carries {@code sentAt}: each
 * decode corrects the clock skew again); an invalid one is refused by the codec with an
 * {@link InvalidEventException} and counted as invalid.
 */
class TrackerJsonFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static final EventCodec CODEC = EventCodec.builder().clock(CLOCK).build();
  private static final AtomicLong FAILED = new AtomicLong();
  /** One tracker for the whole run (it owns a thread); a no-op sink, dedupe on. */
  private static final Tracker TRACKER = Tracker.builder().clock(CLOCK).failedEventSink(failed -> FAILED.incrementAndGet())
      .bufferCapacity(1_000).batchSize(100).dedupe(Duration.ofHours(1), 10_000).build();

  @FuzzTest(maxDuration = "10m")
  void trackedJsonIsAcceptedOnlyWhenTheCodecReadsIt(FuzzedDataProvider data) {
    String json = data.consumeRemainingAsString();
    TrackerMetrics before = TRACKER.metrics();
    TrackResult r = TRACKER.track(json);
    assertThat(r).isNotNull();
    if (r == TrackResult.ACCEPTED || r == TrackResult.DUPLICATE || r == TrackResult.NO_CONSENT) {
      TrackingEvent e = CODEC.decode(json);
      String encoded = CODEC.encode(e);
      TrackingEvent back = CODEC.decode(encoded);
      // decoding applies the clock-skew correction (timestamp − sentAt) again to an event with sentAt,
      // so only an event without sentAt keeps its timestamp through encode and decode
      TrackingEvent expected = e.sentAt().isEmpty() ? e : new TrackingEvent(e.type(), e.messageId(), e.anonymousId(),
          e.userId(), e.name(), e.previousId(), e.groupId(), back.timestamp(), e.sentAt(), e.receivedAt(),
          e.context(), e.properties());
      assertThat(back).as("encoded: %s", encoded).isEqualTo(expected);
    } else if (r == TrackResult.INVALID) {
      assertThatThrownBy(() -> CODEC.decode(json)).isInstanceOf(InvalidEventException.class);
      assertThat(TRACKER.metrics().invalid()).isGreaterThan(before.invalid());
    }
  }
}
