package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress on standard error: drawn in place on a terminal once the run is longer than the delay (here
 * 0 so the test need not wait), never under {@code --quiet}, never when standard error is not a terminal
 * unless {@code --verbose} asks for plain lines.
 */
class ProgressTest {
  @TempDir
  Path dir;

  private String stderr(boolean terminal, long delayMillis, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CrmCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
        new PrintWriter(err, true), terminal, delayMillis, args);
    assertThat(code).as(err.toString()).isZero();
    return err.toString();
  }

  private Path customers() throws Exception {
    StringBuilder sb = new StringBuilder("id\n");
    for (int i = 0; i < 12_000; i++) {
      sb.append("c").append(i).append('\n');
    }
    return Files.writeString(dir.resolve("many.csv"), sb);
  }

  @Test
  void import_drawsABarOnATerminal_notUnderQuiet_notBeforeTheDelay() throws Exception {
    Path csv = customers();
    assertThat(stderr(true, 0, "import", csv.toString())).contains("\r[").contains("rows/s");
    assertThat(stderr(true, 0, "import", "--quiet", csv.toString())).doesNotContain("\r").doesNotContain("rows/s");
    assertThat(stderr(true, 600_000, "import", csv.toString())).doesNotContain("\r");
  }

  @Test
  void standardErrorOfATestRun_isNotATerminal() {
    // surefire pipes the forked JVM's standard error: no progress may be drawn into it
    assertThat(CrmCli.stderrIsTerminal()).isFalse();
  }

  @Test
  void ticker_drawsTheStatusInPlace_andErasesItWhenDone() throws Exception {
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    try (Ticker t = Ticker.start(w, "ecrm clv", () -> "fitting bg-nbd", Ticker.Mode.TERMINAL, 0)) {
      long until = System.nanoTime() + 5_000_000_000L;
      while (!err.toString().contains("fitting") && System.nanoTime() < until) {
        Thread.sleep(10);
      }
    }
    String s = err.toString();
    assertThat(s).startsWith("\recrm clv: fitting bg-nbd, 0 s").endsWith("\r");
    StringWriter quiet = new StringWriter();
    try (Ticker t = Ticker.start(new PrintWriter(quiet, true), "ecrm clv", () -> "x", Ticker.Mode.OFF, 0)) {
      Thread.sleep(50);
    }
    assertThat(quiet.toString()).isEmpty();
  }

  @Test
  void segment_onATerminal_showsProgressOnStandardErrorOnly_andNothingUnderQuiet() throws Exception {
    Path csv = dir.resolve("tx.csv");
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 2_000; i++) {
      sb.append(i % 500).append(",2024-01-").append(String.format("%02d", 1 + i % 28)).append(",1.00\n");
    }
    Files.writeString(csv, sb);
    String drawn = stderr(true, 0, "segment", "--currency", "EUR", csv.toString());
    assertThat(drawn).contains("\recrm segment: reading " + csv.toString().substring(0, 10));
    assertThat(stderr(true, 0, "segment", "--quiet", "--currency", "EUR", csv.toString())).isEmpty();
    assertThat(stderr(false, 0, "segment", "--currency", "EUR", csv.toString())).isEmpty();
  }
}
