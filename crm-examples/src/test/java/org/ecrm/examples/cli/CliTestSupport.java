package org.ecrm.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the command line in the test's JVM with a given standard input, and reads its JSON. */
final class CliTestSupport {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Twelve customers in January 2024, no currency column. */
  static final String TRANSACTIONS = "customer_id,date,amount\n"
      + "1,2024-01-01,10.00\n1,2024-01-08,30.00\n2,2024-01-03,5.00\n3,2024-01-10,100.00\n3,2024-01-12,50.00\n"
      + "3,2024-01-14,25.00\n4,2024-01-02,1.00\n5,2024-01-05,7.00\n6,2024-01-04,12.00\n6,2024-01-11,8.00\n"
      + "7,2024-01-06,40.00\n8,2024-01-07,3.50\n9,2024-01-09,60.00\n9,2024-01-13,20.00\n10,2024-01-02,9.99\n"
      + "11,2024-01-03,15.00\n12,2024-01-05,2.00\n";

  private CliTestSupport() {
  }

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  static Run run(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CrmCli.run(new ByteArrayInputStream(stdin), new PrintWriter(out, true), new PrintWriter(err, true),
        args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(new byte[0], args);
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
