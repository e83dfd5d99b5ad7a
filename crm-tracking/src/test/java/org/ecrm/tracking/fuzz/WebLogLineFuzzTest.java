package org.ecrm.tracking.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.LogFormat;
import org.ecrm.tracking.weblog.LogLineError;
import org.ecrm.tracking.weblog.LogRecord;
import org.ecrm.tracking.weblog.ReadStats;
import org.ecrm.tracking.weblog.TrafficClass;
import org.ecrm.tracking.weblog.TrafficFilter;
import org.ecrm.tracking.weblog.WebLogImport;
import org.ecrm.tracking.weblog.WebLogReader;

/**
 * Fuzzes the Common/Combined log line parser through {@link WebLogReader} and {@link WebLogImport}.
 * Properties beyond "no exception": every line is either a record or an error; a record written back as a
 * log line ({@link LogLineWriter}) parses to the same record; the import's byte-level fast path classifies
 * every line as the reader plus {@link TrafficFilter#classify} do. In {@code mvn verify} this runs over the
 * corpus in {@code src/test/resources/org/ecrm/tracking/fuzz/WebLogLineFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class WebLogLineFuzzTest {
  private static final WebLogReader READER = WebLogReader.builder().build();
  private static final WebLogReader LONG_LINES = WebLogReader.builder().maxLineBytes(1 << 20).build();
  private static final TrafficFilter FILTER = TrafficFilter.defaults();
  /** Far-future lines are rejected relative to this clock; the window covers every parsable year. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @FuzzTest(maxDuration = "10m")
  void parsedLinesWrittenBackParseToTheSameRecord(byte[] input) {
    List<LogRecord> records = new ArrayList<>();
    List<LogLineError> errors = new ArrayList<>();
    boolean gzip = input.length >= 2 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b;
    ReadStats s;
    try {
      s = READER.read(new ByteArrayInputStream(input), records::add, errors::add);
    } catch (UncheckedIOException e) {
      assertThat(gzip).as("only a corrupt gzip stream may fail the read: %s", e).isTrue();
      return;
    }
    assertThat(s.parsed() + s.malformed()).isEqualTo(s.lines());
    assertThat(records).hasSize((int) s.parsed());
    assertThat(errors).hasSize((int) s.malformed());
    for (LogLineError e : errors) {
      assertThat(e.lineNumber()).isBetween(1L, s.lines());
      assertThat(e.reason()).isNotBlank();
    }
    Map<TrafficClass, Long> expected = new EnumMap<>(TrafficClass.class);
    for (TrafficClass c : TrafficClass.values()) {
      expected.put(c, 0L);
    }
    for (LogRecord r : records) {
      assertThat(r.format()).isNotEqualTo(LogFormat.AUTO);
      String line = LogLineWriter.write(r);
      List<LogRecord> again = new ArrayList<>();
      List<LogLineError> againErrors = new ArrayList<>();
      LONG_LINES.read(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)), again::add,
          againErrors::add);
      assertThat(againErrors).as("written back: %s", line).isEmpty();
      assertThat(again).as("written back: %s", line).hasSize(1);
      LogRecord back = again.get(0);
      assertThat(back).as("written back: %s", line).isEqualTo(withLineNumber(r, 1));
      expected.merge(FILTER.classify(r), 1L, Long::sum);
    }
    ImportReport report = WebLogImport.builder().clock(CLOCK).maxFutureSkew(Duration.ofDays(3_000_000)).build()
        .run(new ByteArrayInputStream(input));
    assertThat(report.read()).isEqualTo(s);
    assertThat(report.classes()).isEqualTo(expected);
    assertThat(report.sessions().hits()).isEqualTo(expected.get(TrafficClass.PAGE_VIEW));
    assertThat(report.sessions().lateHits()).isZero();
  }

  private static LogRecord withLineNumber(LogRecord r, long n) {
    return new LogRecord(n, r.ip(), r.ident(), r.user(), r.time(), r.method(), r.target(), r.protocol(), r.status(),
        r.bytes(), r.referrer(), r.userAgent(), r.format());
  }
}
