package org.ecrm.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecrm.tracking.EventCodec;
import org.ecrm.tracking.EventContext;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.FailedEventSink;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.core.testkit.MutableClock;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.Tracker;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.session.DailyStats;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Historic import: a year of generated events, shuffled and tracked from two threads as JSON and as built
 * events, gives the sessions, profiles and daily figures of live tracking of the same events in time order.
 * And the time rules are the same for JSON and built events.
 */
class BackfillTest {
  static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  static final PathCategories CATEGORIES = PathCategories.of(java.util.Map.of("/shoes/", "shoes", "/bags/", "bags",
      "/blog/", "reading"));
  static final String[] PATHS = {"/", "/shoes/run", "/shoes/trail", "/bags/tote", "/bags/", "/blog/fit", "/cart"};

  /** Visits of {@code visitors} visitors over a year; most identify once, some never. Time order. */
  static List<TrackingEvent> year(int visitors, long seed) {
    Random r = new Random(seed);
    List<TrackingEvent> out = new ArrayList<>();
    long yearSeconds = Duration.ofDays(365).toSeconds();
    for (int v = 0; v < visitors; v++) {
      String anon = "cookie-" + v;
      String user = r.nextInt(10) < 7 ? "user-" + v : null;
      int visits = 2 + r.nextInt(12);
      int identifyAt = user == null ? -1 : r.nextInt(visits);
      List<Instant> starts = new ArrayList<>();
      for (int s = 0; s < visits; s++) {
        starts.add(YEAR_START.plusSeconds((long) (r.nextDouble() * yearSeconds)));
      }
      Collections.sort(starts);
      boolean known = false;
      for (int s = 0; s < visits; s++) {
        Instant t = starts.get(s);
        int hits = 1 + r.nextInt(8);
        for (int h = 0; h < hits; h++) {
          String id = v + "-" + s + "-" + h;
          TrackingEvent.Builder b;
          int kind = r.nextInt(10);
          if (s == identifyAt && h == hits / 2 && !known) {
            b = TrackingEvent.builder(EventType.IDENTIFY).userId(user);
            known = true;
          } else if (kind < 6 || h == 0) {
            String path = PATHS[r.nextInt(PATHS.length)];
            b = TrackingEvent.builder(EventType.PAGE).context(EventContext.page("https://shop.example" + path, path,
                h == 0 && r.nextBoolean() ? "https://search.example/" : ""));
          } else if (kind < 9) {
            b = TrackingEvent.builder(EventType.TRACK).name(TrackingEvent.PAGE_PING);
          } else {
            b = TrackingEvent.builder(EventType.TRACK).name("Product Added");
          }
          b.messageId(id).anonymousId(anon).timestamp(t);
          if (known && r.nextBoolean()) {
            b.userId(user);
          }
          out.add(b.build());
          // mostly seconds apart, sometimes up to 29 minutes (the same session), now and then 40 (a new one)
          int gap = r.nextInt(20) == 0 ? 40 * 60 : r.nextInt(10) == 0 ? 29 * 60 : 5 + r.nextInt(120);
          t = t.plusSeconds(gap);
        }
      }
    }
    out.sort(Comparator.comparing(TrackingEvent::timestamp).thenComparing(TrackingEvent::messageId));
    return out;
  }

  record Run(List<Session> sessions, TrackingPipeline pipeline) {}

  static Session resolved(Session s, IdentityResolver ids) {
    String v = ids.userFor(s.visitorId(), s.end()).orElse(s.visitorId());
    return new Session(v, s.index(), s.start(), s.end(), s.pageViews(), s.events(), s.pings(), s.pages(),
        s.referrer(), s.campaign());
  }

  static List<Session> normalised(Run run) {
    return run.sessions().stream().map(s -> resolved(s, run.pipeline().identities()))
        .sorted(Comparator.comparing(Session::visitorId).thenComparing(Session::start)).toList();
  }

  /** Live: the clock follows the events; a flush before the clock moves past half the lateness. */
  static Run live(List<TrackingEvent> events, EventCodec json) {
    InMemorySessionSink store = SessionSink.inMemory();
    Duration lateness = Duration.ofMinutes(5);
    MutableClock clock = new MutableClock(events.get(0).timestamp());
    TrackingPipeline p = TrackingPipeline.builder().clock(clock).categories(CATEGORIES).sessionSink(store)
        .allowedLateness(lateness).build();
    Instant flushedAt = events.get(0).timestamp();
    int n = 0;
    for (TrackingEvent e : events) {
      if (e.timestamp().isAfter(flushedAt.plus(lateness.dividedBy(2)))) {
        assertThat(p.flush()).isTrue();
        flushedAt = e.timestamp();
      }
      clock.set(e.timestamp());
      TrackResult r = n++ % 3 == 0 ? p.track(json.encode(e)) : p.track(e);
      assertThat(r).isEqualTo(TrackResult.ACCEPTED);
    }
    p.close();
    return new Run(store.sessions(), p);
  }

