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
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad-input class of the transaction CSV, through {@code segment}, {@code summary} and
 * {@code report} alike: what is rejected (with file, line, field, reason and the abbreviated, escaped
 * value), what is kept, and the exit code. The case names are the rows of RELIABILITY.md.
 */
class TransactionCsvHostileInputTest {
  static final String HEAD = "customer_id,date,amount\n";
  static final String GOOD = "1,2024-01-01,10.00\n2,2024-01-03,5.00\n";

  @TempDir
  Path dir;

  /** One hostile file: its bytes, extra options, the exit code and what stderr must contain. */
  record Case(String name, byte[] bytes, List<String> args, int exit, List<String> err) {
    @Override
    public String toString() {
      return name;
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
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

  static Case rejected(String name, String row, String... err) {
    return new Case(name, utf8(HEAD + GOOD + row), List.of(), CrmCli.BAD_INPUT, List.of(err));
  }

  static Case ok(String name, byte[] bytes, String... err) {
    return new Case(name, bytes, List.of(), CrmCli.OK, List.of(err));
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("invalid UTF-8 in the amount", concat(utf8(HEAD + GOOD + "3,2024-01-04,1"),
        new byte[] {(byte) 0xff}, utf8(".00\n")), List.of(), CrmCli.BAD_INPUT,
        List.of(":4: amount: invalid UTF-8 (or U+FFFD) '1\uFFFD.00'", "1 rejected rows")));
    c.add(new Case("invalid UTF-8 in the customer id, quoted file", concat(utf8(HEAD + "\"1\",2024-01-01,1.00\n"),
        new byte[] {(byte) 0xc3, (byte) 0x28}, utf8(",2024-01-02,2.00\n")), List.of(), CrmCli.BAD_INPUT,
        List.of(":3: customer_id: invalid UTF-8")));
    c.add(ok("UTF-8 byte order mark before the header", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        utf8(HEAD + GOOD))));
    c.add(ok("gzip without .gz in the name", gzip(utf8(HEAD + GOOD))));
    c.add(ok("gzip with a byte order mark", gzip(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        utf8(HEAD + GOOD)))));
    byte[] big = gzip(utf8(HEAD + "1,2024-01-01,10.00\n".repeat(20_000)));
    c.add(new Case("truncated gzip", Arrays.copyOf(big, big.length / 2), List.of(), CrmCli.BAD_INPUT,
        List.of(": truncated gzip after line ", "1 rejected rows: 1 truncated gzip")));
    c.add(new Case("gzip cut inside its header", Arrays.copyOf(big, 5), List.of(), CrmCli.BAD_INPUT,
        List.of("truncated gzip")));
    c.add(rejected("three fraction digits", "3,2024-01-04,1.005\n", ":4: amount: has more than 2 fraction digits '1.005'"));
    c.add(rejected("row missing its amount", "3,2024-01-04\n", ":4: amount: missing: the row has 2 fields, the header 3"));
    c.add(rejected("empty amount", "3,2024-01-04,\n", ":4: amount: missing"));
    c.add(rejected("extra field (thousands separator)", "1,2020-01-01,1,000.00\n",
        ":4: field 4: extra field: the row has 4 fields, the header 3"));
    c.add(rejected("exponent amount 1e3", "3,2024-01-04,1e3\n", ":4: amount: not a decimal number '1e3'"));
    c.add(rejected("date 9999-12-31", "3,9999-12-31,1.00\n", ":4: date: outside 1970-01-01..2100-12-31 '9999-12-31'"));
    c.add(rejected("date 0000-01-01", "3,0000-01-01,1.00\n", ":4: date: outside 1970-01-01..2100-12-31 '0000-01-01'"));
    c.add(rejected("date +999999999-12-31", "3,+999999999-12-31,1.00\n",
        ":4: date: not an ISO date yyyy-MM-dd '+999999999-12-31'"));
    c.add(rejected("date before 1970", "3,1969-12-31,1.00\n", ":4: date: outside 1970-01-01..2100-12-31 '1969-12-31'"));
    c.add(rejected("date that does not exist", "3,2023-02-30,1.00\n", ":4: date: not a valid date '2023-02-30'"));
    c.add(rejected("date in another format", "3,05/01/2024,1.00\n", ":4: date: not an ISO date yyyy-MM-dd '05/01/2024'"));
    c.add(rejected("customer id with a control character", "a\u0007b,2024-01-04,1.00\n",
        ":4: customer_id: has a control character (U+0007) 'a\\x07b'"));
    c.add(rejected("customer id longer than 128 characters", "x".repeat(129) + ",2024-01-04,1.00\n",
        ":4: customer_id: is 129 characters long, more than 128 for a customer id"));
    c.add(rejected("amount beyond 64 bits", "3,2024-01-04,999999999999999999999.00\n",
        ":4: amount: overflows a 64-bit amount in minor units"));
    c.add(new Case("two customers of 50000000000000000.00", utf8(HEAD + "1,2024-01-01,50000000000000000.00\n"
        + "2,2024-01-02,50000000000000000.00\n3,2024-01-02,5.00\n"), List.of(), CrmCli.BAD_INPUT,
        List.of(":3: amount: overflows the 64-bit total of all amounts '5000000000000000000'")));
    c.add(rejected("ESC and BEL in a value", "3,2024-01-04,\u001b]0;owned\u0007\u001b[2J\n",
        ":4: amount: not a decimal number '\\e]0;owned\\x07\\e[2J'"));
    c.add(rejected("right-to-left override in a value", "3,2024-01-04,1\u202e00\n", "'1\\u202e00'"));
    c.add(rejected("NUL byte in a value", "3,2024-01-04,1\u000000\n", "'1\\000'"));
    c.add(rejected("300-character value", "3,2024-01-04," + "9x".repeat(150) + "\n", "… (300 chars)'"));
    c.add(new Case("field longer than --max-field-length (plain file)", utf8(HEAD + GOOD + "3,2024-01-04,"
        + "7".repeat(500) + "\n4,2024-01-05,1.00\n"), List.of("--max-field-length", "100"), CrmCli.BAD_INPUT,
        List.of(":4: amount: is 500 characters long, more than 100")));
    c.add(new Case("17 MB quoted field", utf8(HEAD + GOOD + "3,2024-01-04,\"" + "7".repeat(17 << 20) + "\"\n"
        + "4,2024-01-05,1.00\n"), List.of(), CrmCli.BAD_INPUT,
        List.of(":4: amount: is 17825792 characters long, more than 1048576", "1 rejected rows")));
    c.add(rejected("quoted field with a line break", "\"3\",2024-01-04,\"1.0\n0\"\n", ":4: amount: not a decimal number"));
    c.add(new Case("header without the amount column", utf8("customer_id,date,value\n" + "1,2024-01-01,10.00\n"),
        List.of(), CrmCli.BAD_INPUT, List.of("no column \"amount\"")));
    c.add(new Case("empty file", new byte[0], List.of(), CrmCli.BAD_INPUT, List.of("no header line")));
    c.add(ok("CRLF and CR line ends, blank lines", utf8("customer_id,date,amount\r\n1,2024-01-01,10.00\r\n\r\n"
        + "2,2024-01-03,5.00\r3,2024-01-04,1.00\n")));
    c.add(new Case("25 bad rows: stderr shows 20 and says how many more", utf8(HEAD + GOOD
        + "3,2024-01-04,x\n".repeat(25)), List.of(), CrmCli.BAD_INPUT,
        List.of("… and 5 more rejected rows (--rejects FILE lists them all)", "25 rejected rows: 25 not a decimal number")));
    c.add(new Case("--max-rejects allows the rejected rows", utf8(HEAD + GOOD + "3,2024-01-04,x\n"),
        List.of("--max-rejects", "1"), CrmCli.OK, List.of(":4: amount: not a decimal number 'x'")));
    c.add(new Case("--max-date narrows the accepted dates", utf8(HEAD + GOOD), List.of("--max-date", "2024-01-02"),
        CrmCli.BAD_INPUT, List.of(":3: date: outside 1970-01-01..2024-01-02 '2024-01-03'")));
    return c;
  }

  static Stream<Arguments> casesPerCommand() {
    // the BTYD summary keeps no total over customers, so huge amounts of two customers do not overflow there
    return Stream.of("segment", "summary", "report").flatMap(cmd -> cases().stream()
        .filter(c -> !(cmd.equals("summary") && c.name().startsWith("two customers")))
        .map(c -> Arguments.of(cmd, c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("casesPerCommand")
  void everyCommandRejectsTheSameRowsAndKeepsTheOthers(String command, Case c) throws IOException {
    Path file = dir.resolve("tx.csv");
    Files.write(file, c.bytes());
    List<String> args = new ArrayList<>(List.of(command));
    switch (command) {
      case "summary" -> args.addAll(List.of("--calibration-end", "2024-01-10"));
      case "report" -> args.addAll(List.of("-o", dir.resolve("r.html").toString()));
      default -> { }
    }
    args.addAll(c.args());
    args.add(file.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
        TestArgs.withCurrency(args.toArray(String[]::new)));
    assertThat(code).as(c.name() + "\n" + abbreviated(err)).isEqualTo(c.exit());
    for (String e : c.err()) {
      assertThat(err.toString()).as(c.name()).contains(e.startsWith(":") ? "tx.csv" + e : e);
    }
    // nothing from the data reaches the terminal raw
    assertThat(err.toString()).doesNotContain("\u001b", "\u0007", "\u202e", "\u0000");
    assertThat(out.toString()).doesNotContain("\u001b");
    assertThat(err.toString().length()).as("stderr stays short").isLessThan(20_000);
    if (command.equals("report") && Files.exists(dir.resolve("r.html"))) {
      assertThat(Files.size(dir.resolve("r.html"))).isPositive();
    }
  }

  private static String abbreviated(StringWriter w) {
    String s = w.toString();
    return s.length() > 2000 ? s.substring(0, 2000) : s;
  }
}
