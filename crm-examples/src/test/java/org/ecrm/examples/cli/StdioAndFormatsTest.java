package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecrm.examples.cli.CliTestSupport.TRANSACTIONS;
import static org.ecrm.examples.cli.CliTestSupport.gzip;
import static org.ecrm.examples.cli.CliTestSupport.run;
import static org.ecrm.examples.cli.CliTestSupport.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.examples.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code -} for standard input and output, gzip on standard input, and every command's csv and json. */
class StdioAndFormatsTest {
  private static final String LOG = String.join("\n",
      "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
      "1.2.3.4 - - [17/May/2015:10:06:03 +0000] \"GET /b HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
      "1.2.3.4 - - [17/May/2015:12:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
      "9.9.9.9 - - [18/May/2015:09:00:00 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
      "5.6.7.8 - - [17/May/2015:10:07:00 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Googlebot/2.1\"") + "\n";

  @TempDir
  Path dir;

  @Test
  void segment_readsGzipFromStandardInput_andPrintsTheSameJsonAsFromAFile() throws Exception {
    Run piped = run(gzip(TRANSACTIONS), "segment", "--currency", "EUR", "--as-of", "2024-01-15", "-", "--format", "json");
    assertThat(piped.code()).as(piped.err()).isZero();
    JsonNode json = piped.json();
    assertThat(json.get("asOf").asString()).isEqualTo("2024-01-15");
    assertThat(json.get("currency").asString()).isEqualTo("EUR");
    List<String> ids = new ArrayList<>();
    json.get("customers").forEach(c -> ids.add(c.get("customer").asString()));
    assertThat(ids).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    JsonNode three = null;
    for (JsonNode c : json.get("customers")) {
      if (c.get("customer").asString().equals("3")) {
        three = c;
      }
    }
    assertThat(three.get("frequency").asInt()).isEqualTo(3);
    assertThat(three.get("monetary").decimalValue()).isEqualByComparingTo("175.00");
    int sum = 0;
    for (JsonNode s : json.get("segments")) {
      sum += s.get("customers").asInt();
    }
    assertThat(sum).isEqualTo(12);

    Path file = dir.resolve("tx.csv.gz");
    Files.write(file, gzip(TRANSACTIONS));
    Run fromFile = run("segment", "--currency", "EUR", "--as-of", "2024-01-15", "--format", "json", file.toString());
    assertThat(fromFile.out()).isEqualTo(piped.out());
  }

