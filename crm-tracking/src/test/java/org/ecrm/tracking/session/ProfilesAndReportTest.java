package org.ecrm.tracking.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfilesAndReportTest {
  static final Instant D1 = Instant.parse("2026-03-01T09:00:00Z");

  @Test
  void visitorProfiles_returnVisitsDaysBetweenTopPagesAndInterests() {
    VisitorProfiles profiles = new VisitorProfiles(
        PathCategories.of(Map.of("/shoes/", "shoes", "/shoes/running/", "running", "/blog/", "content")), 2);
    TrafficReport report = new TrafficReport(ZoneOffset.UTC);
    Sessionizer s = Sessionizer.builder().sink(SessionSink.tee(profiles, report)).build();
    s.accept(Hit.pageView("ann", D1, "/shoes/running/x"));
    s.accept(Hit.pageView("ann", D1.plusSeconds(60), "/shoes/red"));
    s.accept(Hit.pageView("bob", D1.plusSeconds(90), "/blog/a"));
    s.accept(Hit.pageView("ann", D1.plus(Duration.ofDays(3)), "/shoes/running/x"));
    s.accept(Hit.pageView("ann", D1.plus(Duration.ofDays(10)), "/blog/a"));
    s.finish();

    VisitorProfile ann = profiles.profile("ann").orElseThrow();
    assertThat(ann.sessions()).isEqualTo(3);
    assertThat(ann.returnVisits()).isEqualTo(2);
    assertThat(ann.returning()).isTrue();
    assertThat(ann.pageViews()).isEqualTo(4);
    assertThat(ann.daysBetweenVisits()).containsExactly(3L, 7L);
    assertThat(ann.meanDaysBetweenVisits()).hasValue(5.0);
    assertThat(ann.firstSeen()).isEqualTo(D1);
    assertThat(ann.lastSeen()).isEqualTo(D1.plus(Duration.ofDays(10)));
    assertThat(ann.visitsPer30Days()).isEqualTo(9.0);
    assertThat(ann.topPages()).containsExactly(Map.entry("/shoes/running/x", 2L), Map.entry("/blog/a", 1L));
    assertThat(ann.interests()).containsExactly(Map.entry("running", 2L), Map.entry("content", 1L),
        Map.entry("shoes", 1L));
    assertThat(profiles.profile("bob").orElseThrow().returning()).isFalse();
    assertThat(profiles.profile("nobody")).isEmpty();

    assertThat(report.daily().get(0)).isEqualTo(new DailyStats(LocalDate.of(2026, 3, 1), 3, 2, 2, 1));
    assertThat(report.daily().get(0).bounceRate()).isEqualTo(0.5);
    assertThat(report.pages()).extracting(PageStats::path).startsWith("/blog/a", "/shoes/running/x");
    PageStats running = report.pages().get(1);
    assertThat(running.path()).isEqualTo("/shoes/running/x");
    assertThat(running.views()).isEqualTo(2);
    assertThat(running.entries()).isEqualTo(2);
    assertThat(running.meanTimeOnPage()).isEqualTo(Duration.ofMinutes(1));
    assertThat(report.topExitPages(1)).extracting(PageStats::path).containsExactly("/blog/a");

    assertThat(profiles.erase(Set.of("ann"))).isEqualTo(1);
    assertThat(profiles.profile("ann")).isEmpty();
  }

  @Test
  void pathCategories_rejectBadRules() {
    assertThatThrownBy(() -> PathCategories.of(Map.of("shoes", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("path prefix must start with '/': \"shoes\"");
    assertThatThrownBy(() -> new VisitorProfiles(PathCategories.NONE, 0)).hasMessage("topPages must be positive: 0");
  }
}