  @Test
  @Timeout(300)
  void aShuffledYearImportedFromTwoThreads_givesTheSessionsOfLiveTracking(@TempDir Path spill) throws Exception {
    List<TrackingEvent> events = year(150, 7);
    assertThat(Duration.between(events.get(0).timestamp(), events.get(events.size() - 1).timestamp()).toDays())
        .isGreaterThan(300);
    EventCodec json = EventCodec.builder().anyAge().build();

    Run live = live(events, json);

    List<TrackingEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(11));
    InMemorySessionSink store = SessionSink.inMemory();
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    TrackingPipeline backfill = TrackingPipeline.builder().historicImport().clock(new MutableClock(NOW))
        .categories(CATEGORIES).sessionSink(store).failedEventSink(failures).sortBufferBytes(64 * 1024)
        .spillDirectory(spill).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int first = t;
      done.add(pool.submit(() -> {
        for (int i = first; i < shuffled.size(); i += 2) {
          TrackingEvent e = shuffled.get(i);
          TrackResult r = i % 3 == 0 ? backfill.track(json.encode(e)) : backfill.track(e);
          assertThat(r).as("event %s", e.messageId()).isEqualTo(TrackResult.ACCEPTED);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    backfill.close();
    Run historic = new Run(store.sessions(), backfill);

    assertThat(failures.events()).isEmpty();
    assertThat(live.pipeline().stats().sessions().lateHits()).isZero();
    assertThat(historic.pipeline().stats().sessions().hits()).isEqualTo(events.size());
    assertThat(historic.sessions()).hasSizeGreaterThan(1000);
    assertThat(normalised(historic)).isEqualTo(normalised(live));
    // the historic import knows every identity up front: its sessions are already the users'
    assertThat(normalised(historic)).containsExactlyInAnyOrderElementsOf(historic.sessions());

    TreeSet<String> visitors = new TreeSet<>();
    historic.sessions().forEach(s -> visitors.add(s.visitorId()));
    assertThat(live.pipeline().profiles().visitors()).isEqualTo(visitors.size());
    assertThat(historic.pipeline().profiles().visitors()).isEqualTo(visitors.size());
    for (String v : visitors) {
      assertThat(historic.pipeline().profiles().profile(v)).as(v).isEqualTo(live.pipeline().profiles().profile(v));
    }
    assertThat(historic.pipeline().traffic().daily()).extracting(DailyStats::date, DailyStats::pageViews,
        DailyStats::sessions, DailyStats::bounces).isEqualTo(live.pipeline().traffic().daily().stream()
            .map(d -> org.assertj.core.groups.Tuple.tuple(d.date(), d.pageViews(), d.sessions(), d.bounces())).toList());
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void jsonAndBuiltEventsFollowTheSameTimeRules() {
    MutableClock clock = new MutableClock(NOW);
    EventCodec codec = EventCodec.builder().anyAge().build();
    TrackingEvent yearOld = TrackingEvent.builder(EventType.PAGE).messageId("old").anonymousId("a")
        .timestamp(NOW.minus(Duration.ofDays(400))).build();
    TrackingEvent ahead = TrackingEvent.builder(EventType.PAGE).messageId("ahead").anonymousId("a")
        .timestamp(NOW.plus(Duration.ofDays(2))).build();
    TrackingEvent recent = TrackingEvent.builder(EventType.PAGE).messageId("recent").anonymousId("a")
        .timestamp(NOW.minus(Duration.ofDays(30))).build();

    FailedEventSink.Recorded liveFailures = FailedEventSink.inMemory();
    try (Tracker live = Tracker.builder().clock(clock).failedEventSink(liveFailures).build()) {
      assertThat(live.track(yearOld)).isEqualTo(TrackResult.INVALID);
      assertThat(live.track(codec.encode(yearOld).replace("\"old\"", "\"old-json\""))).isEqualTo(TrackResult.INVALID);
      assertThat(live.track(ahead)).isEqualTo(TrackResult.INVALID);
      assertThat(live.track(codec.encode(ahead).replace("\"ahead\"", "\"ahead-json\""))).isEqualTo(TrackResult.INVALID);
      assertThat(live.track(recent)).isEqualTo(TrackResult.ACCEPTED);
      assertThat(live.track(codec.encode(recent).replace("\"recent\"", "\"recent-json\""))).isEqualTo(TrackResult.ACCEPTED);
    }
    assertThat(liveFailures.events()).extracting(f -> f.reason().replaceAll(" \\(received.*", "")).containsExactly(
        "invalid event: timestamp: too far in the past: " + yearOld.timestamp(),
        "invalid event: timestamp: too far in the past: " + yearOld.timestamp(),
        "invalid event: timestamp: too far in the future: " + ahead.timestamp(),
        "invalid event: timestamp: too far in the future: " + ahead.timestamp());

    FailedEventSink.Recorded historicFailures = FailedEventSink.inMemory();
    try (Tracker historic = Tracker.builder().clock(clock).historicImport().failedEventSink(historicFailures).build()) {
      TrackingEvent tenYears = TrackingEvent.builder(EventType.PAGE).messageId("ten").anonymousId("a")
          .timestamp(NOW.minus(Duration.ofDays(3650))).build();
      assertThat(historic.track(tenYears)).isEqualTo(TrackResult.ACCEPTED);
      assertThat(historic.track(codec.encode(tenYears).replace("\"ten\"", "\"ten-json\""))).isEqualTo(TrackResult.ACCEPTED);
      assertThat(historic.track(ahead)).isEqualTo(TrackResult.INVALID);
    }
    assertThat(historicFailures.events()).singleElement()
        .satisfies(f -> assertThat(f.reason()).startsWith("invalid event: timestamp: too far in the future"));

    try (Tracker shortWindow = Tracker.builder().clock(clock).maxEventAge(Duration.ofDays(7))
        .maxFutureSkew(Duration.ZERO).failedEventSink(FailedEventSink.inMemory()).build()) {
      assertThat(shortWindow.track(recent)).isEqualTo(TrackResult.INVALID);
      assertThat(shortWindow.track(codec.encode(recent))).isEqualTo(TrackResult.INVALID);
    }
  }
}
