package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RfmAnalysis#run} reads a quote-free CSV file through a parallel byte path; reading the same
 * file through FastCSV into an accumulator is the reference. Seeded random files with every quirk the
 * two must agree on: LF, CRLF and CR line ends, empty lines, missing and extra fields, spaces around
 * values, bad numbers and dates, too many fraction digits, spreadsheet ".0" ids, non-ASCII text, dates
 * before 1970 and after the as-of date, overflowing sums, and sizes that split the file over threads.
 */
class CsvFastPathTest {
  static final Currency EUR = Currency.getInstance("EUR");

  @TempDir
  Path dir;

  static String field(SplittableRandom rnd, String good) {
    return switch (rnd.nextInt(400)) {
      case 0 -> " " + good + " ";
      case 1 -> "x" + good;
      case 2 -> "";
      case 3 -> good + "é";
      default -> good;
    };
  }

  static String file(long seed, int rows, boolean withCurrency) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(rows * 40);
    sb.append(withCurrency ? "id,customer_id,date,amount,currency" : "customer_id,date,amount");
    String[] eols = {"\n", "\r\n", "\r"};
    String eol = eols[(int) (seed % 3)];
    sb.append(eol);
    for (int i = 0; i < rows; i++) {
      int kind = rnd.nextInt(300);
      if (kind == 0) {
        sb.append(eol); // empty line
        continue;
      }
      if (kind == 1) {
        sb.append(eols[rnd.nextInt(3)]); // a stray other line end
        continue;
      }
      String customer = Long.toString(1_000_000L + rnd.nextInt(5_000)) + (rnd.nextInt(50) == 0 ? ".0" : "");
      LocalDate day = LocalDate.of(2022, 1, 1).plusDays(rnd.nextInt(1_200));
      String date = switch (rnd.nextInt(200)) {
        case 0 -> "2023-02-30";
        case 1 -> "1969-12-31";
        case 2 -> day + "T10:15:00";
        case 3 -> day + " 10:15";
        case 4 -> "2023/01/05";
        default -> day.toString();
      };
      String amount = switch (rnd.nextInt(200)) {
        case 0 -> "12.345";
        case 1 -> "12.340";
        case 2 -> "+5";
        case 3 -> ".5";
        case 4 -> "7.";
        case 5 -> "99999999999999999";
        case 6 -> "-";
        default -> (rnd.nextInt(20) == 0 ? "-" : "") + rnd.nextInt(50_000) / 100 + "." + (10 + rnd.nextInt(90));
      };
      if (withCurrency) {
        sb.append(i).append(',');
      }
      sb.append(field(rnd, customer)).append(',').append(field(rnd, date));
      if (kind != 2) { // kind 2: missing field
        sb.append(',').append(field(rnd, amount));
        if (withCurrency) {
          sb.append(',').append(rnd.nextInt(500) == 0 ? "EU" : "EUR");
        }
      }
      if (kind == 3) {
        sb.append(",extra,fields");
      }
      if (i < rows - 1 || rnd.nextBoolean()) {
        sb.append(eol);
      }
    }
    return sb.toString();
  }

  static RfmResult viaFastCsv(RfmAnalysis analysis, TransactionSource source) {
    RfmAccumulator acc = analysis.newAccumulator();
    acc.addAll(source);
    return analysis.score(acc);
  }

  @ParameterizedTest(name = "seed {0}, {1} rows, currency column {2}, {3} threads")
  @CsvSource({"1,200,false,1", "2,3000,true,2", "3,3000,false,2", "4,250000,false,2", "5,250000,true,4",
      "6,250000,false,3"})
  void fastPathEqualsFastCsvRecordForRecord(long seed, int rows, boolean currency, int threads) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, file(seed, rows, currency), StandardCharsets.UTF_8);
    CsvFormat format = currency ? CsvFormat.defaults(EUR).withCurrencyColumn("currency") : CsvFormat.defaults(EUR);
    TransactionSource source = TransactionSources.csv(csv, format);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2025, 1, 1)).parallelism(threads).build();

    RfmResult fast = analysis.run(source);
    RfmResult reference = viaFastCsv(analysis, source);

    assertThat(fast.size()).isGreaterThan(0);
    assertThat(fast.stream().toList()).isEqualTo(reference.stream().toList());
    assertThat(fast.rejections()).isNotEmpty().isEqualTo(reference.rejections());
    assertThat(fast.excludedAfterAsOf()).isEqualTo(reference.excludedAfterAsOf());
  }

  @Test
  void aSumThatOverflowsAcrossRangesIsRejectedAtTheSameRowAsInRowOrder() throws IOException {
    Path csv = dir.resolve("huge.csv");
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    int rows = 400_000;
    for (int i = 0; i < rows; i++) {
      int k = i / (rows / 5);
      boolean planted = i % (rows / 5) == 0; // five rows of customer 7, one in each fifth of the file
      sb.append(planted ? 7 : i % 9_973 + 10).append(",2024-01-02,")
          .append(planted ? (k < 3 ? "46116860184273879.03" : "-46116860184273879.03") : "1.25").append('\n');
    }
    Files.writeString(csv, sb);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2024, 2, 1)).parallelism(2).build();
    TransactionSource source = TransactionSources.csv(csv, CsvFormat.defaults(EUR));

    RfmResult result = analysis.run(source);

    RfmResult reference = viaFastCsv(RfmAnalysis.builder().asOf(LocalDate.of(2024, 2, 1)).parallelism(1).build(),
        source);
    // the second planted row takes the total of all |amounts| past 2^63: it and every later planted row
    // are rejected, on both paths alike
    assertThat(reference.rejections()).extracting(RejectedRecord::record)
        .containsExactly(1L * rows / 5 + 2, 2L * rows / 5 + 2, 3L * rows / 5 + 2, 4L * rows / 5 + 2);
    assertThat(result.rejections()).isEqualTo(reference.rejections());
    assertThat(result.stream().toList()).isEqualTo(reference.stream().toList());
  }

  @Test
  void aFileWithQuotesIsReadByFastCsv() throws IOException {
    Path csv = dir.resolve("quoted.csv");
    Files.writeString(csv, "customer_id,date,amount,note\n1,2024-01-02,10.00,\"a, b\"\n2,2024-01-03,\"5.00\",x\n"
        + "3,2024-01-04,7.00,\"two\nlines\"\n4,2024-01-05,bad,y\n");
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2024, 2, 1)).build();
    TransactionSource source = TransactionSources.csv(csv, CsvFormat.defaults(EUR));

    RfmResult result = analysis.run(source);

    assertThat(result.stream().map(CustomerRfm::customer).toList()).containsExactly(1L, 2L, 3L);
    assertThat(result.rejections()).containsExactly(new RejectedRecord(6, "amount", "not a decimal number", "bad"));
    assertThat(result.stream().toList()).isEqualTo(viaFastCsv(analysis, source).stream().toList());
  }

  @Test
  void aRowInAnotherCurrencyFailsAsOnTheFastCsvPath() throws IOException {
    Path csv = dir.resolve("mixed.csv");
    StringBuilder sb = new StringBuilder("customer_id,date,amount,currency\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append(i % 777).append(",2024-01-02,1.00,").append(i == 150_000 ? "USD" : "EUR").append('\n');
    }
    Files.writeString(csv, sb);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2024, 2, 1)).parallelism(2).build();

    assertThatThrownBy(() -> analysis.run(TransactionSources.csv(csv, CsvFormat.defaults(EUR).withCurrencyColumn("currency"))))
        .isInstanceOf(MixedCurrencyException.class).hasMessageContaining("150002");
  }

  @Test
  void aMissingColumnNamesTheFileAndTheHeader() throws IOException {
    Path csv = dir.resolve("nocol.csv");
    Files.writeString(csv, "customer,date,amount\n1,2024-01-02,1.00\n");

    assertThatThrownBy(() -> RfmAnalysis.builder().asOf(LocalDate.of(2024, 2, 1)).build()
        .run(TransactionSources.csv(csv, CsvFormat.defaults(EUR))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(csv + ": no column \"customer_id\" in the header [customer, date, amount]");
  }
}
