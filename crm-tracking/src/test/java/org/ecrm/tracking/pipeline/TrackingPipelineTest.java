package org.ecrm.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.Profile;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.EventContext;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.FailedEventSink;
import org.ecrm.core.testkit.MutableClock;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.PageView;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.session.VisitorProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole tracking life cycle through {@link TrackingPipeline}'s public API, with no host code in between. */
class TrackingPipelineTest {
  static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  static final PathCategories CATEGORIES = PathCategories.of(Map.of("/shoes/", "shoes", "/bags/", "bags"));

  static TrackingEvent page(String id, String anon, String user, Instant at, String path) {
    TrackingEvent.Builder b = TrackingEvent.builder(EventType.PAGE).messageId(id).anonymousId(anon).timestamp(at)
        .context(EventContext.page("https://shop.example" + path, path, ""));
    return user == null ? b.build() : b.userId(user).build();
  }

  static TrackingEvent ping(String id, String anon, Instant at) {
    return TrackingEvent.builder(EventType.TRACK).messageId(id).anonymousId(anon).name(TrackingEvent.PAGE_PING)
        .timestamp(at).build();
  }

  static String identifyJson(String id, String anon, String user, Instant at) {
    return "{\"type\":\"identify\",\"messageId\":\"" + id + "\",\"anonymousId\":\"" + anon + "\",\"userId\":\""
        + user + "\",\"timestamp\":\"" + at + "\",\"traits\":{\"plan\":\"gold\"}}";
  }

  /** One visit: two anonymous pages with a ping, identify (as JSON), a page as the user, a ping. */
  static void visit(TrackingPipeline p, int i) {
    String anon = "anon-" + i;
    String user = "user-" + i;
    assertThat(p.track(page(i + "-1", anon, null, T0, "/shoes/" + i))).isEqualTo(TrackResult.ACCEPTED);
    assertThat(p.track(ping(i + "-2", anon, T0.plusSeconds(20)))).isEqualTo(TrackResult.ACCEPTED);
    assertThat(p.track(page(i + "-3", anon, null, T0.plusSeconds(40), "/bags/tote"))).isEqualTo(TrackResult.ACCEPTED);
    assertThat(p.track(identifyJson(i + "-4", anon, user, T0.plusSeconds(60)))).isEqualTo(TrackResult.ACCEPTED);
    assertThat(p.track(page(i + "-5", anon, user, T0.plusSeconds(80), "/shoes/run"))).isEqualTo(TrackResult.ACCEPTED);
    assertThat(p.track(ping(i + "-6", anon, T0.plusSeconds(110)))).isEqualTo(TrackResult.ACCEPTED);
    assertThat(p.track(page(i + "-5", anon, user, T0.plusSeconds(80), "/shoes/run"))).isEqualTo(TrackResult.DUPLICATE);
  }

