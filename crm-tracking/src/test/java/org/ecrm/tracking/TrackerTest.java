package org.ecrm.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TrackerTest {
  static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

  static TrackingEvent event(String id) {
    return TrackingEvent.builder(EventType.TRACK).messageId(id).anonymousId("anon-" + id).name("Clicked")
        .timestamp(T).build();
  }

  /** A sink that blocks until released. */
  static final class GatedSink implements EventSink {
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);
    final List<TrackingEvent> got = new ArrayList<>();

    @Override
    public void deliver(List<TrackingEvent> batch) throws InterruptedException {
      entered.countDown();
      gate.await();
      synchronized (got) {
        got.addAll(batch);
      }
    }
  }

  @Test
  void track_deliversEverythingInBatchesAndFlushWaitsForIt() {
    List<Integer> sizes = new ArrayList<>();
    InMemoryEventSink store = EventSink.inMemory();
    try (Tracker t = Tracker.builder().batchSize(7).sink(b -> {
      sizes.add(b.size());
      store.deliver(b);
    }).build()) {
      for (int i = 0; i < 100; i++) {
        assertThat(t.track(event("m" + i))).isEqualTo(TrackResult.ACCEPTED);
      }
      assertThat(t.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(store.events()).hasSize(100);
      assertThat(sizes).allMatch(s -> s <= 7);
      assertThat(t.metrics()).isEqualTo(new TrackerMetrics(100, 100, 0, 0, 0, 0, 0, 0, 0));
    }
    assertThat(store.events()).extracting(TrackingEvent::messageId).startsWith("m0", "m1", "m2");
  }

  @Test
  void track_underContention_losesNothingAndCountsRight() throws Exception {
    int threads = 4;
    int perThread = 10_000;
    Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicInteger delivered = new AtomicInteger();
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    Tracker t = Tracker.builder().bufferCapacity(1_000).batchSize(100).blockTimeout(Duration.ofSeconds(20))
        .failedEventSink(failures).sink(b -> {
          for (TrackingEvent e : b) {
            ids.add(e.messageId());
          }
          delivered.addAndGet(b.size());
        }).build();
    List<Thread> producers = new ArrayList<>();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    for (int p = 0; p < threads; p++) {
      int pp = p;
      producers.add(new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          // every 10th message repeats one of another thread's ids: must be a duplicate exactly once
          String id = (i % 10 == 9) ? "shared-" + i : "p" + pp + "-" + i;
          TrackResult r = t.track(event(id));
          if (r == TrackResult.ACCEPTED) {
            accepted.incrementAndGet();
          } else if (r == TrackResult.DUPLICATE) {
            duplicates.incrementAndGet();
          }
        }
      }));
    }
    producers.forEach(Thread::start);
    for (Thread th : producers) {
      th.join(TimeUnit.SECONDS.toMillis(50));
    }
    t.close();
    int sharedIds = perThread / 10;
    int unique = threads * (perThread - sharedIds) + sharedIds;
    assertThat(accepted.get()).isEqualTo(unique);
    assertThat(duplicates.get()).isEqualTo(threads * perThread - unique);
    assertThat(delivered.get()).isEqualTo(unique);
    assertThat(ids).hasSize(unique);
    assertThat(failures.events()).isEmpty();
    TrackerMetrics m = t.metrics();
    assertThat(m.accepted()).isEqualTo(unique);
    assertThat(m.delivered()).isEqualTo(unique);
    assertThat(m.duplicates()).isEqualTo(duplicates.get());
    assertThat(m.buffered()).isZero();
  }

  @Test
  void overflow_dropOldest_keepsNewestAndReportsEveryDroppedOne() throws Exception {
    GatedSink sink = new GatedSink();
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    Tracker t = Tracker.builder().bufferCapacity(5).batchSize(1).overflowPolicy(OverflowPolicy.DROP_OLDEST)
        .failedEventSink(failures).sink(sink).build();
    t.track(event("first"));
    sink.entered.await(); // the worker holds "first"; the buffer is empty
    for (int i = 0; i < 12; i++) {
      assertThat(t.track(event("m" + i))).isEqualTo(TrackResult.ACCEPTED);
    }
    assertThat(t.metrics().dropped()).isEqualTo(7);
    assertThat(failures.events()).hasSize(7).allSatisfy(f -> {
      assertThat(f.reason()).isEqualTo("dropped from a full buffer (5 events, policy DROP_OLDEST)");
      assertThat(f.payload()).contains("\"messageId\":\"m");
    });
    assertThat(failures.events()).extracting(f -> f.event().orElseThrow().messageId())
        .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
    sink.gate.countDown();
    t.close();
    assertThat(sink.got).extracting(TrackingEvent::messageId).containsExactly("first", "m7", "m8", "m9", "m10", "m11");
    TrackerMetrics m = t.metrics();
    assertThat(m.accepted()).isEqualTo(13);
    assertThat(m.delivered() + m.dropped()).isEqualTo(13);
  }

  @Test
  void overflow_rejectAndBlock_refuseWhenFullAndReportTheEvent() throws Exception {
    for (OverflowPolicy policy : List.of(OverflowPolicy.REJECT, OverflowPolicy.BLOCK)) {
      GatedSink sink = new GatedSink();
      FailedEventSink.Recorded failures = FailedEventSink.inMemory();
      Tracker t = Tracker.builder().bufferCapacity(2).batchSize(1).overflowPolicy(policy)
          .blockTimeout(Duration.ofMillis(20)).failedEventSink(failures).sink(sink).build();
      t.track(event("held"));
      sink.entered.await();
      assertThat(t.track(event("a"))).isEqualTo(TrackResult.ACCEPTED);
      assertThat(t.track(event("b"))).isEqualTo(TrackResult.ACCEPTED);
      assertThat(t.track(event("c"))).isEqualTo(TrackResult.BUFFER_FULL);
      assertThat(failures.events()).singleElement().satisfies(f -> {
        assertThat(f.reason()).startsWith("buffer full").contains("policy " + policy);
        assertThat(f.event().orElseThrow().messageId()).isEqualTo("c");
      });
      sink.gate.countDown();
      assertThat(t.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(t.track(event("c"))).as("a refused message may be sent again").isEqualTo(TrackResult.ACCEPTED);
      t.close();
      assertThat(sink.got).extracting(TrackingEvent::messageId).containsExactly("held", "a", "b", "c");
      assertThat(t.metrics().dropped()).isEqualTo(1);
    }
  }

  @Test
  void delivery_retriesWithBackoffThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    InMemoryEventSink store = EventSink.inMemory();
    try (Tracker t = Tracker.builder().retryBackoff(Duration.ofMillis(1), Duration.ofMillis(4)).sink(b -> {
      if (calls.incrementAndGet() <= 2) {
        throw new java.io.IOException("warehouse down");
      }
      store.deliver(b);
    }).build()) {
      t.track(event("x"));
      assertThat(t.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(store.events()).hasSize(1);
      assertThat(t.metrics().retries()).isEqualTo(2);
      assertThat(t.metrics().failed()).isZero();
    }
  }

  @Test
  void delivery_failingForGood_sendsEachEventWithReasonAndPayloadToFailedSink() {
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    Tracker t = Tracker.builder().maxAttempts(3).retryBackoff(Duration.ZERO, Duration.ZERO)
        .failedEventSink(failures).sink(b -> {
          throw new IllegalStateException("no route");
        }).build();
    t.track(event("x"));
    t.track(event("y"));
    t.close();
    assertThat(failures.events()).hasSize(2).allSatisfy(f -> {
      assertThat(f.reason()).isEqualTo("delivery failed after 3 attempts: java.lang.IllegalStateException: no route");
      assertThat(f.payload()).startsWith("{\"type\":\"track\",\"messageId\":\"");
    });
    assertThat(t.metrics().failed()).isEqualTo(2);
    assertThat(t.metrics().delivered()).isZero();
  }

  @Test
  void close_withStuckSink_failsTheRestWithAReason() {
    GatedSink sink = new GatedSink();
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    Tracker t = Tracker.builder().batchSize(1).closeTimeout(Duration.ofMillis(200)).failedEventSink(failures)
        .sink(sink).build();
    for (int i = 0; i < 5; i++) {
      t.track(event("s" + i));
    }
    t.close();
    assertThat(failures.events()).hasSize(5).allSatisfy(f ->
        assertThat(f.reason()).isEqualTo("tracker closed before delivery (close timeout PT0.2S)"));
    assertThatThrownBy(() -> t.track(event("late"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("tracker is closed");
    sink.gate.countDown();
  }

  @Test
  void dedupe_dropsRepeatsWithinTheWindowOnly() {
    MutableClock clock = new MutableClock(T);
    try (Tracker t = Tracker.builder().clock(clock).dedupe(Duration.ofMinutes(10), 1000).build()) {
      assertThat(t.track(event("same"))).isEqualTo(TrackResult.ACCEPTED);
      assertThat(t.track(event("same"))).isEqualTo(TrackResult.DUPLICATE);
      clock.advance(Duration.ofMinutes(11));
      assertThat(t.track(event("same"))).isEqualTo(TrackResult.ACCEPTED);
      assertThat(t.metrics().duplicates()).isEqualTo(1);
    }
  }

  @Test
  void dedupe_catchesARepeatAfterManyFreshIdsBelowTheCap() {
    try (Tracker t = Tracker.builder().dedupe(Duration.ofMinutes(10), 10_000).build()) {
      assertThat(t.track(event("first"))).isEqualTo(TrackResult.ACCEPTED);
      for (int i = 0; i < 9_000; i++) {
        assertThat(t.track(event("fresh-" + i))).isEqualTo(TrackResult.ACCEPTED);
      }
      assertThat(t.track(event("first"))).isEqualTo(TrackResult.DUPLICATE);
      assertThat(t.track(event("fresh-0"))).isEqualTo(TrackResult.DUPLICATE);
    }
  }

  @Test
  void trackJson_invalidGoesToFailedSinkWithOriginalPayload() {
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    try (Tracker t = Tracker.builder().failedEventSink(failures).build()) {
      String bad = "{\"type\":\"track\",\"messageId\":\"1\",\"userId\":\"undefined\",\"event\":\"x\"}";
      assertThat(t.track(bad)).isEqualTo(TrackResult.INVALID);
      assertThat(t.track("{\"type\":")).isEqualTo(TrackResult.INVALID);
      assertThat(t.track("{\"type\":\"page\",\"messageId\":\"2\",\"anonymousId\":\"a\"}")).isEqualTo(TrackResult.ACCEPTED);
      assertThat(failures.events()).hasSize(2);
      assertThat(failures.events().get(0).reason()).isEqualTo("invalid event: userId: placeholder id refused: \"undefined\"");
      assertThat(failures.events().get(0).payload()).isEqualTo(bad);
      assertThat(failures.events().get(1).reason()).startsWith("invalid event: $: malformed JSON");
      assertThat(t.metrics().invalid()).isEqualTo(2);
    }
  }

  @Test
  void track_hugeProperties_areRefusedWithReason() {
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    try (Tracker t = Tracker.builder().maxEventBytes(1024).failedEventSink(failures).build()) {
      TrackingEvent big = TrackingEvent.builder(EventType.TRACK).messageId("big").userId("u").name("x")
          .timestamp(T).properties(Map.of("blob", "z".repeat(5000))).build();
      assertThat(t.track(big)).isEqualTo(TrackResult.INVALID);
      assertThat(failures.events()).singleElement().extracting(FailedEvent::reason)
          .isEqualTo("event larger than 1024 bytes");
    }
  }

  @Test
  void privacy_consentAndDoNotTrackGateTracking_andIpIsMaskedBeforeStorage() {
    InMemoryEventSink store = EventSink.inMemory();
    Set<String> consented = new HashSet<>(Set.of("u-yes"));
    try (Tracker t = Tracker.builder().sink(store).ipMasking(IpMasking.DEFAULT)
        .consent(ConsentPolicy.requireConsent(e -> e.userId().filter(consented::contains).isPresent())).build()) {
      EventContext ctx = EventContext.EMPTY.withIp("203.0.113.77");
      assertThat(t.track(TrackingEvent.builder(EventType.PAGE).messageId("1").userId("u-yes").timestamp(T)
          .context(ctx).build())).isEqualTo(TrackResult.ACCEPTED);
      assertThat(t.track(TrackingEvent.builder(EventType.PAGE).messageId("2").userId("u-no").timestamp(T)
          .context(ctx).build())).isEqualTo(TrackResult.NO_CONSENT);
      assertThat(t.track(TrackingEvent.builder(EventType.PAGE).messageId("3").userId("u-yes").timestamp(T)
          .context(ctx.withDoNotTrack(true)).build())).isEqualTo(TrackResult.NO_CONSENT);
      t.flush();
      assertThat(store.events()).singleElement().satisfies(e ->
          assertThat(e.context().ip()).contains("203.0.113.0"));
      assertThat(t.metrics().noConsent()).isEqualTo(2);
    }
  }

  @Test
  void builder_badArguments_failFastNamingThem() {
    assertThatThrownBy(() -> Tracker.builder().bufferCapacity(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("bufferCapacity must be positive: 0");
    assertThatThrownBy(() -> Tracker.builder().flushInterval(Duration.ZERO))
        .hasMessage("flushInterval must be positive: PT0S");
    assertThatThrownBy(() -> Tracker.builder().dedupe(Duration.ofMinutes(1), 0))
        .hasMessage("dedupe.maxEntries must be positive: 0");
    assertThatThrownBy(() -> Tracker.builder().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("retryBackoff.max must not be below initial: PT1S < PT2S");
    assertThatThrownBy(() -> Tracker.builder().bufferCapacity(10).batchSize(20).build())
        .hasMessage("batchSize must not exceed bufferCapacity: 20 > 10");
    assertThatThrownBy(() -> Tracker.builder().sink(EventSink.NO_OP).sink(EventSink.NO_OP))
        .isInstanceOf(IllegalStateException.class).hasMessage("sink was already set");
  }
}
