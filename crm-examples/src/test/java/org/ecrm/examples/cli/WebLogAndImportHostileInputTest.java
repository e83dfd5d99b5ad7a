package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad-input classes of {@code sessions} (web logs) and {@code import} (customer CSV / JSON Lines,
 * archives): each hostile file either has its bad line rejected by number while the good lines are
 * used, or is read as documented; nothing from the data reaches the terminal unescaped or unabridged.
 * The case names are the rows of RELIABILITY.md.
 */
class WebLogAndImportHostileInputTest {
  static final String L1 = "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"";
  static final String L2 = "1.2.3.4 - - [17/May/2015:10:06:03 +0000] \"GET /b HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"";
  static final String L4 = "5.6.7.8 - - [17/May/2015:11:06:03 +0000] \"GET /c HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"";

  @TempDir
  Path dir;

  /** A file, the exit code and what stderr must contain. */
  record Case(String name, byte[] bytes, int exit, List<String> err, List<String> args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] plain) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(b)) {
        g.write(plain);
      }
      return b.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object p : parts) {
      b.writeBytes(p instanceof byte[] a ? a : utf8((String) p));
    }
    return b.toByteArray();
  }

  static Case badLine(String name, String line, String... err) {
    List<String> e = new ArrayList<>(List.of("a.log:3: line:"));
    e.addAll(List.of(err));
    return new Case(name, utf8(L1 + "\n" + L2 + "\n" + line + "\n" + L4 + "\n"), CrmCli.BAD_INPUT, e, List.of());
  }

  static Case okLog(String name, byte[] bytes) {
    return new Case(name, bytes, CrmCli.OK, List.of(), List.of());
  }

  static List<Case> webLogs() {
    List<Case> c = new ArrayList<>();
    c.add(badLine("not a log line", "this is not a log line"));
    c.add(badLine("missing [time]", "1.2.3.4 - - \"GET /x HTTP/1.1\" 200 10"));
    c.add(badLine("unknown month", "1.2.3.4 - - [17/Foo/2015:10:05:03 +0000] \"GET /x HTTP/1.1\" 200 10 \"-\" \"M\""));
    c.add(badLine("day 32", "1.2.3.4 - - [32/May/2015:10:05:03 +0000] \"GET /x HTTP/1.1\" 200 10 \"-\" \"M\""));
    c.add(badLine("hour 25", "1.2.3.4 - - [17/May/2015:25:05:03 +0000] \"GET /x HTTP/1.1\" 200 10 \"-\" \"M\""));
    c.add(badLine("zone offset +9999", "1.2.3.4 - - [17/May/2015:10:05:03 +9999] \"GET /x HTTP/1.1\" 200 10 \"-\" \"M\""));
    c.add(badLine("time without seconds", "1.2.3.4 - - [17/May/2015:10:05 +0000] \"GET /x HTTP/1.1\" 200 10 \"-\" \"M\""));
    c.add(badLine("unterminated request", "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /x HTTP/1.1 200 10"));
    c.add(badLine("status not a number", "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /x HTTP/1.1\" abc 10 \"-\" \"M\""));
    c.add(badLine("bytes not a number", "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /x HTTP/1.1\" 200 abc \"-\" \"M\""));
    c.add(badLine("bytes beyond 64 bits", "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /x HTTP/1.1\" 200 "
        + "99999999999999999999 \"-\" \"M\""));
    c.add(badLine("unterminated user agent", "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /x HTTP/1.1\" 200 10 \"-\" \"Moz"));
    c.add(badLine("only an address", "1.2.3.4"));
    c.add(badLine("tab-separated fields", "1.2.3.4\t-\t-\t[17/May/2015:10:05:03 +0000]\t\"GET /x HTTP/1.1\"\t200\t10"));
    c.add(badLine("ESC sequences outside quotes", "\u001b]0;owned\u0007\u001b[2J", "\\e]0;owned\\x07\\e[2J"));
    c.add(badLine("NUL bytes", "1.2.3.4\u0000\u0000 - - garbage", "\\0"));
    c.add(badLine("10 MB line", "\u001b[31m" + "x".repeat(10 << 20), "\\e[31m"));
    c.add(badLine("invalid UTF-8 and garbage", "\u00ff\u00fe not a log line"));
    c.add(new Case("invalid UTF-8 bytes in a line", bytes(L1 + "\n" + L2 + "\n", new byte[] {(byte) 0xff, (byte) 0xfe},
        " nonsense\n" + L4 + "\n"), CrmCli.BAD_INPUT, List.of("a.log:3: line:"), List.of()));
    c.add(okLog("ESC and BEL inside the path are escaped in the output", utf8(L1 + "\n" + L2 + "\n"
        + "1.2.3.4 - - [17/May/2015:10:07:03 +0000] \"GET /\u001b]0;owned\u0007\u001b[2J HTTP/1.1\" 200 10 \"-\" \"M/5\"\n")));
    c.add(okLog("right-to-left override in the path", utf8(L1 + "\n"
        + "1.2.3.4 - - [17/May/2015:10:07:03 +0000] \"GET /\u202egnp.exe HTTP/1.1\" 200 10 \"-\" \"M/5\"\n")));
    c.add(okLog("CRLF line ends", utf8(L1 + "\r\n" + L2 + "\r\n")));
    c.add(okLog("UTF-8 byte order mark", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, L1 + "\n" + L2 + "\n")));
    c.add(okLog("gzip without .gz in the name", gzip(utf8(L1 + "\n" + L2 + "\n"))));
    c.add(okLog("no newline after the last line", utf8(L1 + "\n" + L2)));
    c.add(okLog("empty file", new byte[0]));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      many.append(L1).append('\n');
    }
    byte[] whole = gzip(utf8(many.toString()));
    c.add(new Case("truncated gzip", Arrays.copyOf(whole, whole.length / 2), CrmCli.BAD_INPUT,
        List.of("a.log: truncated gzip after line "), List.of()));
    c.add(new Case("gzip cut inside its header", Arrays.copyOf(whole, 6), CrmCli.BAD_INPUT,
        List.of("a.log: truncated gzip"), List.of()));
    StringBuilder bad = new StringBuilder(L1 + "\n");
    for (int i = 0; i < 30; i++) {
      bad.append("junk ").append(i).append('\n');
    }
    c.add(new Case("30 bad lines: 20 shown, the rest counted", utf8(bad.toString()), CrmCli.BAD_INPUT,
        List.of("… and 10 more rejected rows", "30 rejected rows"), List.of()));
    c.add(new Case("--max-rejects allows the bad lines", utf8(bad.toString()), CrmCli.OK, List.of("30 rejected rows"),
        List.of("--max-rejects", "30")));
    return c;
  }

  @ParameterizedTest(name = "sessions: {0}")
  @MethodSource("webLogs")
  void sessions(Case c) throws IOException {
    Path log = dir.resolve("a.log");
    Files.write(log, c.bytes());
    List<String> args = new ArrayList<>(List.of("sessions"));
    args.addAll(c.args());
    args.add(log.toString());
    check(c, args);
  }

  @ParameterizedTest(name = "report --weblog: {0}")
  @MethodSource("webLogs")
  void reportWebLog(Case c) throws IOException {
    Path log = dir.resolve("a.log");
    Files.write(log, c.bytes());
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "customer_id,date,amount\n1,2024-01-01,10.00\n");
    List<String> args = new ArrayList<>(List.of("report", "-o", dir.resolve("r.html").toString(), "--weblog",
        log.toString()));
    args.addAll(c.args());
    args.add(tx.toString());
    check(c, args);
    assertThat(Files.readString(dir.resolve("r.html"))).doesNotContain("\u001b").endsWith("</html>\n");
  }

  static Case badRow(String name, String content, String... err) {
    return new Case(name, utf8(content), CrmCli.BAD_INPUT, List.of(err), List.of());
  }

  static List<Case> imports() {
    String head = "id,email,firstName\n";
    String good = "c1,a@example.com,Ada\n";
    List<Case> c = new ArrayList<>();
    c.add(new Case("UTF-8 byte order mark before the header", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        head + good), CrmCli.OK, List.of(), List.of()));
    c.add(new Case("gzip without .gz in the name", gzip(utf8(head + good)), CrmCli.OK, List.of(), List.of()));
    StringBuilder many = new StringBuilder(head);
    for (int i = 0; i < 20_000; i++) {
      many.append("t").append(i).append(",t").append(i).append("@example.com,T\n");
    }
    byte[] whole = gzip(utf8(many.toString()));
    c.add(new Case("truncated gzip", Arrays.copyOf(whole, whole.length / 2), CrmCli.BAD_INPUT,
        List.of("in.csv: truncated gzip after line ", "left unchanged"), List.of()));
    c.add(new Case("invalid UTF-8 in the e-mail", bytes(head + good + "c2,b", new byte[] {(byte) 0xff},
        "@example.com,B\n"), CrmCli.BAD_INPUT, List.of("in.csv:3: email:"), List.of()));
    c.add(badRow("invalid e-mail", head + good + "c2,not-an-email,B\n", "in.csv:3: email:"));
    c.add(badRow("missing id", head + good + ",b@example.com,B\n", "in.csv:3: id: missing"));
    c.add(badRow("ESC in the e-mail", head + good + "c2,\u001b[2Jx,B\n", "in.csv:3: email:", "\\e[2J"));
    c.add(badRow("10 MB e-mail", head + good + "c2," + "x".repeat(10 << 20) + ",B\n", "in.csv:3: email:"));
    c.add(new Case("--max-rejects allows a bad row", utf8(head + good + "c2,not-an-email,B\n"), CrmCli.OK,
        List.of("in.csv:3: email:"), List.of("--max-rejects", "1")));
    c.add(new Case("--strict wins over --max-rejects", utf8(head + good + "c2,not-an-email,B\n"), CrmCli.BAD_INPUT,
        List.of("in.csv:3: email:"), List.of("--max-rejects", "1", "--strict")));
    c.add(new Case("CRLF line ends", utf8("id,email,firstName\r\nc1,a@example.com,Ada\r\n"), CrmCli.OK, List.of(),
        List.of()));
    c.add(new Case("quoted name with a line break (a name holds no control characters)",
        utf8(head + "c1,a@example.com,\"Ada\nLovelace\"\n"), CrmCli.BAD_INPUT,
        List.of("in.csv:2:", "control characters", "'Ada\\nLovelace'"), List.of()));
    c.add(new Case("JSON Lines: a broken line", utf8("{\"id\":\"c1\",\"email\":\"a@example.com\"}\n{oops\n"),
        CrmCli.BAD_INPUT, List.of("in.csv:2:"), List.of("--input-format", "jsonl")));
    c.add(new Case("JSON Lines: ESC in a value", utf8("{\"id\":\"c1\",\"email\":\"\\u001b[2J\"}\n"),
        CrmCli.BAD_INPUT, List.of("in.csv:1:"), List.of("--input-format", "jsonl")));
    c.add(badRow("row with an extra field", head + good + "c2,b@example.com,B,extra\n", "in.csv:3:"));
    c.add(badRow("row missing a field", head + good + "c2\n", "in.csv:3:"));
    c.add(new Case("header only", utf8(head), CrmCli.OK, List.of(), List.of()));
    c.add(new Case("NUL and BEL in a name (rejected, shown escaped)", utf8(head + "c1,a@example.com,A\u0000\u0007da\n"),
        CrmCli.BAD_INPUT, List.of("in.csv:2:", "control characters", "'A\\0\\x07da'"), List.of()));
    c.add(new Case("duplicate id in one file (the second row updates)", utf8(head + good + "c1,b@example.com,Ada\n"),
        CrmCli.OK, List.of(), List.of()));
    c.add(new Case("JSON Lines: a line that is not an object", utf8("{\"id\":\"c1\",\"email\":\"a@example.com\"}\n[1,2]\n"),
        CrmCli.BAD_INPUT, List.of("in.csv:2:"), List.of("--input-format", "jsonl")));
    c.add(new Case("JSON Lines: invalid UTF-8 in the e-mail", bytes("{\"id\":\"c1\",\"email\":\"a", new byte[] {(byte) 0xff},
        "@example.com\"}\n"), CrmCli.BAD_INPUT, List.of("in.csv:1:"), List.of("--input-format", "jsonl")));
    c.add(new Case("orders: unit price 1e3", utf8("orderId,customerId,sku,quantity,unitPrice,placedAt\n"
        + "o1,c1,p1,1,1e3,2024-01-01T10:00:00Z\n"), CrmCli.BAD_INPUT, List.of("in.csv:2: unitPrice:"),
        List.of("--kind", "order", "--currency", "EUR")));
    c.add(new Case("orders: quantity beyond 32 bits", utf8("orderId,customerId,sku,quantity,unitPrice,placedAt\n"
        + "o1,c1,p1,99999999999,1.00,2024-01-01T10:00:00Z\n"), CrmCli.BAD_INPUT, List.of("in.csv:2: quantity:"),
        List.of("--kind", "order", "--currency", "EUR")));
    c.add(new Case("orders: date without a zone or --date-format", utf8("orderId,customerId,sku,quantity,unitPrice,placedAt\n"
        + "o1,c1,p1,1,1.00,yesterday\n"), CrmCli.BAD_INPUT, List.of("in.csv:2: placedAt:"),
        List.of("--kind", "order", "--currency", "EUR")));
    c.add(new Case("archive: a truncated line", utf8("{\"format\":\"ecrm-archive\",\"version\":1}\n{\"kind\":\"customer\",\"da"),
        CrmCli.BAD_INPUT, List.of("in.csv:2:"), List.of("--archive")));
    c.add(new Case("archive: another version", utf8("{\"format\":\"ecrm-archive\",\"version\":99}\n"),
        CrmCli.BAD_INPUT, List.of("in.csv"), List.of("--archive")));
    return c;
  }

  @ParameterizedTest(name = "import: {0}")
  @MethodSource("imports")
  void importRows(Case c) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.write(in, c.bytes());
    Path store = dir.resolve("s.jsonl");
    String before = null;
    if (c.args().contains("order")) {
      // orders need their customer in the store first
      Path customer = dir.resolve("customer.csv");
      Files.writeString(customer, "id,email\nc1,a@example.com\n");
      assertThat(CrmCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "import", "-q",
          "--store", store.toString(), customer.toString())).isZero();
      before = Files.readString(store);
    }
    List<String> args = new ArrayList<>(List.of("import", "-q", "--store", store.toString()));
    args.addAll(c.args());
    args.add(in.toString());
    check(c, args);
    if (c.exit() != CrmCli.OK) {
      if (before == null) {
        assertThat(store).as("a rejected import leaves the store unchanged").doesNotExist();
      } else {
        assertThat(Files.readString(store)).as("a rejected import leaves the store unchanged").isEqualTo(before);
      }
    } else {
      assertThat(store).exists();
    }
  }

  private void check(Case c, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
        TestArgs.withCurrency(args.toArray(String[]::new)));
    String e = err.toString();
    assertThat(code).as(c.name() + "\n" + (e.length() > 3000 ? e.substring(0, 3000) : e)).isEqualTo(c.exit());
    for (String s : c.err()) {
      assertThat(e).as(c.name()).contains(s);
    }
    assertThat(out.toString() + e).as(c.name()).doesNotContain("\u001b").doesNotContain("\u0007")
        .doesNotContain("\u202e").doesNotContain("\u0000");
    assertThat(e.length()).as(c.name() + ": stderr stays short").isLessThan(20_000);
  }
}
