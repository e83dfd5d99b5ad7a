package org.ecrm.tracking.weblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WebLogReaderTest {
  static final String OK =
      "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 512 \"http://ref/\" \"Mozilla/5.0\"";

  final List<LogRecord> records = new ArrayList<>();
  final List<LogLineError> errors = new ArrayList<>();

  ReadStats read(WebLogReader reader, byte[] data) {
    return reader.read(new ByteArrayInputStream(data), records::add, errors::add);
  }

  ReadStats read(String text) {
    return read(WebLogReader.builder().build(), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_combinedLine_parsesEveryField() {
    ReadStats s = read(OK + "\n");
    assertThat(s).isEqualTo(new ReadStats(1, 1, 0, OK.length() + 1));
    LogRecord r = records.get(0);
    assertThat(r.ip()).isEqualTo("1.2.3.4");
    assertThat(r.ident()).isEmpty();
    assertThat(r.user()).isEmpty();
    assertThat(r.time()).isEqualTo(Instant.parse("2015-05-17T10:05:03Z"));
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.target()).isEqualTo("/index.html");
    assertThat(r.protocol()).isEqualTo("HTTP/1.1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bytes()).isEqualTo(512);
    assertThat(r.referrer()).isEqualTo("http://ref/");
    assertThat(r.userAgent()).isEqualTo("Mozilla/5.0");
    assertThat(r.lineNumber()).isEqualTo(1);
  }

  @Test
  void read_hostileButValidLines_areParsed() {
    String text = String.join("\r\n",
        "2001:db8::1 - frank [01/Jan/2020:23:30:00 -0700] \"GET /a b c?x=1 HTTP/1.0\" 304 - \"-\" \"-\"",
        "10.0.0.1 - - [29/Feb/2020:00:00:00 +0530] \"GET /q?s=\\\"quoted\\\" HTTP/1.1\" 200 1 \"-\" \"UA \\\"x\\\" \\\\ y\"",
        "10.0.0.2 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1",
        "10.0.0.3 - - [17/May/2015:10:05:03 +0000] \"-\" 400 0 \"-\" \"-\"",
        "10.0.0.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"UA\" \"1.1.1.1\" rt=0.1");
    ReadStats s = read(text);
    assertThat(errors).isEmpty();
    assertThat(s.parsed()).isEqualTo(5);
    LogRecord v6 = records.get(0);
    assertThat(v6.ip()).isEqualTo("2001:db8::1");
    assertThat(v6.user()).isEqualTo("frank");
    assertThat(v6.time()).isEqualTo(Instant.parse("2020-01-02T06:30:00Z"));
    assertThat(v6.target()).isEqualTo("/a b c?x=1");
    assertThat(v6.path()).isEqualTo("/a b c");
    assertThat(v6.bytes()).isEqualTo(-1);
    assertThat(v6.referrer()).isEmpty();
    assertThat(v6.userAgent()).isEmpty();
    LogRecord esc = records.get(1);
    assertThat(esc.time()).isEqualTo(Instant.parse("2020-02-28T18:30:00Z"));
    assertThat(esc.target()).isEqualTo("/q?s=\"quoted\"");
    assertThat(esc.userAgent()).isEqualTo("UA \"x\" \\ y");
    assertThat(records.get(2).userAgent()).as("Common format line").isEmpty();
    assertThat(records.get(3).method()).isEmpty();
    assertThat(records.get(3).target()).isEmpty();
    assertThat(records.get(4).userAgent()).isEqualTo("UA");
  }

  @Test
  void read_nonUtf8Bytes_areReplacedNotFatal() {
    byte[] line = (OK.replace("Mozilla/5.0", "Moz\u0000") + "\n" + OK + "\n").getBytes(StandardCharsets.ISO_8859_1);
    int at = new String(line, StandardCharsets.ISO_8859_1).indexOf('\u0000');
    line[at] = (byte) 0xFF;
    ReadStats s = read(WebLogReader.builder().build(), line);
    assertThat(s.parsed()).isEqualTo(2);
    assertThat(records.get(0).userAgent()).isEqualTo("Moz\uFFFD");
  }

  @Test
  void read_badLines_areReportedWithLineNumberAndReasonAndReadingGoesOn() {
    String text = String.join("\n",
        OK,
        "garbage",
        "",
        "1.2.3.4 - - [32/Foo/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"",
        "1.2.3.4 - - [17/May/2015:10:05:03] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"",
        "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" abc 1 \"-\" \"-\"",
        "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 x1 \"-\" \"-\"",
        "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"Mozilla/5.0 (trunc",
        "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1 200 1",
        "1.2.3.4 - - [17/May/2015:25:05:03 +0000] \"GET / HTTP/1.1\" 200 1",
        OK);
    ReadStats s = read(text);
    assertThat(s).isEqualTo(new ReadStats(11, 2, 9, text.length()));
    assertThat(errors).extracting(LogLineError::message).containsExactly(
        "line 2: missing fields after client address",
        "line 3: empty line",
        "line 4: bad date in time: \"32/Foo/2015:10:05:03 +0000\"",
        "line 5: time is not dd/MMM/yyyy:HH:mm:ss ±hhmm: \"17/May/2015:10:05:03\"",
        "line 6: status is not a 3-digit number: \"abc\"",
        "line 7: byte count is not a number: \"x1\"",
        "line 8: unterminated quoted field: user agent",
        "line 9: unterminated quoted field: request",
        "line 10: bad clock time or offset in time: \"17/May/2015:25:05:03 +0000\"");
    assertThat(errors.get(1).excerpt()).isEmpty();
    assertThat(records).extracting(LogRecord::lineNumber).containsExactly(1L, 11L);
  }

  @Test
  void read_lineOverCap_isRejectedAndNextLineStillRead() {
    String huge = "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /" + "a".repeat(300_000) + " HTTP/1.1\" 200 1";
    ReadStats s = read(WebLogReader.builder().maxLineBytes(1000).build(),
        (OK + "\n" + huge + "\n" + OK).getBytes(StandardCharsets.UTF_8));
    assertThat(s.lines()).isEqualTo(3);
    assertThat(s.parsed()).isEqualTo(2);
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("line 2: line longer than 1000 bytes");
      assertThat(e.excerpt()).hasSize(200).startsWith("1.2.3.4");
    });
  }

  @Test
  void read_gzip_isDetectedAndStreamed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 1000; i++) {
        gz.write((OK + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    ReadStats s = read(WebLogReader.builder().build(), bytes.toByteArray());
    assertThat(s.parsed()).isEqualTo(1000);
    assertThat(s.bytes()).isEqualTo(1000L * (OK.length() + 1));
  }

  @Test
  void read_formatRules_commonVersusCombined() {
    String common = "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1";
    read(WebLogReader.builder().format(LogFormat.COMBINED).build(), common.getBytes(StandardCharsets.UTF_8));
    assertThat(errors).singleElement().extracting(LogLineError::reason)
        .isEqualTo("missing referrer and user agent (a Common-format line)");
    errors.clear();
    read(WebLogReader.builder().format(LogFormat.COMMON).build(), OK.getBytes(StandardCharsets.UTF_8));
    assertThat(errors).isEmpty();
    assertThat(records).singleElement().extracting(LogRecord::userAgent).isEqualTo("");
  }

  @Test
  void builder_badArguments_failFast() {
    assertThatThrownBy(() -> WebLogReader.builder().maxLineBytes(10))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxLineBytes must be at least 64: 10");
    assertThatThrownBy(() -> WebLogReader.builder().format(LogFormat.AUTO).format(LogFormat.COMMON))
        .isInstanceOf(IllegalStateException.class).hasMessage("format was already set");
  }
}
