package org.ecrm.tracking.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.tracking.fuzz.LogLineWriter;
import org.junit.jupiter.api.Test;

/**
 * Common Log Format lines (no referrer, no user agent) are page views like Combined lines; "an empty user
 * agent is a bot" applies only to Combined lines whose user-agent field is present and empty or {@code -}.
 */
class CommonLogFormatTest {

  private static ImportReport run(List<String> lines, WebLogImport.Builder b) {
    return b.build().run(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  private static LogRecord common(LogRecord r) {
    return new LogRecord(r.lineNumber(), r.ip(), r.ident(), r.user(), r.time(), r.method(), r.target(), r.protocol(),
        r.status(), r.bytes(), "", "", LogFormat.COMMON);
  }

  @Test
  void apacheLog_theCommonVersionOfTheHumanRequestsGivesTheSamePageViewsAsTheCombinedVersion() {
    Path log = WebLogImportTest.apacheLogs();
    TrafficFilter filter = TrafficFilter.defaults();
    List<String> combined = new ArrayList<>();
    List<String> common = new ArrayList<>();
    List<String> mixed = new ArrayList<>();
    WebLogReader.builder().build().read(log, r -> {
      String line = LogLineWriter.write(r);
      if (filter.classify(r) == TrafficClass.BOT) {
        mixed.add(line);
        return;
      }
      String clf = LogLineWriter.write(common(r));
      combined.add(line);
      common.add(clf);
      mixed.add(mixed.size() % 2 == 0 ? clf : line);
    }, e -> { });
    ImportReport c = run(combined, WebLogImport.builder());
    ImportReport clf = run(common, WebLogImport.builder());
    ImportReport mix = run(mixed, WebLogImport.builder());
    assertThat(c.pageViews()).isEqualTo(2_235);
    assertThat(clf.pageViews()).as("Common lines are page views").isEqualTo(2_235);
    assertThat(clf.classes()).isEqualTo(c.classes());
    assertThat(mix.pageViews()).as("half of the human lines in Common format, the bots in Combined").isEqualTo(2_235);
    assertThat(mix.count(TrafficClass.BOT)).isEqualTo(2_145);
    assertThat(clf.sessions().sessions()).as("Common lines have no user agent: visitors are their IPs")
        .isEqualTo(WebLogImport.builder().visitorKey(VisitorKey.IP).build().run(log).sessions().sessions());
  }

  @Test
  void theEmptyAgentRuleAppliesOnlyToCombinedLinesAndCanBeTurnedOff() {
    List<String> lines = List.of(
        "1.1.1.1 - - [17/May/2015:10:00:00 +0000] \"GET /a HTTP/1.1\" 200 5",
        "1.1.1.2 - - [17/May/2015:10:00:01 +0000] \"GET /b HTTP/1.1\" 200 5 \"-\" \"-\"",
        "1.1.1.3 - - [17/May/2015:10:00:02 +0000] \"GET /c HTTP/1.1\" 200 5 \"-\" \"\"",
        "1.1.1.4 - - [17/May/2015:10:00:03 +0000] \"GET /d HTTP/1.1\" 200 5 \"-\" \"Mozilla/5.0 Firefox/120.0\"");
    ImportReport byDefault = run(lines, WebLogImport.builder());
    assertThat(byDefault.pageViews()).isEqualTo(2);
    assertThat(byDefault.count(TrafficClass.BOT)).isEqualTo(2);
    ImportReport off = run(lines, WebLogImport.builder().filter(TrafficFilter.builder().emptyUserAgentIsBot(false).build()));
    assertThat(off.pageViews()).isEqualTo(4);
    TrafficFilter f = TrafficFilter.defaults();
    List<TrafficClass> classes = new ArrayList<>();
    WebLogReader.builder().build().read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
        r -> classes.add(f.classify(r)), e -> { });
    assertThat(classes).containsExactly(TrafficClass.PAGE_VIEW, TrafficClass.BOT, TrafficClass.BOT, TrafficClass.PAGE_VIEW);
  }
}