  @Test
  @Timeout(120)
  void concurrentProducers_oneVisitorPerUser_engagedTime_andInteractSeesIt() throws Exception {
    int visitors = 200;
    Crm crm = Crm.builder().discoverStorage(false).build();
    for (int i = 0; i < visitors; i++) {
      crm.customers().create(Customer.builder().id("c-" + i).name("Name" + i, "Family")
          .externalId(ExternalId.WEB_USER, "user-" + i));
    }
    MutableClock clock = new MutableClock(T0);
    InMemorySessionSink store = SessionSink.inMemory();
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    try (TrackingPipeline pipeline = TrackingPipeline.builder().clock(clock).customers(crm.customers())
        .categories(CATEGORIES).sessionSink(store).failedEventSink(failures).build()) {
      Interact interact = Interact.builder(crm).behaviour(pipeline.behaviour()).build();
      pipeline.connect(interact);
      // cached before anything was tracked: an anonymous stranger
      assertThat(interact.profileOfVisitor("anon-7").recognition()).isEqualTo(Profile.Recognition.ANONYMOUS);

      int threads = 4;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = first; i < visitors; i += threads) {
            visit(pipeline, i);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertThat(pipeline.flush()).isTrue();
      assertThat(store.sessions()).isEmpty(); // still open: the visitors were active a minute ago
      assertThat(pipeline.stats().openVisitors()).isEqualTo(visitors);

      clock.advance(Duration.ofMinutes(40)); // idle for longer than 30 min + 5 min lateness
      assertThat(pipeline.flush()).isTrue();

      PipelineStats stats = pipeline.stats();
      assertThat(stats.tracker().accepted()).isEqualTo(6L * visitors);
      assertThat(stats.tracker().duplicates()).isEqualTo(visitors);
      assertThat(stats.sessions().sessions()).isEqualTo(visitors);
      assertThat(stats.sessions().lateHits()).isZero();
      assertThat(stats.openVisitors()).isZero();
      assertThat(stats.visitors()).isEqualTo(visitors);
      assertThat(failures.events()).isEmpty();

      assertThat(store.sessions()).hasSize(visitors);
      for (Session s : store.sessions()) {
        int i = Integer.parseInt(s.visitorId().substring("user-".length()));
        assertThat(s.index()).isEqualTo(1);
        assertThat(s.pageViews()).isEqualTo(3);
        assertThat(s.events()).isEqualTo(1); // the identify, in the same session as the anonymous pages
        assertThat(s.pings()).isEqualTo(2);
        assertThat(s.start()).isEqualTo(T0);
        assertThat(s.end()).isEqualTo(T0.plusSeconds(110));
        assertThat(s.pages()).containsExactly(
            new PageView("/shoes/" + i, T0, Optional.of(Duration.ofSeconds(40)), Optional.of(Duration.ofSeconds(20))),
            new PageView("/bags/tote", T0.plusSeconds(40), Optional.of(Duration.ofSeconds(40)), Optional.empty()),
            new PageView("/shoes/run", T0.plusSeconds(80), Optional.empty(), Optional.of(Duration.ofSeconds(30))));
      }
      VisitorProfile p7 = pipeline.profiles().profile("user-7").orElseThrow();
      assertThat(p7.sessions()).isEqualTo(1);
      assertThat(p7.pageViews()).isEqualTo(3);
      assertThat(p7.interests()).containsExactly(Map.entry("shoes", 2L), Map.entry("bags", 1L));
      assertThat(pipeline.profiles().profile("anon-7")).isEmpty();
      assertThat(pipeline.traffic().daily()).singleElement().satisfies(d -> {
        assertThat(d.pageViews()).isEqualTo(3L * visitors);
        assertThat(d.sessions()).isEqualTo(visitors);
        assertThat(d.visitors()).isEqualTo(visitors);
      });

      // crm-core's Interact, with no host code in between: the anonymous cookie is recognised
      Profile seen = interact.profileOfVisitor("anon-7");
      assertThat(seen.recognition()).isEqualTo(Profile.Recognition.RECOGNISED);
      assertThat(seen.greeting()).isEqualTo("Welcome back, Name7");
      assertThat(seen.topInterests(2)).containsExactly("shoes", "bags");
      assertThat(interact.profileOfVisitor("user-8").greeting()).isEqualTo("Welcome back, Name8");
    }
  }

