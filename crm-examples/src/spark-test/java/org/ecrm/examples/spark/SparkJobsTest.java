package org.ecrm.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SparkJobsTest {
  private static List<String> csvLines(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".csv")).flatMap(p -> {
        try {
          return Files.readAllLines(p).stream().skip(1); // each part file has a header
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().toList();
    }
  }

  @Test
  void segmentWritesScoresSegmentsAndAbcClassesAndSessionsWritesSessions(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("purchases.csv");
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    for (int c = 1; c <= 10; c++) {
      for (int k = 0; k < c; k++) {
        sb.append(c).append(",2024-0").append(1 + (c + k) % 9).append("-1").append(k % 10).append(",")
            .append(c * 10).append(".").append(k % 10).append("0\n");
      }
    }
    Files.writeString(csv, sb);
    Path out = dir.resolve("out");
    int code = new CommandLine(new SparkJobs()).execute("segment", "--input", csv.toString(), "--output",
        out.toString(), "--master", "local[2]", "--btyd-calibration-end", "2024-06-30");
    assertThat(code).isZero();
    List<String> rfm = csvLines(out.resolve("rfm"));
    assertThat(rfm).hasSize(10);
    assertThat(rfm).filteredOn(l -> l.startsWith("10,")).singleElement().asString()
        .endsWith(",A").contains(",5,"); // the best customer: top frequency score, class A
    assertThat(csvLines(out.resolve("btyd"))).isNotEmpty();

    Path distributed = dir.resolve("distributed");
    assertThat(new CommandLine(new SparkJobs()).execute("segment", "--input", csv.toString(), "--output",
        distributed.toString(), "--master", "local[2]", "--distributed", "--parts", "3")).isZero();
    // the same scores and segments, without the ABC column
    assertThat(csvLines(distributed.resolve("rfm")))
        .isEqualTo(rfm.stream().map(l -> l.substring(0, l.lastIndexOf(','))).sorted().toList());

    Path log = dir.resolve("access.log");
    Files.writeString(log, """
        10.0.0.1 - - [01/Mar/2024:08:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0 Firefox/120.0"
        10.0.0.1 - - [01/Mar/2024:08:05:00 +0000] "GET /shop HTTP/1.1" 200 512 "-" "Mozilla/5.0 Firefox/120.0"
        10.0.0.1 - - [01/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0 Firefox/120.0"
        10.0.0.2 - - [01/Mar/2024:10:01:00 +0000] "GET /style.css HTTP/1.1" 200 512 "-" "Mozilla/5.0 Firefox/120.0"
        """);
    Path sessions = dir.resolve("sessions-out");
    assertThat(new CommandLine(new SparkJobs()).execute("sessions", "--input", log.toString(), "--output",
        sessions.toString(), "--master", "local[2]", "--format", "parquet")).isZero();
    try (Stream<Path> files = Files.list(sessions.resolve("sessions"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".parquet"))).isNotEmpty();
    }
  }

  @Test
  void anUnknownFormatFailsWithAClearMessage(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "customer_id,date,amount\n1,2024-01-01,1.00\n");
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cl = new CommandLine(new SparkJobs());
    cl.setErr(new java.io.PrintWriter(err));
    int code = cl.execute("segment", "--input", csv.toString(), "--output", dir.resolve("o").toString(), "--master",
        "local[2]", "--format", "orc");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--format must be csv or parquet: orc");
  }
}
