package org.ecrm.tracking.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ecrm.tracking.Campaign;
import org.junit.jupiter.api.Test;

class SessionizerTest {
  static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static Hit view(String v, long minutes, String path) {
    return Hit.pageView(v, at(minutes), path);
  }

  static Hit hit(String v, Instant t, HitKind k, String path) {
    return new Hit(v, t, k, path, "", Campaign.NONE);
  }

  InMemorySessionSink sink = SessionSink.inMemory();

  List<Session> run(Sessionizer.Builder b, Hit... hits) {
    Sessionizer s = b.sink(sink).build();
    for (Hit h : hits) {
      s.accept(h);
    }
    s.finish();
    return sink.sessions();
  }

  @Test
  void accept_gapOfExactlyTheTimeoutKeepsTheSession_longerGapStartsANewOne() {
    List<Session> s = run(Sessionizer.builder(),
        view("v", 0, "/a"), view("v", 30, "/b"), hit("v", at(60).plusMillis(1), HitKind.PAGE_VIEW, "/c"));
    assertThat(s).hasSize(2);
    assertThat(s.get(0).pageViews()).isEqualTo(2);
    assertThat(s.get(0).index()).isEqualTo(1);
    assertThat(s.get(1).index()).isEqualTo(2);
    assertThat(s.get(1).returnVisit()).isTrue();
    assertThat(s.get(1).bounce()).isTrue();
  }

  @Test
  void session_metrics_timeOnPageEngagedTimeEntryExitReferrerCampaign() {
    Campaign spring = Campaign.of("news", "email", "spring");
    List<Session> s = run(Sessionizer.builder(),
        new Hit("v", at(0), HitKind.PAGE_VIEW, "/home", "https://search.example/", spring),
        hit("v", at(0).plusSeconds(10), HitKind.PAGE_PING, "/home"),
        hit("v", at(0).plusSeconds(40), HitKind.PAGE_PING, "/home"),
        hit("v", at(2), HitKind.EVENT, "/home"),
        view("v", 3, "/product"),
        view("v", 10, "/cart"),
        hit("v", at(10).plusSeconds(30), HitKind.PAGE_PING, "/cart"));
    assertThat(s).singleElement().satisfies(x -> {
      assertThat(x.start()).isEqualTo(at(0));
      assertThat(x.end()).isEqualTo(at(10).plusSeconds(30));
      assertThat(x.duration()).isEqualTo(Duration.ofSeconds(630));
      assertThat(x.pageViews()).isEqualTo(3);
      assertThat(x.events()).isEqualTo(1);
      assertThat(x.pings()).isEqualTo(3);
      assertThat(x.bounce()).isFalse();
      assertThat(x.entryPage()).contains("/home");
      assertThat(x.exitPage()).contains("/cart");
      assertThat(x.referrer()).isEqualTo("https://search.example/");
      assertThat(x.campaign()).isEqualTo(spring);
      assertThat(x.pages()).containsExactly(
          new PageView("/home", at(0), Optional.of(Duration.ofMinutes(3)), Optional.of(Duration.ofSeconds(40))),
          new PageView("/product", at(3), Optional.of(Duration.ofMinutes(7)), Optional.empty()),
          new PageView("/cart", at(10), Optional.empty(), Optional.of(Duration.ofSeconds(30))));
      assertThat(x.engagedTime()).isEqualTo(Duration.ofSeconds(70));
    });
  }

  @Test
  void splitAtMidnight_cutsAtLocalMidnight() {
    ZoneId paris = ZoneId.of("Europe/Paris"); // UTC+1 in March: local midnight = 23:00Z
    Instant before = Instant.parse("2026-03-10T22:50:00Z");
    Instant after = Instant.parse("2026-03-10T23:05:00Z");
    assertThat(run(Sessionizer.builder().splitAtMidnight(paris),
        hit("v", before, HitKind.PAGE_VIEW, "/"), hit("v", after, HitKind.PAGE_VIEW, "/"))).hasSize(2);
    sink = SessionSink.inMemory();
    assertThat(run(Sessionizer.builder(),
        hit("v", before, HitKind.PAGE_VIEW, "/"), hit("v", after, HitKind.PAGE_VIEW, "/"))).hasSize(1);
  }

  @Test
  void splitOnCampaignChange_startsANewSessionForADifferentCampaign() {
    Campaign a = Campaign.of("a", "cpc", "x");
    Campaign b = Campaign.of("b", "cpc", "y");
    Hit h1 = new Hit("v", at(0), HitKind.PAGE_VIEW, "/", "", a);
    Hit h2 = new Hit("v", at(1), HitKind.PAGE_VIEW, "/p", "", Campaign.NONE);
    Hit h3 = new Hit("v", at(2), HitKind.PAGE_VIEW, "/", "", a);
    Hit h4 = new Hit("v", at(3), HitKind.PAGE_VIEW, "/", "", b);
    List<Session> s = run(Sessionizer.builder().splitOnCampaignChange(true), h1, h2, h3, h4);
    assertThat(s).extracting(Session::pageViews).containsExactly(3, 1);
    assertThat(s).extracting(Session::campaign).containsExactly(a, b);
  }

  @Test
  void allowedLateness_placesOutOfOrderHitsByEventTime_andCountsTooLateOnes() {
    Sessionizer.Builder b = Sessionizer.builder().allowedLateness(Duration.ofMinutes(5));
    Sessionizer s = b.sink(sink).build();
    assertThat(s.accept(view("v", 10, "/b"))).isTrue();
    assertThat(s.accept(view("v", 6, "/a"))).as("4 min late, allowed").isTrue();
    assertThat(s.accept(view("w", 20, "/x"))).isTrue();
    assertThat(s.accept(view("v", 14, "/late"))).as("6 min behind the latest hit").isFalse();
    SessionizerStats st = s.finish();
    assertThat(st).isEqualTo(new SessionizerStats(4, 1, 2, 2));
    Session v = sink.sessions().stream().filter(x -> x.visitorId().equals("v")).findFirst().orElseThrow();
    assertThat(v.entryPage()).contains("/a");
    assertThat(v.exitPage()).contains("/b");
    assertThatThrownBy(() -> s.accept(view("v", 30, "/"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("sessionizer already finished");
  }

  @Test
  void returnVisits_areNumberedAcrossEmissions() {
    Sessionizer s = Sessionizer.builder().sink(sink).build();
    s.accept(view("v", 0, "/"));
    s.accept(view("other", 100, "/")); // pushes the watermark: v's first session is emitted
    s.accept(view("v", 200, "/"));
    s.accept(view("v", 400, "/"));
    s.finish();
    assertThat(sink.sessions()).filteredOn(x -> x.visitorId().equals("v")).extracting(Session::index)
        .containsExactly(1, 2, 3);
  }

  @Test
  void builder_badArguments_failFastNamingThem() {
    assertThatThrownBy(() -> Sessionizer.builder().sessionTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("sessionTimeout must be positive: PT0S");
    assertThatThrownBy(() -> Sessionizer.builder().allowedLateness(Duration.ofSeconds(-5)))
        .hasMessage("allowedLateness must not be negative: PT-5S");
    assertThatThrownBy(() -> Sessionizer.builder().sessionTimeout(Duration.ofMinutes(1)).sessionTimeout(Duration.ofMinutes(2)))
        .isInstanceOf(IllegalStateException.class).hasMessage("sessionTimeout was already set");
    assertThatThrownBy(() -> Hit.pageView("", T0, "/")).hasMessage("visitorId must not be empty");
  }
}
