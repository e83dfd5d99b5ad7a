package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecrm sessions} prints the same figures whatever the order of the log's lines, and states late hits. */
class SessionsOrderCliTest {
  @TempDir
  Path dir;

  private static Path apacheLog() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("crm-examples"))) {
      p = p.getParent();
    }
    Path log = p == null ? Path.of("missing") : p.resolve("../shared/data/weblogs/apache_logs.log").normalize();
    assumeTrue(Files.isRegularFile(log), "shared/data/weblogs/apache_logs.log not found: real-data test skipped");
    return log;
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as("exit code, stderr: %s", err).isZero();
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void sessions_ofTheSecondHalfFirst_printsTheSameFiguresAsTheFileInOrder() throws Exception {
    List<String> lines = Files.readAllLines(apacheLog(), StandardCharsets.UTF_8);
    List<String> rev = new ArrayList<>(lines.subList(5_000, lines.size()));
    rev.addAll(lines.subList(0, 5_000));
    Path inOrder = dir.resolve("access.log");
    Files.write(inOrder, lines);
    Path reversed = dir.resolve("rev.log");
    Files.write(reversed, rev);
    // the real log has one line with an unterminated user agent: reported, and allowed here
    String[] a = run("sessions", "--max-rejects", "1", inOrder.toString());
    String[] b = run("sessions", "--max-rejects", "1", reversed.toString());
    assertThat(a[0]).contains("page views 2,235").contains("1,268 sessions, 992 visitors, 128 returning; 0 late hits")
        .contains("2015-05-17").contains("2015-05-20");
    assertThat(b[0]).isEqualTo(a[0]);

    rev.add(2, "10.9.9.9 - - [01/Jan/2099:00:00:00 +0000] \"GET /x HTTP/1.1\" 200 1 \"-\" \"Mozilla/5.0\"");
    Files.write(reversed, rev);
    String[] c = run("sessions", "--max-rejects", "2", reversed.toString());
    assertThat(c[0]).contains("1,268 sessions, 992 visitors, 128 returning; 0 late hits; 1 lines too far in the future rejected");
    assertThat(c[1]).contains("rev.log:3: line: time 2099-01-01T00:00:00Z is too far in the future");
  }
}
