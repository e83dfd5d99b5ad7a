package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segment} and {@code summary} read customer ids as the host has them and write them back. */
class TextCustomerIdsCliTest {
  @TempDir
  Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), TestArgs.withCurrency(args));
  }

  private Path transactions(String extra) throws Exception {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,date,amount\nabc,2024-01-01,10.00\nabc,2024-01-08,30.00\n"
        + "C-0042,2024-01-03,5.00\n7,2024-01-10,100.00\n0007,2024-01-12,50.00\n" + extra);
    return csv;
  }

  @Test
  void segmentWritesTheIdsAsGiven() throws Exception {
    Path csv = transactions("");
    Path rfm = dir.resolve("rfm.csv");
    assertThat(run("segment", "--as-of", "2024-01-15", "--format", "csv", "--out", rfm.toString(), csv.toString()))
        .isZero();
    String text = Files.readString(rfm);
    assertThat(text).contains("\nabc,7,2,40.00,", "\nC-0042,12,1,5.00,", "\n7,3,2,150.00,");
    assertThat(text.lines()).hasSize(4);
  }

  @Test
  void summaryWritesTheIdsAsGiven() throws Exception {
    assertThat(run("summary", "--calibration-end", "2024-01-15", "--unit", "days", "--format", "csv", transactions("").toString()))
        .isZero();
    assertThat(out.toString()).contains("\nabc,1,7.000000,14.000000,30.00", "\nC-0042,0,", "\n7,1,");
  }

  @Test
  void aBadIdIsRejectedNamingTheLineAndField() throws Exception {
    Path csv = transactions("\u0001x,2024-01-13,1.00\n,2024-01-13,2.00\n");
    assertThat(run("segment", "--as-of", "2024-01-15", csv.toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains(":7: customer_id: has a control character (U+0001)",
        ":8: customer_id: missing");
    assertThat(out.toString()).contains("RFM as of 2024-01-15, 3 customers");
  }
}
