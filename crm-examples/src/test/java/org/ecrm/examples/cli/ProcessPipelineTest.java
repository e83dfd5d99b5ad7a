package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real shell pipeline: {@code gzip -dc tx.csv.gz | java … CrmCli segment - --format json | …} in
 * separate processes, with this test's class path, so standard input, standard output and the exit code
 * are the process's own.
 */
class ProcessPipelineTest {
  @TempDir
  Path dir;

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private record Result(int code, String out, String err) {
  }

  private Result shell(String script) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -o pipefail; " + script)
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in 2 minutes").isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void gzipDecompressedIntoSegmentThroughAPipe_printsJson_andExitCodesSurviveThePipe() throws Exception {
    assertThat(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute()).as("bash").isTrue();
    Path gz = dir.resolve("tx.csv.gz");
    Files.write(gz, CliTestSupport.gzip(CliTestSupport.TRANSACTIONS));
    String ecrm = quote(java()) + " -cp \"$CLASSPATH\" org.ecrm.examples.cli.CrmCli";

    Result r = shell("gzip -dc " + quote(gz.toString()) + " | " + ecrm
        + " segment --currency EUR --as-of 2024-01-15 - --format json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = CliTestSupport.JSON.readTree(r.out());
    assertThat(json.get("asOf").asString()).isEqualTo("2024-01-15");
    assertThat(json.get("customers").size()).isEqualTo(12);

    // gzip bytes straight into standard input are recognised too, and csv output feeds the next tool
    Result csv = shell("cat " + quote(gz.toString()) + " | " + ecrm
        + " summary --currency EUR --calibration-end 2024-01-15 --format csv - | wc -l");
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out().strip()).isEqualTo("13");

    // a usage error is exit 2 with nothing on standard output
    Result usage = shell("gzip -dc " + quote(gz.toString()) + " | " + ecrm + " segment -");
    assertThat(usage.code()).isEqualTo(CrmCli.USAGE);
    assertThat(usage.out()).isEmpty();
    assertThat(usage.err()).contains("--currency is required: stdin has no currency column");
  }
}
