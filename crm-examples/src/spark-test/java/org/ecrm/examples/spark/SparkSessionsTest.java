package org.ecrm.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.weblog.ImportMode;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.TrafficClass;
import org.ecrm.tracking.weblog.WebLogImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSupport.localSession("SparkSessionsTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<String> jvmSessions(Path log, ImportReport[] report) {
    InMemorySessionSink sink = SessionSink.inMemory();
    // Spark finds late hits with the running maximum in file order: the streaming import's semantics
    report[0] = WebLogImport.builder().mode(ImportMode.STREAMING).sessionSink(sink).build().run(log);
    return sink.sessions().stream().map(s -> SessionRow.of(s).toString()).sorted().toList();
  }

  private static void assertSameSessions(Path log) {
    ImportReport[] report = new ImportReport[1];
    List<String> jvm = jvmSessions(log, report);
    SparkSessions.Result r = SparkSessions.sessions(spark, log.toString());
    List<String> onSpark = r.sessions().collectAsList().stream().map(SessionRow::toString).sorted().toList();
    assertThat(jvm).isNotEmpty();
    assertThat(onSpark).hasSize(jvm.size()).isEqualTo(jvm);
    assertThat(r.pageViews()).isEqualTo(report[0].classes().get(TrafficClass.PAGE_VIEW));
    assertThat(r.lateHits()).isEqualTo(report[0].sessions().lateHits());
  }

  @Test
  void theApacheLogGivesTheSameSessionsAsOneJvm() {
    Path log = SparkTestSupport.sharedData("weblogs/apache_logs.log");
    assumeTrue(Files.exists(log), () -> "shared data not present: " + log);
    assertSameSessions(log);
  }

  /**
   * A seeded log with visitors returning after the timeout, equal times, bots, assets, errors and hits
   * out of order by more and less than the allowed lateness, cut into many small partitions so the
   * running maximum that decides lateness crosses partition borders.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void aShuffledSyntheticLogGivesTheSameSessionsAndLateHitsAsOneJvm(long seed, @TempDir Path dir) throws IOException {
    Random rnd = new Random(seed);
    List<String> lines = new ArrayList<>();
    long t = Instant.parse("2024-03-01T08:00:00Z").getEpochSecond();
    String[] agents = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", "Mozilla/5.0 (Macintosh) Safari/605.1",
        "Googlebot/2.1 (+http://www.google.com/bot.html)"};
    String[] paths = {"/", "/shop", "/cart?utm_source=news&utm_medium=email&utm_campaign=spring", "/style.css",
        "/missing", "/product/42"};
    for (int i = 0; i < 3_000; i++) {
      t += rnd.nextInt(100) == 0 ? 2_400 : rnd.nextInt(20); // sometimes a gap longer than the timeout
      long when = t;
      int r = rnd.nextInt(50);
      if (r == 0) {
        when = t - 600; // 10 minutes late: beyond the 2-minute allowed lateness
      } else if (r == 1) {
        when = t - 60; // late but within the allowed lateness
      }
      String ip = "10.0." + rnd.nextInt(3) + "." + rnd.nextInt(20);
      String path = paths[rnd.nextInt(paths.length)];
      int status = path.equals("/missing") ? 404 : 200;
      lines.add(ip + " - - [" + CLF.format(Instant.ofEpochSecond(when)) + "] \"GET " + path + " HTTP/1.1\" " + status
          + " 512 \"" + (rnd.nextBoolean() ? "-" : "https://example.org/") + "\" \"" + agents[rnd.nextInt(3)] + "\"");
    }
    Path log = dir.resolve("access.log");
    Files.write(log, lines);
    String old = spark.conf().get("spark.sql.files.maxPartitionBytes");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16384");
    try {
      assertThat(spark.read().textFile(log.toString()).javaRDD().getNumPartitions()).isGreaterThan(10);
      ImportReport[] report = new ImportReport[1];
      jvmSessions(log, report);
      assertThat(report[0].sessions().lateHits()).isPositive();
      assertSameSessions(log);
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", old);
    }
  }
}
