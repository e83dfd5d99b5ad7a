package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmCliTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), TestArgs.withCurrency(args));
  }

  @Test
  void help_onEveryCommand_exitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("import", "export", "segment", "summary", "sessions", "report", "demo");
    for (String cmd : new String[] {"import", "export", "segment", "summary", "clv", "sessions", "report", "demo"}) {
      assertThat(run(cmd, "--help")).isZero();
    }
    assertThat(out.toString()).contains("--upsert-by", "--store", "--out", "--weblog", "--db");
  }

  @Test
  void usageErrors_exitTwo() {
    assertThat(run()).isEqualTo(CrmCli.USAGE);
    assertThat(run("frobnicate")).isEqualTo(CrmCli.USAGE);
    assertThat(run("import")).isEqualTo(CrmCli.USAGE);
    assertThat(run("import", "--kind", "spaceship", "x.csv")).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("must be customer, account, product or order: spaceship");
  }

  @Test
  void missingFile_exitsOneNamingTheFile() {
    assertThat(run("import", dir.resolve("nope.csv").toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("nope.csv: no such file");
  }

  @Test
  void importThenExport_throughAStoreFile_andRejectedRowsNameLineAndField() throws Exception {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "CustomerID,Mail\n17850.0,a@example.com\n,b@example.com\n13047.0,not-an-email\n");
    Path store = dir.resolve("crm.jsonl");
    int code = run("import", "--store", store.toString(), "--map", "CustomerID=id", "--map", "Mail=email",
        "--strip-float-ids", "--max-rejects", "2", "-q", csv.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("customer: 3 rows, 1 created, 0 updated, 0 unchanged, 2 rejected");
    assertThat(err.toString()).contains("customers.csv:3: id: missing")
        .contains("customers.csv:4: email: EmailAddress.value: invalid e-mail address 'not-an-email'");
    assertThat(run("import", "--store", store.toString(), "--map", "CustomerID=id", "--map", "Mail=email",
        "--strip-float-ids", "--strict", "-q", csv.toString())).isEqualTo(CrmCli.BAD_INPUT);

    Path archive = dir.resolve("export.jsonl");
    assertThat(run("export", "--store", store.toString(), "--out", archive.toString())).isZero();
    assertThat(Files.readString(archive)).startsWith("{\"format\":\"ecrm-archive\",\"version\":1}")
        .contains("\"id\":\"17850\"").contains("a@example.com");

    Path copy = dir.resolve("copy.jsonl");
    assertThat(run("import", "--archive", "--store", copy.toString(), archive.toString())).isZero();
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(archive));
  }

  @Test
  void brokenStoreFile_exitsOneNamingFileAndLine() throws Exception {
    Path store = dir.resolve("bad.jsonl");
    Files.writeString(store, "{\"format\":\"ecrm-archive\",\"version\":1}\n{oops\n");
    assertThat(run("export", "--store", store.toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("bad.jsonl:2:");
  }

  @Test
  void progress_notDrawnWhenNotATerminal_plainLinesWithVerbose() throws Exception {
    Path csv = dir.resolve("many.csv");
    StringBuilder sb = new StringBuilder("id\n");
    for (int i = 0; i < 25_000; i++) {
      sb.append("c").append(i).append('\n');
    }
    Files.writeString(csv, sb);
    assertThat(run("import", csv.toString())).isZero();
    assertThat(err.toString()).as("no progress when not a terminal").doesNotContain("progress");
    assertThat(run("import", "--verbose", csv.toString())).isZero();
    assertThat(err.toString()).contains("progress: 10000 rows").contains("progress: 25000 rows");
  }

  private Path transactions() throws Exception {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,date,amount\n1,2024-01-01,10.00\n1,2024-01-08,30.00\n2,2024-01-03,5.00\n"
        + "3,2024-01-10,100.00\n3,2024-01-12,50.00\n3,2024-01-14,25.00\n4,2024-01-02,1.00\n5,2024-01-05,7.00\n");
    return csv;
  }

  @Test
  void segment_printsSegmentsAndPareto_writesJson_andRejectsBadOptions() throws Exception {
    Path csv = transactions();
    assertThat(run("segment", "--as-of", "2024-01-15", csv.toString())).isZero();
    assertThat(out.toString()).contains("RFM as of 2024-01-15, 5 customers").contains("Pareto:");
    Path json = dir.resolve("rfm.json");
    assertThat(run("segment", "--format", "json", "--out", json.toString(), "--bins", "3", csv.toString())).isZero();
    assertThat(Files.readString(json)).contains("\"segment\"");
    assertThat(run("segment", "--method", "magic", csv.toString())).isEqualTo(CrmCli.USAGE);
    assertThat(run("segment", "--bins", "1", csv.toString())).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("bins");
    assertThat(run("segment", dir.resolve("none.csv").toString())).isEqualTo(CrmCli.BAD_INPUT);
  }

  @Test
  void summary_writesTheBtydSummary() throws Exception {
    Path csv = transactions();
    assertThat(run("summary", "--format", "csv", "--calibration-end", "2024-01-15", csv.toString())).isZero();
    assertThat(out.toString()).contains("customer_id,frequency,recency,T,monetary_value")
        .contains("1,1,1.000000,2.000000,30.00");
    assertThat(run("summary", csv.toString())).isEqualTo(CrmCli.USAGE);
  }

  @Test
  void sessions_reportsSessionsVisitorsAndBadLines() throws Exception {
    Path log = dir.resolve("access.log");
    Files.writeString(log, String.join("\n",
        "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "1.2.3.4 - - [17/May/2015:10:06:03 +0000] \"GET /b HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "this is not a log line",
        "1.2.3.4 - - [17/May/2015:12:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "5.6.7.8 - - [17/May/2015:10:07:00 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Googlebot/2.1\"") + "\n");
    assertThat(run("sessions", "--mask-ips", "--max-rejects", "1", log.toString())).isZero();
    assertThat(out.toString()).contains("5 lines, 1 malformed; page views 3").contains("2 sessions, 1 visitors, 1 returning")
        .contains("2015-05-17");
    assertThat(err.toString()).contains("access.log:3:");
    assertThat(run("sessions", dir.resolve("nope.log").toString())).isEqualTo(CrmCli.BAD_INPUT);
  }
}
