package org.ecrm.tracking.weblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.ecrm.tracking.TestData;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.LateHitSink;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.session.SessionizerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch import's sessions do not depend on the order of the lines: every reordering of a file gives
 * exactly the sessions (same records, same sink order) of the same lines sorted by time, with the sort
 * held in memory and spilled to many temporary runs (several merge passes), and the temporary files are
 * gone afterwards, also when the sink fails.
 */
class WebLogOrderTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String FAR_FUTURE =
      "10.9.9.9 - - [01/Jan/2099:00:00:00 +0000] \"GET /from-the-future HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0 (X11) Firefox/120.0\"";

  @TempDir
  Path dir;

  /** What an import gives, line numbers aside. */
  record Outcome(List<Session> sessions, ReadStats read, Map<TrafficClass, Long> classes, SessionizerStats stats,
      long futureLines, List<String> errorReasons) {}

  private Outcome run(List<String> lines, long sortBuffer) {
    return importLines(List.of(lines), sortBuffer, false);
  }

  /**
   * Writes each part to its own file and imports them: one file through {@code run(Path)}, or every part
   * through {@code run(List<Path>)}; checks that the sort's temporary runs are gone.
   */
  private Outcome importLines(List<List<String>> parts, long sortBuffer, boolean asList) {
    try {
      Path spill = Files.createDirectories(dir.resolve("spill-" + (asList ? "files-" : "") + sortBuffer));
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        Path f = dir.resolve(asList ? "part-" + i + ".log" : "access.log");
        Files.writeString(f, String.join("\n", parts.get(i)) + "\n", StandardCharsets.UTF_8);
        files.add(f);
      }
      InMemorySessionSink sink = SessionSink.inMemory();
      WebLogImport imp = WebLogImport.builder().clock(CLOCK).spillDirectory(spill).sortBufferBytes(sortBuffer)
          .sessionSink(sink).build();
      ImportReport r = asList ? imp.run(files) : imp.run(files.get(0));
      try (Stream<Path> left = Files.list(spill)) {
        assertThat(left).as("temporary sort runs are deleted").isEmpty();
      }
      return new Outcome(sink.sessions(), r.read(), r.classes(), r.sessions(), r.futureLines(),
          r.errors().stream().map(LogLineError::reason).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reference: the same lines sorted by their time (lines that do not parse last), in memory. */
  private Outcome sorted(List<String> lines) {
    return run(sortByTime(lines), WebLogImport.DEFAULT_SORT_BUFFER_BYTES);
  }

  static List<String> sortByTime(List<String> lines) {
    record Timed(long epochSecond, int index, String line) {}
    long[] times = new long[lines.size()];
    java.util.Arrays.fill(times, Long.MAX_VALUE);
    WebLogReader.builder().build().read(
        new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
        r -> times[(int) r.lineNumber() - 1] = r.time().getEpochSecond(), e -> { });
    List<Timed> timed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      timed.add(new Timed(times[i], i, lines.get(i)));
    }
    timed.sort(Comparator.comparingLong(Timed::epochSecond).thenComparingInt(Timed::index));
    return timed.stream().map(Timed::line).toList();
  }

  private static List<String> apacheLines() {
    Optional<Path> p = TestData.find("weblogs/apache_logs.log");
    assumeTrue(p.isPresent(), "shared/data/weblogs/apache_logs.log not found: real-data test skipped");
    try {
      return Files.readAllLines(p.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> shuffled(List<String> lines, long seed) {
    List<String> copy = new ArrayList<>(lines);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  private static List<String> reversedHalves(List<String> lines) {
    int half = lines.size() / 2;
    List<String> out = new ArrayList<>(lines.subList(half, lines.size()));
    out.addAll(lines.subList(0, half));
    return out;
  }

  private static List<String> withLine(List<String> lines, int at, String line) {
    List<String> out = new ArrayList<>(lines);
    out.add(at, line);
    return out;
  }

  @Test
  void apacheLog_everyOrderGivesTheSessionsOfTheSortedLines() {
    List<String> lines = apacheLines();
    Outcome want = sorted(lines);
    assertThat(want.stats()).isEqualTo(new SessionizerStats(2_235, 0, 1_268, 992));
    assertThat(want.sessions()).hasSize(1_268);
    assertThat(run(lines, WebLogImport.DEFAULT_SORT_BUFFER_BYTES)).as("as logged").isEqualTo(want);
    // 64 KiB: about 20 runs merged in one pass
    assertThat(run(reversedHalves(lines), 64 * 1024)).as("second half first").isEqualTo(want);
    List<String> reversed = new ArrayList<>(lines);
    Collections.reverse(reversed);
    assertThat(run(reversed, 64 * 1024)).as("reversed").isEqualTo(want);
    for (long seed = 1; seed <= 3; seed++) {
      // 4 KiB: hundreds of runs, merged in several passes of at most 64
      assertThat(run(shuffled(lines, seed), seed == 1 ? 4 * 1024 : 64 * 1024)).as("shuffled, seed %d", seed)
          .isEqualTo(want);
    }
  }

  @Test
  void apacheLog_aFarFutureLineIsRejectedWithItsLineAndChangesNothingElse() {
    List<String> lines = apacheLines();
    Outcome without = sorted(lines);
    List<String> with = withLine(reversedHalves(lines), 2, FAR_FUTURE);
    Outcome got = run(with, 64 * 1024);
    assertThat(got).isEqualTo(sorted(with));
    assertThat(got.sessions()).isEqualTo(without.sessions());
    assertThat(got.stats()).isEqualTo(without.stats());
    assertThat(got.futureLines()).isEqualTo(1);
    ImportReport r = WebLogImport.builder().clock(CLOCK).build()
        .run(new ByteArrayInputStream((String.join("\n", with) + "\n").getBytes(StandardCharsets.UTF_8)));
    assertThat(r.errors()).extracting(LogLineError::message).contains(
        "line 3: time 2099-01-01T00:00:00Z is too far in the future (more than PT24H after 2026-06-01T00:00:00Z)");
  }

  /** Two servers' logs of the same hours, each in time order but out of order by up to a minute. */
  static List<List<String>> twoServers(long seed, int linesEach) {
    Random rnd = new Random(seed);
    String[] agents = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", "Mozilla/5.0 (Macintosh) Safari/605.1",
        "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"};
    String[] paths = {"/", "/shop", "/cart?utm_source=news&utm_medium=email&utm_campaign=spring", "/style.css",
        "/missing", "/product/42", "/product/7", "/about"};
    List<List<String>> servers = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      List<String> lines = new ArrayList<>();
      long t = Instant.parse("2024-03-01T08:00:00Z").getEpochSecond();
      for (int i = 0; i < linesEach; i++) {
        t += rnd.nextInt(100) == 0 ? 2_400 : rnd.nextInt(4); // ties, and gaps longer than the timeout
        long when = t - rnd.nextInt(60);
        String ip = "10." + s + "." + rnd.nextInt(2) + "." + rnd.nextInt(25); // the same visitors on both servers
        String path = paths[rnd.nextInt(paths.length)];
        int status = path.equals("/missing") ? 404 : 200;
        String head = ip.replace("10." + s + ".", "10.0.") + " - - [" + CLF.format(Instant.ofEpochSecond(when))
            + "] \"GET " + path + " HTTP/1.1\" " + status + " 512";
        lines.add(rnd.nextInt(20) == 0 ? head // a Common line
            : head + " \"" + (rnd.nextBoolean() ? "-" : "https://example.org/") + "\" \""
                + agents[rnd.nextInt(agents.length)] + "\"");
        if (rnd.nextInt(500) == 0) {
          lines.add("garbage line " + i);
        }
      }
      servers.add(lines);
    }
    return servers;
  }

  /** The lines cut into files, imported together as one log. */
  private Outcome runFiles(List<List<String>> parts, long sortBuffer) {
    return importLines(parts, sortBuffer, true);
  }

  @Test
  void severalFiles_inAnyOrder_giveTheSessionsOfAllTheirLinesSorted() {
    List<String> lines = apacheLines();
    Outcome want = sorted(lines);
    List<String> mixed = shuffled(lines, 5);
    int third = mixed.size() / 3;
    List<List<String>> parts = List.of(mixed.subList(2 * third, mixed.size()), mixed.subList(0, third),
        mixed.subList(third, 2 * third));
    assertThat(runFiles(parts, 64 * 1024)).as("three shuffled files").isEqualTo(want);
    assertThat(runFiles(List.of(reversedHalves(lines)), WebLogImport.DEFAULT_SORT_BUFFER_BYTES))
        .as("one file through the list form").isEqualTo(want);
    List<String> late = lines.subList(lines.size() / 2, lines.size());
    List<String> early = lines.subList(0, lines.size() / 2);
    assertThat(runFiles(List.of(late, early), 16 * 1024)).as("rotated files given newest first").isEqualTo(want);
    assertThatThrownBy(() -> WebLogImport.builder().build().run(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files");
    assertThatThrownBy(() -> WebLogImport.builder().build().run(List.of(dir.resolve("missing.log"))))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.log");
  }

  @Test
  void twoServersLogs_concatenatedInterleavedOrShuffled_giveTheSessionsOfTheSortedLines() {
    List<List<String>> servers = twoServers(42, 5_000);
    List<String> concatenated = new ArrayList<>(servers.get(0));
    concatenated.addAll(servers.get(1));
    Outcome want = sorted(concatenated);
    assertThat(want.stats().sessions()).isGreaterThan(100);
    assertThat(want.read().malformed()).isPositive();
    assertThat(run(concatenated, 16 * 1024)).as("server A then server B").isEqualTo(want);
    Random rnd = new Random(7);
    List<String> interleaved = new ArrayList<>();
    int a = 0;
    int b = 0;
    while (a < servers.get(0).size() || b < servers.get(1).size()) {
      boolean fromA = b >= servers.get(1).size() || (a < servers.get(0).size() && rnd.nextBoolean());
      int chunk = 1 + rnd.nextInt(300); // blocks of lines, as when logs are merged by arrival
      for (int i = 0; i < chunk; i++) {
        if (fromA && a < servers.get(0).size()) {
          interleaved.add(servers.get(0).get(a++));
        } else if (!fromA && b < servers.get(1).size()) {
          interleaved.add(servers.get(1).get(b++));
        }
      }
    }
    assertThat(run(interleaved, 16 * 1024)).as("interleaved in blocks").isEqualTo(want);
    assertThat(run(shuffled(concatenated, 11), WebLogImport.DEFAULT_SORT_BUFFER_BYTES)).as("shuffled in memory")
        .isEqualTo(want);
    assertThat(run(withLine(interleaved, 1, FAR_FUTURE), 16 * 1024).sessions()).as("far-future line")
        .isEqualTo(want.sessions());
  }

  @Test
  void streamingImport_reportsLateHitsToItsSinkAndTheFarFutureLineDoesNotMoveTheWatermark() {
    List<String> lines = apacheLines();
    byte[] halves = (String.join("\n", reversedHalves(lines)) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicLong late = new AtomicLong();
    LateHitSink counting = (Hit hit, Instant watermark) -> {
      assertThat(hit.time()).isBefore(watermark);
      late.incrementAndGet();
    };
    ImportReport r = WebLogImport.builder().mode(ImportMode.STREAMING).clock(CLOCK).lateHitSink(counting).build()
        .run(new ByteArrayInputStream(halves));
    assertThat(r.lateHits()).as("the first half comes after the second: late in one pass").isPositive()
        .isEqualTo(late.get());
    assertThat(r.sessions().hits()).isEqualTo(2_235);
    byte[] future = (String.join("\n", withLine(lines, 2, FAR_FUTURE)) + "\n").getBytes(StandardCharsets.UTF_8);
    ImportReport f = WebLogImport.builder().mode(ImportMode.STREAMING).clock(CLOCK).build()
        .run(new ByteArrayInputStream(future));
    assertThat(f.futureLines()).isEqualTo(1);
    assertThat(f.sessions()).as("the far-future line does not make the rest late")
        .isEqualTo(new SessionizerStats(2_235, 0, 1_268, 992));
  }

  @Test
  void aFailingSinkLeavesNoTemporaryFiles() throws IOException {
    List<String> lines = twoServers(3, 3_000).get(0);
    Path spill = Files.createDirectories(dir.resolve("spill-fail"));
    AtomicLong seen = new AtomicLong();
    SessionSink failing = s -> {
      if (seen.incrementAndGet() == 50) {
        throw new IllegalStateException("warehouse down");
      }
    };
    Path log = dir.resolve("fail.log");
    Files.write(log, shuffled(lines, 5));
    WebLogImport imp = WebLogImport.builder().clock(CLOCK).spillDirectory(spill).sortBufferBytes(4 * 1024)
        .sessionSink(failing).build();
    assertThatThrownBy(() -> imp.run(log)).isInstanceOf(IllegalStateException.class).hasMessage("warehouse down");
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void builder_refusesLatenessForABatchImportAndBadSortSettings() {
    assertThatThrownBy(() -> WebLogImport.builder().allowedLateness(java.time.Duration.ofMinutes(1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("allowedLateness applies only to ImportMode.STREAMING (a batch import sorts)");
    assertThatThrownBy(() -> WebLogImport.builder().sortBufferBytes(10))
        .hasMessage("sortBufferBytes must be at least 1024: 10");
    assertThatThrownBy(() -> WebLogImport.builder().spillDirectory(dir.resolve("missing")))
        .hasMessageStartingWith("spillDirectory is not a directory: ");
    assertThatThrownBy(() -> WebLogImport.builder().maxFutureSkew(java.time.Duration.ofSeconds(-1)))
        .hasMessage("maxFutureSkew must not be negative: PT-1S");
  }
}
