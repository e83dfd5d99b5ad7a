package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  private static final String SCRIPT = "<script>alert(1)</script>";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), TestArgs.withCurrency(args));
  }

  private Path transactions() throws Exception {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,date,amount\n1,2024-01-01,10.00\n1,2024-01-08,30.00\n2,2024-01-03,5.00\n"
        + "3,2024-01-10,100.00\n3,2024-01-12,50.00\n3,2024-01-14,25.00\n4,2024-01-02,1.00\n5,2024-01-05,7.00\n");
    return csv;
  }

  private Path log() throws Exception {
    Path log = dir.resolve("access.log");
    Files.writeString(log, String.join("\n",
        "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "1.2.3.4 - - [17/May/2015:10:06:03 +0000] \"GET /search/" + SCRIPT + " HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "this is not a log line",
        "1.2.3.4 - - [18/May/2015:12:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "9.9.9.9 - - [18/May/2015:12:07:03 +0000] \"GET /b HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "8.8.8.8 - - [18/May/2015:13:07:03 +0000] \"GET /c?utm_source=" + SCRIPT + " HTTP/1.1\" 200 10 \"http://x.example/"
            + SCRIPT + "\" \"Mozilla/5.0 " + SCRIPT + "\"",
        "8.8.8.8 - - [18/May/2015:13:08:03 +0000] \"GET /missing/" + SCRIPT + " HTTP/1.1\" 404 10 \"-\" \"Mozilla/5.0\"")
        + "\n");
    return log;
  }

  @Test
  void report_writesOneWellFormedPage_withScriptInARuleNameAndAUrlPathEscaped() throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"bins\":3,\"rules\":[{\"name\":\"" + SCRIPT.replace("/", "\\/")
        + "\",\"r\":[2,3],\"f\":[1,3],\"m\":[1,3]}]}");
    Path html = dir.resolve("r.html");
    int code = run("report", "--max-rejects", "1", "--bins", "3", "--rules", rules.toString(), "--as-of", "2024-01-15", "--weblog",
        log().toString(), "--out", html.toString(), transactions().toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("wrote " + html + " (5 customers, traffic of access.log: 4 sessions, 0 late hits)");
    assertThat(err.toString()).contains("access.log:3:");
    String page = Files.readString(html);
    assertThat(page).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("/search/&lt;script&gt;alert(1)&lt;/script&gt;");
    var f = DocumentBuilderFactory.newInstance();
    var doc = f.newDocumentBuilder().parse(html.toFile());
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    java.util.Set<String> ids = new java.util.TreeSet<>();
    var svgs = doc.getElementsByTagName("svg");
    for (int i = 0; i < svgs.getLength(); i++) {
      ids.add(((org.w3c.dom.Element) svgs.item(i)).getAttribute("id"));
    }
    assertThat(ids).contains("rfm-heatmap", "segments", "pareto", "revenue-per-week", "orders-per-week",
        "sessions-per-day", "top-pages", "hour-heatmap", "return-visits");
    for (String table : new String[] {"segment-table", "cohorts", "referrers", "utm-sources", "entry-pages",
        "exit-pages", "status-codes", "not-found", "browsers", "systems"}) {
      assertThat(doc.getElementById(table) != null || page.contains("id=\"" + table + "\"")).as(table).isTrue();
    }
    // the hostile query string, referrer and user agent: only escaped (the path in the 404 table, the UTM source)
    assertThat(page).contains("<td>/missing/&lt;script&gt;alert(1)&lt;/script&gt;</td>")
        .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
    assertThat(page).contains("id=\"clv\"").contains("id=\"headline\"");
  }

  @Test
  void report_withoutWebLog_hasOnlyTheCustomerCharts_andHelpListsTheOptions()
      throws Exception {
    Path html = dir.resolve("only-rfm.html");
    assertThat(run("report", "-o", html.toString(), transactions().toString())).isZero();
    String page = Files.readString(html);
    assertThat(page).contains("id=\"rfm-heatmap\"").doesNotContain("id=\"top-pages\"");
    assertThat(run("report", "--help")).isZero();
    assertThat(out.toString()).contains("--weblog", "--bins", "--as-of", "--rules", "--currency", "--top",
        "(default: report.html)");
  }

  @Test
  void missingInputs_exitOne_namingTheFile() throws Exception {
    assertThat(run("report", dir.resolve("nope.csv").toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("ecrm report: " + dir.resolve("nope.csv") + ": no such file");
    assertThat(run("report", "--weblog", dir.resolve("nope.log").toString(), transactions().toString()))
        .isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("ecrm report: " + dir.resolve("nope.log") + ": no such file");
    assertThat(run("report", "--rules", dir.resolve("nope.json").toString(), transactions().toString()))
        .isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("nope.json: no such file");
  }

  @Test
  void badRulesOrRows_areReportedWithFileAndField() throws Exception {
    Path rules = dir.resolve("bad.json");
    Files.writeString(rules, "{\"bins\":5,\"rules\":[{\"name\":\"X\",\"r\":[1],\"f\":[1,5],\"m\":[1,5]}]}");
    assertThat(run("report", "-o", dir.resolve("x.html").toString(), "--rules", rules.toString(),
        transactions().toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("bad.json: segment table JSON: rules[0].r must be [low, high] integers");
    Path csv = dir.resolve("rows.csv");
    Files.writeString(csv, "customer_id,date,amount\n1,2024-01-01,10.00\n2,2024-13-01,5.00\n3,2024-01-02,abc\n");
    assertThat(run("report", "-o", dir.resolve("y.html").toString(), csv.toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("rows.csv:3: date: not a valid date '2024-13-01'")
        .contains("rows.csv:4: amount: not a decimal number 'abc'").contains("2 rejected rows");
    assertThat(Files.readString(dir.resolve("y.html"))).contains("2 input rows rejected");
  }

  @Test
  void periodComparisonAndMigrationOptions_shapeThePage() throws Exception {
    Path html = dir.resolve("p.html");
    assertThat(run("report", "--from", "2024-01-08", "--to", "2024-01-14", "--compare", "previous",
        "--migration-from", "2024-01-06", "--clv-months", "0", "--hide-unmatchable-segments", "-o", html.toString(),
        transactions().toString())).as(err.toString()).isZero();
    String page = Files.readString(html);
    assertThat(page).contains("Period 2024-01-08 – 2024-01-14").contains("vs 2024-01-01 – 2024-01-07")
        .contains("id=\"migration\"").doesNotContain("id=\"clv\"").doesNotContain(">New Customers<");
    assertThat(run("report", "--help")).isZero();
    assertThat(out.toString()).contains("--from", "--to", "--compare", "--migration-from", "--clv-months",
        "--hide-unmatchable-segments");
  }

  @Test
  void badReportOptions_areUsageErrors_namingTheOption() throws Exception {
    String tx = transactions().toString();
    assertThat(run("report", "--compare", "lastweek", tx)).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("--compare must be previous, year or none: lastweek");
    assertThat(run("report", "--from", "2024-01-10", "--to", "2024-01-09", tx)).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("--from must not be after --to: 2024-01-10 > 2024-01-09");
    assertThat(run("report", "--clv-months", "-1", tx)).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("--clv-months must be 0..120: -1");
    assertThat(run("report", "--from", "2024-13-01", tx)).isEqualTo(CrmCli.USAGE);
    assertThat(run("report", "-o", dir.resolve("m.html").toString(), "--migration-from", "2024-01-15", tx))
        .isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("--migration-from must be before the as-of date 2024-01-15: 2024-01-15");
  }

  @Test
  void usageErrors_exitTwo() throws Exception {
    assertThat(run("report")).isEqualTo(CrmCli.USAGE);
    assertThat(run("report", "--top", "0", transactions().toString())).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("--top must be positive: 0");
    assertThat(run("report", "--method", "magic", transactions().toString())).isEqualTo(CrmCli.USAGE);
    assertThat(run("report", "--bins", "many", transactions().toString())).isEqualTo(CrmCli.USAGE);
    assertThat(run("report", "--frobnicate", transactions().toString())).isEqualTo(CrmCli.USAGE);
  }
}
