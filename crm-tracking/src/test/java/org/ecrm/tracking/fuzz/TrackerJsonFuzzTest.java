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
 * and decoding that again gives the same event (when it has no {@code sentAt}: each decode corrects the
 * clock skew of an event with one again); an invalid one is refused by the codec with an
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
      // decode reads what a client sent: it applies the clock-skew correction (timestamp − sentAt) to an
      // event with sentAt every time, so only an event without sentAt keeps its timestamp through encode
      // and decode (a corrected one may even land beyond the future skew: the sentAt corpus entry)
      if (e.sentAt().isEmpty()) {
        assertThat(CODEC.decode(encoded)).as("encoded: %s", encoded).isEqualTo(e);
      }
    } else if (r == TrackResult.INVALID) {
      assertThatThrownBy(() -> CODEC.decode(json)).isInstanceOf(InvalidEventException.class);
      assertThat(TRACKER.metrics().invalid()).isGreaterThan(before.invalid());
    }
  }
}
