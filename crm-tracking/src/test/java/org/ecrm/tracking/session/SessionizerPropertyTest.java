package org.ecrm.tracking.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ecrm.tracking.Campaign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming sessionizer against a naive one (sort everything, then cut), on seeded random input. */
class SessionizerPropertyTest {
  static Stream<Long> seeds() {
    return LongStream.range(1, 41).boxed();
  }

  record Key(String visitor, int index, Instant start, Instant end, int views, int events, int pings,
      Campaign campaign, List<PageView> pages) {
    static Key of(Session s) {
      return new Key(s.visitorId(), s.index(), s.start(), s.end(), s.pageViews(), s.events(), s.pings(),
          s.campaign(), s.pages());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void streamingSessionizer_matchesNaiveSortThenCut(long seed) {
    Random rnd = new Random(seed);
    Duration timeout = Duration.ofMinutes(5 + rnd.nextInt(40));
    Duration lateness = Duration.ofMinutes(rnd.nextInt(20));
    boolean midnight = rnd.nextBoolean();
    boolean campaigns = rnd.nextBoolean();
    ZoneId zone = ZoneId.of(rnd.nextBoolean() ? "UTC" : "America/New_York");
    Campaign[] camp = {Campaign.NONE, Campaign.NONE, Campaign.of("a", "m", "x"), Campaign.of("b", "m", "y")};
    List<Hit> sorted = new ArrayList<>();
    Instant t = Instant.parse("2026-03-07T20:00:00Z").plusSeconds(rnd.nextInt(86_400));
    int n = 200 + rnd.nextInt(600);
    for (int i = 0; i < n; i++) {
      t = t.plusSeconds(rnd.nextInt(rnd.nextInt(10) == 0 ? 7200 : 120)); // coarse seconds: ties happen
      HitKind k = HitKind.values()[rnd.nextInt(10) < 6 ? 0 : 1 + rnd.nextInt(2)];
      sorted.add(new Hit("v" + rnd.nextInt(8), t, k, "/p" + rnd.nextInt(5), "", camp[rnd.nextInt(4)]));
    }
    // shuffle within the lateness: each hit is delayed by a random amount up to the lateness
    long lateMs = lateness.toMillis();
    List<long[]> order = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      long delay = lateMs == 0 ? 0 : (long) (rnd.nextDouble() * lateMs);
      order.add(new long[] {sorted.get(i).time().toEpochMilli() + delay, i});
    }
    order.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
    List<Hit> arrival = new ArrayList<>();
    for (long[] o : order) {
      arrival.add(sorted.get((int) o[1]));
    }

    InMemorySessionSink sink = SessionSink.inMemory();
    Sessionizer.Builder b = Sessionizer.builder().sessionTimeout(timeout).allowedLateness(lateness)
        .splitOnCampaignChange(campaigns).sink(sink);
    if (midnight) {
      b.splitAtMidnight(zone);
    }
    Sessionizer s = b.build();
    arrival.forEach(s::accept);
    SessionizerStats stats = s.finish();

    // hits of a visitor with equal times are ordered by kind, path, referrer, campaign (as documented on Sessionizer)
    List<Key> want = naive(arrival, timeout, midnight ? zone : null, campaigns);
    assertThat(stats.lateHits()).isZero();
    assertThat(stats.hits()).isEqualTo(n);
    assertThat(sink.sessions().stream().map(Key::of).sorted(ORDER).toList())
        .isEqualTo(want.stream().sorted(ORDER).toList());
  }

  static final Comparator<Key> ORDER = Comparator.comparing(Key::visitor).thenComparingInt(Key::index);

  /** Straightforward reference: per visitor, stable sort by time and cut where a rule says so. */
  static List<Key> naive(List<Hit> hits, Duration timeout, ZoneId zone, boolean campaigns) {
    Map<String, List<Hit>> byVisitor = new HashMap<>();
    for (Hit h : hits) {
      byVisitor.computeIfAbsent(h.visitorId(), k -> new ArrayList<>()).add(h);
    }
    List<Key> out = new ArrayList<>();
    for (List<Hit> list : byVisitor.values()) {
      list.sort(Comparator.comparing(Hit::time).thenComparing(Hit::kind).thenComparing(Hit::path)
          .thenComparing(Hit::referrer).thenComparing(h -> h.campaign().toString()));
      List<List<Hit>> sessions = new ArrayList<>();
      List<Campaign> sc = new ArrayList<>();
      for (Hit h : list) {
        boolean cut = sessions.isEmpty();
        if (!cut) {
          List<Hit> cur = sessions.get(sessions.size() - 1);
          Hit prev = cur.get(cur.size() - 1);
          Campaign c = sc.get(sc.size() - 1);
          cut = Duration.between(prev.time(), h.time()).compareTo(timeout) > 0
              || (zone != null && !LocalDate.ofInstant(prev.time(), zone).equals(LocalDate.ofInstant(h.time(), zone)))
              || (campaigns && !h.campaign().isEmpty() && !h.campaign().equals(c));
          if (!cut && c.isEmpty()) {
            sc.set(sc.size() - 1, h.campaign());
          }
        }
        if (cut) {
          sessions.add(new ArrayList<>());
          sc.add(h.campaign());
        }
        sessions.get(sessions.size() - 1).add(h);
      }
      for (int i = 0; i < sessions.size(); i++) {
        List<Hit> sh = sessions.get(i);
        int views = 0, events = 0, pings = 0;
        List<PageView> pages = new ArrayList<>();
        for (int j = 0; j < sh.size(); j++) {
          Hit h = sh.get(j);
          if (h.kind() == HitKind.PAGE_VIEW) {
            views++;
            Instant next = null;
            Instant lastPing = null;
            for (int k = j + 1; k < sh.size(); k++) {
              if (sh.get(k).kind() == HitKind.PAGE_VIEW) {
                next = sh.get(k).time();
                break;
              }
              if (sh.get(k).kind() == HitKind.PAGE_PING) {
                lastPing = sh.get(k).time();
              }
            }
            pages.add(new PageView(h.path(), h.time(),
                java.util.Optional.ofNullable(next).map(x -> Duration.between(h.time(), x)),
                java.util.Optional.ofNullable(lastPing).map(x -> Duration.between(h.time(), x))));
          } else if (h.kind() == HitKind.EVENT) {
            events++;
          } else {
            pings++;
          }
        }
        out.add(new Key(sh.get(0).visitorId(), i + 1, sh.get(0).time(), sh.get(sh.size() - 1).time(), views,
            events, pings, sc.get(i), pages));
      }
    }
    return out;
  }
}