  @Test
  void segment_csvToStandardOutputWithDash_andTableReadsPlainStandardInput() {
    Run csv = run(utf8(TRANSACTIONS), "segment", "--currency", "EUR", "--format", "csv", "-o", "-", "-");
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out().lines().count()).isEqualTo(13);
    Run table = run(utf8(TRANSACTIONS), "segment", "--currency", "EUR", "--as-of", "2024-01-15", "-");
    assertThat(table.out()).contains("RFM as of 2024-01-15, 12 customers").contains("Pareto:");
  }

  @Test
  void summary_jsonAndCsvFromStandardInput() {
    Run r = run(gzip(TRANSACTIONS), "summary", "--currency", "EUR", "--calibration-end", "2024-01-15",
        "--format", "json", "-");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("calibrationEnd").asString()).isEqualTo("2024-01-15");
    assertThat(json.get("unit").asString()).isEqualTo("weeks");
    assertThat(json.get("currency").asString()).isEqualTo("EUR");
    assertThat(json.get("customers").size()).isEqualTo(12);
    JsonNode first = json.get("customers").get(0);
    assertThat(first.get("customer_id").asString()).isEqualTo("1");
    assertThat(first.get("frequency").asInt()).isEqualTo(1);
    assertThat(first.get("recency").asDouble()).isEqualTo(1.0);
    assertThat(first.get("T").asDouble()).isEqualTo(2.0);
    assertThat(first.get("monetary_value").decimalValue()).isEqualByComparingTo("30.00");

    Run csv = run(utf8(TRANSACTIONS), "summary", "--currency", "EUR", "--calibration-end", "2024-01-15",
        "--format", "csv", "-");
    assertThat(csv.out()).startsWith("customer_id,frequency,recency,T,monetary_value\n1,1,1.000000,2.000000,30.00000000\n");
    Run table = run(utf8(TRANSACTIONS), "summary", "--currency", "EUR", "--calibration-end", "2024-01-15", "-");
    assertThat(table.out()).contains("BTYD summary to 2024-01-15 in weeks, EUR, 12 customers");
  }

  @Test
  void sessions_jsonAndCsvFromGzipStandardInput() {
    Run r = run(gzip(LOG), "sessions", "--format", "json", "-");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("lines").asLong()).isEqualTo(5);
    assertThat(json.get("pageViews").asLong()).isEqualTo(4);
    assertThat(json.get("sessions").asLong()).isEqualTo(3);
    assertThat(json.get("visitors").asLong()).isEqualTo(2);
    assertThat(json.get("excluded").get("bot").asLong()).isEqualTo(1);
    assertThat(json.get("days").size()).isEqualTo(2);
    assertThat(json.get("days").get(0).get("date").asString()).isEqualTo("2015-05-17");
    assertThat(json.get("topPages").get(0).get("path").asString()).isEqualTo("/a");
    assertThat(json.get("topPages").get(0).get("views").asLong()).isEqualTo(3);

    Run csv = run(utf8(LOG), "sessions", "--format", "csv", "-");
    assertThat(csv.out()).startsWith("date,pageviews,sessions,visitors,bounce_rate\n2015-05-17,3,2,1,");
    assertThat(csv.out().lines().count()).isEqualTo(3);
  }

  @Test
  void import_fromStandardInput_printsJsonAndCsv_andAnArchiveRoundTripsThroughAPipe() throws Exception {
    Path store = dir.resolve("crm.jsonl");
    Run r = run(utf8("id,email\nc1,a@example.com\nc2,not-an-email\nc3,c@example.com\n"), "import", "--store",
        store.toString(), "--max-rejects", "1", "--format", "json", "-");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("kind").asString()).isEqualTo("customer");
    assertThat(json.get("rows").asLong()).isEqualTo(3);
    assertThat(json.get("created").asLong()).isEqualTo(2);
    assertThat(json.get("rejected").asLong()).isEqualTo(1);
    assertThat(json.get("rejectedByField").get("email").asLong()).isEqualTo(1);
    assertThat(r.err()).contains("stdin:3: email:");

    Run csv = run(gzip("id,email\nc1,a@example.com\n"), "import", "--store", store.toString(), "--format", "csv", "-");
    assertThat(csv.out()).isEqualTo("kind,dry_run,rows,created,updated,unchanged,rejected,seconds\n"
        + csv.out().lines().skip(1).findFirst().orElseThrow() + "\n");
    assertThat(csv.out().lines().skip(1).findFirst().orElseThrow()).startsWith("customer,false,1,0,0,1,0,");

    // ecrm export --store crm.jsonl -o - | ecrm import --archive --store copy.jsonl --format json -
    Run exported = run("export", "--quiet", "--store", store.toString(), "-o", "-");
    assertThat(exported.code()).isZero();
    assertThat(exported.err()).isEmpty();
    Path copy = dir.resolve("copy.jsonl");
    Run imported = run(utf8(exported.out()), "import", "--archive", "--store", copy.toString(), "--format", "json", "-");
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.json().get("imported").get("customer").asLong()).isEqualTo(2);
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(store));
  }

  @Test
  void report_writesThePageToStandardOutput_andItsNoteToStandardError() {
    Run r = run(utf8(TRANSACTIONS), "report", "--currency", "EUR", "-o", "-", "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("id=\"rfm-heatmap\"");
    assertThat(r.err()).contains("wrote - (12 customers");
    Run quiet = run(utf8(TRANSACTIONS), "report", "--quiet", "--currency", "EUR", "-o", "-", "-");
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void rejectedRows_toStandardOutputWithDash_whenResultsGoElsewhere() throws Exception {
    String bad = TRANSACTIONS + "13,not-a-date,1.00\n";
    Path json = dir.resolve("rfm.json");
    Run r = run(utf8(bad), "segment", "--currency", "EUR", "--max-rejects", "1", "--rejects", "-", "--format",
        "json", "-o", json.toString(), "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("file,line,field,reason,value\nstdin,19,date,");
    assertThat(r.err()).contains("1 rejected rows (listed on standard output)");
    assertThat(CliTestSupport.JSON.readTree(json.toFile()).get("customers").size()).isEqualTo(12);
  }

  @Test
  void rulesFile_gzip_fromStandardInput() throws Exception {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, TRANSACTIONS);
    String rules = "{\"bins\":2,\"rules\":[{\"name\":\"Everyone\",\"r\":[1,2],\"f\":[1,2],\"m\":[1,2]}]}";
    Run r = run(gzip(rules), "segment", "--currency", "EUR", "--bins", "2", "--rules", "-", "--format", "json",
        csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("customers").get(0).get("segment").asString()).isEqualTo("Everyone");
  }

  @Test
  void usageErrors_twoStandardInputs_twoStandardOutputs_quietWithVerbose_dashStore() {
    assertThat(run("segment", "--currency", "EUR", "--rules", "-", "-").code()).isEqualTo(CrmCli.USAGE);
    Run two = run(utf8(TRANSACTIONS), "segment", "--currency", "EUR", "--format", "json", "--rejects", "-", "-");
    assertThat(two.code()).isEqualTo(CrmCli.USAGE);
    assertThat(two.err()).contains("--out and --rejects cannot all write to standard output (-)");
    assertThat(run("report", "--currency", "EUR", "--weblog", "-", "-").code()).isEqualTo(CrmCli.USAGE);
    Run qv = run("sessions", "-q", "-v", "-");
    assertThat(qv.code()).isEqualTo(CrmCli.USAGE);
    assertThat(qv.err()).contains("--quiet and --verbose exclude each other");
    assertThat(run("import", "--store", "-", "x.csv").code()).isEqualTo(CrmCli.USAGE);
    assertThat(run("segment", "--currency", "EUR", "--format", "xml", "-").code()).isEqualTo(CrmCli.USAGE);
  }

  @Test
  void verbose_printsNotesOnStandardError_quietSilencesThem() {
    Run v = run(utf8(TRANSACTIONS), "segment", "--currency", "EUR", "--verbose", "-");
    assertThat(v.code()).isZero();
    assertThat(v.err()).contains("ecrm segment: stdin: 12 customers, 0 rejected rows");
    Run q = run(utf8(TRANSACTIONS), "segment", "--currency", "EUR", "--quiet", "-");
    assertThat(q.err()).isEmpty();
    assertThat(q.out()).isEqualTo(run(utf8(TRANSACTIONS), "segment", "--currency", "EUR", "-").out());
  }
}
