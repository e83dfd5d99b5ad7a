package org.ecrm.tracking.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live sessionizer never loses a hit silently: late and far-future hits go to the late-hit sink. */
class LateHitSinkTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC);

  private static final class Recording implements LateHitSink {
    final List<String> seen = new ArrayList<>();

    @Override
    public void late(Hit hit, Instant watermark) {
      seen.add("late " + hit.path() + " behind " + watermark);
    }

    @Override
    public void tooFarAhead(Hit hit, Instant limit) {
      seen.add("future " + hit.path() + " after " + limit);
    }
  }

  @Test
  void lateAndFarFutureHitsGoToTheSinkAndTheFutureOneDoesNotMoveTheWatermark() {
    Recording sink = new Recording();
    InMemorySessionSink sessions = SessionSink.inMemory();
    Sessionizer s = Sessionizer.builder().allowedLateness(Duration.ofMinutes(2)).clock(CLOCK)
        .maxFutureSkew(Duration.ofHours(1)).lateHitSink(sink).sink(sessions).build();
    assertThat(s.accept(Hit.pageView("v", T0, "/a"))).isTrue();
    assertThat(s.accept(Hit.pageView("v", T0.plus(Duration.ofDays(30)), "/future"))).isFalse();
    assertThat(s.accept(Hit.pageView("v", T0.plusSeconds(60), "/b"))).as("the future hit moved nothing").isTrue();
    assertThat(s.accept(Hit.pageView("w", T0.plusSeconds(600), "/c"))).isTrue();
    assertThat(s.accept(Hit.pageView("v", T0.plusSeconds(300), "/late"))).as("behind 10:08").isFalse();
    SessionizerStats st = s.finish();
    assertThat(st).isEqualTo(new SessionizerStats(5, 1, 2, 2, 1));
    assertThat(st.sessionizedHits()).isEqualTo(3);
    assertThat(sink.seen).containsExactly("future /future after 2026-03-01T12:00:00Z",
        "late /late behind 2026-03-01T10:08:00Z");
    assertThat(sessions.sessions()).extracting(Session::pageViews).containsExactlyInAnyOrder(2, 1);
  }

  @Test
  void theDefaultSinkCountsAndLogs_andEqualTimesAreOrderedTheSameWhateverTheArrival() {
    InMemorySessionSink sa = SessionSink.inMemory();
    InMemorySessionSink sb = SessionSink.inMemory();
    Sessionizer a = Sessionizer.builder().clock(CLOCK).sink(sa).build();
    Sessionizer b = Sessionizer.builder().clock(CLOCK).sink(sb).build();
    for (String p : List.of("/x", "/y", "/z")) {
      a.accept(Hit.pageView("v", T0, p));
    }
    for (String p : List.of("/z", "/x", "/y")) {
      b.accept(Hit.pageView("v", T0, p));
    }
    a.accept(Hit.pageView("v", T0.minusSeconds(1), "/late"));
    assertThat(a.finish().lateHits()).isEqualTo(1);
    b.finish();
    assertThat(sa.sessions()).isEqualTo(sb.sessions());
    assertThat(sa.sessions().get(0).entryPage()).contains("/x");
  }

  @Test
  void builder_refusesANegativeSkew() {
    assertThatThrownBy(() -> Sessionizer.builder().maxFutureSkew(Duration.ofSeconds(-1)))
        .hasMessage("maxFutureSkew must not be negative: PT-1S");
    assertThatThrownBy(() -> Sessionizer.builder().lateHitSink(LateHitSink.logging()).lateHitSink(LateHitSink.logging()))
        .isInstanceOf(IllegalStateException.class);
  }
}
