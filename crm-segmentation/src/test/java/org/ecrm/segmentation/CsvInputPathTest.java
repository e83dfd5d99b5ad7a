package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's transaction-CSV reader on the shared input path: gzip by magic bytes, BOM, truncated
 * gzip, field limits, date range and field counts, the same rejections on the parallel byte path and
 * the FastCSV path, and the as-of date derived in the same pass.
 */
class CsvInputPathTest {
  static final Currency EUR = Currency.getInstance("EUR");

  @TempDir
  Path dir;

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(plain);
    }
    return b.toByteArray();
  }

  static String hostile() {
    return "customer_id,date,amount\n1,2024-01-01,10.00\n1,2020-01-01,1,000.00\n2,9999-12-31,1.00\n"
        + "3,0000-01-01,1.00\n4,2024-01-02,1e3\n5,2024-01-02," + "9".repeat(300) + "\n6,2024-01-03\n"
        + "7,2024-01-03 23:59:59,2.50\n8,2101-01-01,1.00\n";
  }

  static final List<RejectedRecord> EXPECTED = List.of(
      new RejectedRecord(3, "field 4", "extra field: the row has 4 fields, the header 3"),
      new RejectedRecord(4, "date", "outside 1970-01-01..2100-12-31", "9999-12-31"),
      new RejectedRecord(5, "date", "outside 1970-01-01..2100-12-31", "0000-01-01"),
      new RejectedRecord(6, "amount", "not a decimal number", "1e3"),
      new RejectedRecord(7, "amount", "is 300 characters long, more than 200", "9".repeat(40)),
      new RejectedRecord(8, "amount", "missing: the row has 2 fields, the header 3"),
      new RejectedRecord(10, "date", "outside 1970-01-01..2100-12-31", "2101-01-01"));

  static RfmResult viaFastCsv(RfmAnalysis analysis, TransactionSource source) {
    RfmAccumulator acc = analysis.newAccumulator();
    acc.addAll(source);
    return analysis.score(acc);
  }

  @Test
  void bytePathAndFastCsvPath_rejectTheSameRows_withValues() throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, hostile());
    CsvFormat format = CsvFormat.defaults(EUR).withMaxFieldLength(200);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2024, 2, 1)).build();
    RfmResult fast = analysis.run(TransactionSources.csv(csv, format));
    RfmResult reference = viaFastCsv(analysis, TransactionSources.csv(csv, format));
    assertThat(fast.rejections()).containsExactlyElementsOf(EXPECTED);
    assertThat(reference.rejections()).containsExactlyElementsOf(EXPECTED);
    assertThat(fast.stream().map(CustomerRfm::customer)).containsExactly(1L, 7L);
    assertThat(fast.rejections().get(1).message("tx.csv")).isEqualTo("tx.csv:4: date: outside 1970-01-01..2100-12-31 '9999-12-31'");
  }

  @Test
  void gzipAndBom_giveTheSameResultAsThePlainFile() throws IOException {
    Path plain = dir.resolve("tx.csv");
    Files.writeString(plain, hostile());
    Path packed = dir.resolve("tx.bin");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = hostile().getBytes(StandardCharsets.UTF_8);
    byte[] withBom = Arrays.copyOf(bom, 3 + body.length);
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(packed, gzip(withBom));
    Path bomOnly = dir.resolve("bom.csv");
    Files.write(bomOnly, withBom);
    CsvFormat format = CsvFormat.defaults(EUR).withMaxFieldLength(200);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2024, 2, 1)).build();
    RfmResult a = analysis.run(TransactionSources.csv(plain, format));
    for (Path p : List.of(packed, bomOnly)) {
      RfmResult b = analysis.run(TransactionSources.csv(p, format));
      assertThat(b.stream().toList()).isEqualTo(a.stream().toList());
      assertThat(b.rejections()).isEqualTo(a.rejections());
    }
  }

  @Test
  void truncatedGzip_keepsTheRowsBefore_andReportsTheCut() throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 100_000; i++) {
      sb.append(i % 1000).append(",2024-01-0").append(1 + i % 9).append(",1.00\n");
    }
    byte[] whole = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = dir.resolve("cut.csv.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    RfmResult r = RfmAnalysis.builder().asOfDayAfterLast().build().run(TransactionSources.csv(cut, CsvFormat.defaults(EUR)));
    assertThat(r.rejections()).hasSize(1);
    RejectedRecord cutAt = r.rejections().get(0);
    assertThat(cutAt.field()).isEmpty();
    assertThat(cutAt.reason()).isEqualTo("truncated gzip after line " + cutAt.record());
    assertThat(cutAt.message("cut.csv.gz")).isEqualTo("cut.csv.gz: truncated gzip after line " + cutAt.record());
    long kept = r.stream().mapToLong(CustomerRfm::frequency).sum();
    assertThat(kept).isEqualTo(cutAt.record() - 1).isGreaterThan(1000);
  }

  @Test
  void asOfDayAfterLast_isDerivedInTheSamePass_fromAcceptedRowsOnly() throws IOException {
    Path csv = dir.resolve("order.csv");
    Files.writeString(csv, "amount,customer_id,date\n10.00,1,2024-03-01T23:59:00\n5.00,2,2024-03-05 08:00\n"
        + "1.00,3,9999-12-31\n");
    RfmAnalysis analysis = RfmAnalysis.builder().asOfDayAfterLast().build();
    assertThat(analysis.asOfDerived()).isTrue();
    RfmResult r = analysis.run(TransactionSources.csv(csv, CsvFormat.defaults(EUR)));
    assertThat(r.asOf()).isEqualTo(LocalDate.of(2024, 3, 6));
    assertThat(r.find(2).orElseThrow().recencyDays()).isEqualTo(1);
    assertThat(r.excludedAfterAsOf()).isZero();
    // the same file with an explicit as-of gives the same scores
    RfmResult fixed = RfmAnalysis.builder().asOf(LocalDate.of(2024, 3, 6)).build()
        .run(TransactionSources.csv(csv, CsvFormat.defaults(EUR)));
    assertThat(r.stream().toList()).isEqualTo(fixed.stream().toList());
    // in-memory sources too
    RfmResult arrays = analysis.run(TransactionSource.ofArrays(EUR, new long[] {1, 2}, new int[] {19_000, 19_010},
        new long[] {100, 200}));
    assertThat(arrays.asOf()).isEqualTo(LocalDate.ofEpochDay(19_011));
    assertThatThrownBy(analysis::asOf).isInstanceOf(IllegalStateException.class).hasMessageContaining("derived");
    assertThatThrownBy(analysis::newAccumulator).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RfmAnalysis.builder().asOf(LocalDate.of(2024, 1, 1)).asOfDayAfterLast())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void hugeAmountsOfTwoCustomers_rejectTheRowThatWouldOverflowTheTotal() throws IOException {
    Path csv = dir.resolve("big.csv");
    Files.writeString(csv, "customer_id,date,amount\n1,2024-01-01,50000000000000000.00\n"
        + "2,2024-01-02,50000000000000000.00\n3,2024-01-02,5.00\n");
    RfmResult r = RfmAnalysis.builder().asOfDayAfterLast().build().run(TransactionSources.csv(csv, CsvFormat.defaults(EUR)));
    assertThat(r.rejections()).containsExactly(new RejectedRecord(3, "amount", "overflows the 64-bit total of all amounts",
        "5000000000000000000"));
    assertThat(Pareto.of(r).gini()).isBetween(0.0, 1.0);
  }

  @Test
  void formatLimitsAreChecked() {
    CsvFormat f = CsvFormat.defaults(EUR);
    assertThat(f.minDate()).isEqualTo(LocalDate.EPOCH);
    assertThat(f.maxDate()).isEqualTo(LocalDate.of(2100, 12, 31));
    assertThatThrownBy(() -> f.withDateRange(LocalDate.of(1969, 1, 1), LocalDate.of(2000, 1, 1)))
        .hasMessageContaining("minDate");
    assertThatThrownBy(() -> f.withDateRange(LocalDate.of(2000, 1, 1), LocalDate.of(1999, 1, 1)))
        .hasMessageContaining("maxDate");
    assertThatThrownBy(() -> f.withMaxFieldLength(0)).hasMessageContaining("maxFieldLength");
  }

  @Test
  void emptyFile_isAnError() throws IOException {
    Path csv = dir.resolve("empty.csv");
    Files.writeString(csv, "");
    assertThatThrownBy(() -> RfmAnalysis.builder().asOfDayAfterLast().build()
        .run(TransactionSources.csv(csv, CsvFormat.defaults(EUR)))).hasMessageContaining("no header line");
  }
}
