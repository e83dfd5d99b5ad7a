package org.ecrm.tracking.weblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.TestData;
import org.ecrm.tracking.session.DailyStats;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.session.SessionizerStats;
import org.ecrm.tracking.session.TrafficReport;
import org.ecrm.tracking.session.VisitorProfiles;
import org.junit.jupiter.api.Test;

class WebLogImportTest {
  static Path apacheLogs() {
    Optional<Path> p = TestData.find("weblogs/apache_logs.log");
    assumeTrue(p.isPresent(), "shared/data/weblogs/apache_logs.log not found: real-data test skipped");
    return p.get();
  }

  @Test
  void apacheLogs_realFigures() {
    TrafficReport report = new TrafficReport(ZoneOffset.UTC);
    VisitorProfiles profiles = new VisitorProfiles(PathCategories.of(Map.of("/projects/", "projects",
        "/blog/", "blog", "/presentations/", "talks")), 5);
    List<LogLineError> seen = new ArrayList<>();
    ImportReport r = WebLogImport.builder().sessionSink(SessionSink.tee(report, profiles))
        .errorListener(seen::add).build().run(apacheLogs());

    assertThat(r.read()).isEqualTo(new ReadStats(10_000, 9_999, 1, 2_370_789));
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("line 8899: unterminated quoted field: user agent");
      assertThat(e.excerpt()).startsWith("46.118.127.106 - - [20/May/2015:12:05:17 +0000]");
    });
    assertThat(seen).isEqualTo(r.errors());
    assertThat(r.count(TrafficClass.BOT)).isEqualTo(2_145);
    assertThat(r.count(TrafficClass.STATIC_ASSET)).isEqualTo(5_494);
    assertThat(r.count(TrafficClass.ERROR_STATUS)).isEqualTo(39);
    assertThat(r.count(TrafficClass.REDIRECT)).isEqualTo(67);
    assertThat(r.count(TrafficClass.OTHER_METHOD)).isEqualTo(19);
    assertThat(r.pageViews()).isEqualTo(2_235);
    assertThat(r.classes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(9_999);
    assertThat(r.sessions()).isEqualTo(new SessionizerStats(2_235, 0, 1_268, 992));

    assertThat(report.daily()).containsExactly(
        new DailyStats(LocalDate.of(2015, 5, 17), 344, 198, 163, 137),
        new DailyStats(LocalDate.of(2015, 5, 18), 663, 359, 292, 242),
        new DailyStats(LocalDate.of(2015, 5, 19), 700, 376, 316, 258),
        new DailyStats(LocalDate.of(2015, 5, 20), 528, 335, 276, 252));
    assertThat(report.topEntryPages(1)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/projects/xdotool/");
      assertThat(p.entries()).isEqualTo(168);
      assertThat(p.views()).isEqualTo(206);
    });
    assertThat(profiles.visitors()).isEqualTo(992);
    assertThat(profiles.returningVisitors()).isEqualTo(128);
  }

  @Test
  void apacheLogs_rulesChangeTheFiguresAsDocumented() {
    Path log = apacheLogs();
    assertThat(WebLogImport.builder().mode(ImportMode.STREAMING).allowedLateness(Duration.ZERO).build().run(log)
        .sessions()).as("streaming without lateness: lines logged out of order are late")
        .isEqualTo(new SessionizerStats(2_235, 1_883, 303, 236));
    assertThat(WebLogImport.builder().mode(ImportMode.STREAMING).build().run(log).sessions())
        .as("streaming with the default 2 minutes: the same as the batch import").isEqualTo(new SessionizerStats(2_235, 0, 1_268, 992));
    assertThat(WebLogImport.builder().ipMasking(IpMasking.DEFAULT).build().run(log).sessions())
        .isEqualTo(new SessionizerStats(2_235, 0, 1_265, 968));
    assertThat(WebLogImport.builder().visitorKey(VisitorKey.IP).build().run(log).sessions())
        .isEqualTo(new SessionizerStats(2_235, 0, 1_260, 959));
  }

  @Test
  void run_hostileStream_countsEveryLineAndSessionizesTheGoodOnes() {
    String ua = "Mozilla/5.0 (Windows NT 10.0) Firefox/120.0";
    String text = String.join("\n",
        "1.2.3.4 - - [17/May/2015:10:00:00 +0000] \"GET /a?utm_source=mail&utm_campaign=x HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"",
        "garbage",
        "1.2.3.4 - - [17/May/2015:12:05:00 +0200] \"GET /b HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"",
        "1.2.3.4 - - [17/May/2015:10:06:00 +0000] \"GET /logo.png HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"",
        "1.2.3.4 - - [17/May/2015:10:07:00 +0000] \"GET /c HTTP/1.1\" 200 1 \"-\" \"Googlebot/2.1\"",
        "1.2.3.5 - - [17/May/2015:10:08:00 +0000] \"GET /d HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"",
        "1.2.3.4 - - [17/May/2015:11:00:00 +0000] \"GET /e HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"");
    InMemorySessionSink sink = SessionSink.inMemory();
    ImportReport r = WebLogImport.builder().sessionSink(sink).build()
        .run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.read().lines()).isEqualTo(7);
    assertThat(r.read().malformed()).isEqualTo(1);
    assertThat(r.errors()).extracting(LogLineError::message).containsExactly("line 2: missing fields after client address");
    assertThat(r.pageViews()).isEqualTo(4);
    assertThat(r.count(TrafficClass.BOT)).isEqualTo(1);
    assertThat(r.count(TrafficClass.STATIC_ASSET)).isEqualTo(1);
    assertThat(r.sessions()).isEqualTo(new SessionizerStats(4, 0, 3, 2));
    Session first = sink.sessions().stream().filter(s -> s.visitorId().startsWith("1.2.3.4") && s.index() == 1)
        .findFirst().orElseThrow();
    assertThat(first.pageViews()).isEqualTo(2);
    assertThat(first.entryPage()).contains("/a");
    assertThat(first.exitPage()).contains("/b");
    assertThat(first.campaign().source()).isEqualTo("mail");
    assertThat(first.pages().get(0).timeOnPage()).contains(Duration.ofMinutes(5));
  }

  @Test
  void run_classifiesExactlyLikeReaderPlusFilter_onAwkwardLines() {
    String ua = "Mozilla/5.0 (X11) Firefox/1";
    String text = String.join("\r\n",
        "::1 - - [17/May/2015:10:00:00 +0000] \"GET /q?s=\\\"x\\\" HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:01 +0000] \"GET /caf\u00e9.PNG HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:02 +0000] \"GET /caf\u00e9/page HTTP/1.1\" 200 1 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:03 +0000] \"-\" 200 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:04 +0000] \"HEAD / HTTP/1.1\" 200 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:05 +0000] \"GET /a b.css HTTP/1.1\" 200 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:06 +0000] \"GET /x.tar.GZ?y=1 HTTP/1.1\" 200 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:07 +0000] \"GET /v1.2/ HTTP/1.1\" 200 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:08 +0000] \"GET /.hidden HTTP/1.1\" 301 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:09 +0000] \"GET /p HTTP/1.1\" 200 0 \"-\" \"-\"",
        "::1 - - [17/May/2015:10:00:10 +0000] \"GET /p HTTP/1.1\" 200 0",
        "::1 - - [17/May/2015:10:00:11 +0000] \"POST /form?utm_source=a HTTP/1.1\" 200 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:12 +0000] \"GET HTTP/1.1\" 200 0 \"-\" \"" + ua + "\"",
        "::1 - - [17/May/2015:10:00:13 +0000] \"GET /bot HTTP/1.1\" 200 0 \"-\" \"Googlebot/2.1\"");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    java.util.EnumMap<TrafficClass, Long> want = new java.util.EnumMap<>(TrafficClass.class);
    for (TrafficClass c : TrafficClass.values()) {
      want.put(c, 0L);
    }
    TrafficFilter f = TrafficFilter.defaults();
    WebLogReader.builder().build().read(new ByteArrayInputStream(bytes), r -> want.merge(f.classify(r), 1L, Long::sum),
        e -> { });
    ImportReport r = WebLogImport.builder().build().run(new ByteArrayInputStream(bytes));
    assertThat(r.classes()).isEqualTo(want);
    assertThat(r.pageViews()).as("the Common line without a user-agent field is a page view").isEqualTo(6);
  }

  @Test
  void builder_badArguments_failFast() {
    assertThatThrownBy(() -> WebLogImport.builder().sessionTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("sessionTimeout must be positive: PT0S");
    assertThatThrownBy(() -> WebLogImport.builder().maxErrorsKept(-1))
        .hasMessage("maxErrorsKept must not be negative: -1");
  }
}