  @Test
  @Timeout(60)
  void aSessionThatEndedBeforeTheIdentify_movesOntoTheUser() {
    MutableClock clock = new MutableClock(T0);
    InMemorySessionSink store = SessionSink.inMemory();
    try (TrackingPipeline pipeline = TrackingPipeline.builder().clock(clock).categories(CATEGORIES)
        .sessionSink(store).build()) {
      pipeline.track(page("a1", "cookie", null, T0, "/bags/red"));
      clock.advance(Duration.ofMinutes(40));
      pipeline.flush();
      assertThat(pipeline.profiles().profile("cookie")).map(VisitorProfile::sessions).contains(1);
      assertThat(pipeline.behaviour().ofVisitor("cookie")).isPresent();

      Instant later = clock.instant().plus(Duration.ofDays(2));
      clock.set(later);
      pipeline.track(page("a2", "cookie", null, later, "/shoes/blue"));
      assertThat(pipeline.track(identifyJson("a3", "cookie", "ann", later.plusSeconds(5))))
          .isEqualTo(TrackResult.ACCEPTED);
      clock.advance(Duration.ofMinutes(40));
      pipeline.flush();

      assertThat(store.sessions()).extracting(Session::visitorId, Session::index)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("cookie", 1), org.assertj.core.groups.Tuple.tuple("ann", 2));
      VisitorProfile ann = pipeline.profiles().profile("ann").orElseThrow();
      assertThat(ann.sessions()).isEqualTo(2);
      assertThat(ann.daysBetweenVisits()).containsExactly(2L);
      assertThat(ann.interests()).containsExactly(Map.entry("bags", 1L), Map.entry("shoes", 1L));
      assertThat(pipeline.profiles().profile("cookie")).isEmpty();
      assertThat(pipeline.behaviour().ofVisitor("cookie")).map(b -> b.returnVisits()).contains(1);
    }
  }

  @Test
  @Timeout(60)
  void closeEndsOpenSessions_andLateOrInvalidEventsAreCounted() {
    MutableClock clock = new MutableClock(T0);
    InMemorySessionSink store = SessionSink.inMemory();
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    TrackingPipeline pipeline = TrackingPipeline.builder().clock(clock).sessionSink(store)
        .failedEventSink(failures).allowedLateness(Duration.ofMinutes(1)).lateHitSink((hit, watermark) -> { })
        .build();
    pipeline.track(page("b1", "x", null, T0, "/a"));
    pipeline.flush();
    // 10 minutes behind the clock: late for live sessions (historic import takes it)
    pipeline.track(page("b2", "y", null, T0.minus(Duration.ofMinutes(10)), "/b"));
    assertThat(pipeline.track("{\"type\":\"page\",\"messageId\":\"b3\"}")).isEqualTo(TrackResult.INVALID);
    pipeline.close();
    pipeline.close();

    assertThat(store.sessions()).extracting(Session::visitorId).containsExactly("x");
    PipelineStats stats = pipeline.stats();
    assertThat(stats.sessions().lateHits()).isEqualTo(1);
    assertThat(stats.tracker().invalid()).isEqualTo(1);
    assertThat(failures.events()).singleElement().satisfies(f ->
        assertThat(f.reason()).contains("userId: an anonymousId or a userId is required"));
    assertThatThrownBy(() -> pipeline.track(page("b4", "x", null, T0, "/a")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @Timeout(60)
  void aThrowingSessionSinkIsCountedAndTheProfilesStillHaveTheSession() {
    MutableClock clock = new MutableClock(T0);
    try (TrackingPipeline pipeline = TrackingPipeline.builder().clock(clock).sessionSink(s -> {
      throw new IllegalStateException("database down");
    }).build()) {
      pipeline.track(page("c1", "z", null, T0, "/a"));
      pipeline.flush();
      clock.advance(Duration.ofHours(1));
      pipeline.flush();
      assertThat(pipeline.stats().sessionSinkFailures()).isEqualTo(1);
      assertThat(pipeline.profiles().profile("z")).isPresent();
    }
  }

  @Test
  void builderSettingsFailFastNamingTheValue() {
    assertThatThrownBy(() -> TrackingPipeline.builder().tracker(t -> t.bufferCapacity(0)).build())
        .hasMessage("bufferCapacity must be positive: 0");
    assertThatThrownBy(() -> TrackingPipeline.builder().tracker(t -> t.sink(EventSink.NO_OP)).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("sink was already set");
    assertThatThrownBy(() -> TrackingPipeline.builder().historicImport().tracker(t -> t.maxEventAge(Duration.ofDays(1)))
        .build()).isInstanceOf(IllegalStateException.class).hasMessage("maxEventAge was already set");
    assertThatThrownBy(() -> TrackingPipeline.builder().sortBufferBytes(-1))
        .hasMessage("sortBufferBytes must be positive: -1");
    assertThatThrownBy(() -> TrackingPipeline.builder().historicImport().historicImport())
        .hasMessageContaining("historicImport");
    assertThatThrownBy(() -> TrackingPipeline.builder().allowedLateness(Duration.ofSeconds(-1)))
        .hasMessageContaining("allowedLateness");
  }
}
