package org.ecrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.zip.GZIPOutputStream;
import org.ecrm.core.model.CustomerId;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Customer ids as the host has them: text ids in CSV files, batches and results, read back by id. */
class CustomerIdTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);

  @TempDir
  Path dir;

  RfmAnalysis analysis(Binning binning) {
    return RfmAnalysis.builder().asOf(AS_OF).bins(3).binning(binning).build();
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void textIdsAreReadAndFoundByTheirText() throws IOException {
    Path csv = write("t.csv", "customer_id,date,amount\n"
        + "abc,2024-06-01,10.00\n"
        + "C-0042,2024-05-01,20.00\n"
        + "abc,2024-06-10,5.00\n"
        + "42,2024-06-20,7.50\n"
        + "0042,2024-06-21,1.00\n"
        + "\"C,1\",2024-03-01,3.00\n");
    RfmResult r = analysis(Binning.NTILE).run(TransactionSources.csv(csv, CsvFormat.defaults(EUR)));

    assertThat(r.rejections()).isEmpty();
    assertThat(r.size()).isEqualTo(4);
    CustomerRfm abc = r.find("abc").orElseThrow();
    assertThat(abc.customerId()).isEqualTo("abc");
    assertThat(abc.frequency()).isEqualTo(2);
    assertThat(abc.monetaryMinor()).isEqualTo(1500);
    assertThat(abc.recencyDays()).isEqualTo(21);
    assertThat(r.find(CustomerId.of("C-0042")).orElseThrow().monetaryMinor()).isEqualTo(2000);
    // a numeric id is its number: 0042 and 42 are one customer
    CustomerRfm n42 = r.find("42").orElseThrow();
    assertThat(n42.customer()).isEqualTo(42);
    assertThat(n42.frequency()).isEqualTo(2);
    assertThat(r.find("0042")).contains(n42);
    assertThat(r.find("C,1").orElseThrow().monetaryMinor()).isEqualTo(300);
    assertThat(r.find("nobody")).isEmpty();
    assertThat(r.find("C-0043")).isEmpty();
    assertThat(r.rowOf("")).isEmpty();
    int row = r.rowOf("C-0042").orElseThrow();
    assertThat(r.customerId(row)).isEqualTo("C-0042");
    assertThat(r.get(row).customerId()).isEqualTo("C-0042");

    StringWriter out = new StringWriter();
    r.writeCsv(out);
    assertThat(out.toString()).contains("\nabc,21,2,15.00,", "\nC-0042,", "\n\"C,1\",", "\n42,");
    StringWriter json = new StringWriter();
    r.writeJson(json);
    assertThat(json.toString()).contains("\"customer\":\"abc\"", "\"customer\":42,");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void badIdsAreRejectedNamingTheLineAndFieldAndTheOthersKept(boolean gzip) throws IOException {
    String text = "customer_id,date,amount\n"
        + "good,2024-06-01,10.00\n"
        + ",2024-06-01,1.00\n"
        + "x".repeat(129) + ",2024-06-01,1.00\n"
        + "a\u0001b,2024-06-01,1.00\n"
        + "   ,2024-06-01,1.00\n"
        + "7,2024-06-02,2.00\n";
    Path csv = dir.resolve(gzip ? "bad.csv.gz" : "bad.csv");
    if (gzip) { // the stream (FastCSV) path; the plain file takes the parallel byte path
      try (var out = new GZIPOutputStream(Files.newOutputStream(csv))) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(csv, text);
    }
    RfmResult r = analysis(Binning.NTILE).run(TransactionSources.csv(csv, CsvFormat.defaults(EUR)));

    assertThat(r.rejections()).extracting(RejectedRecord::record, RejectedRecord::field, RejectedRecord::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "customer_id", "missing"),
            org.assertj.core.groups.Tuple.tuple(4L, "customer_id", "is 129 characters long, more than 128 for a customer id"),
            org.assertj.core.groups.Tuple.tuple(5L, "customer_id", "has a control character (U+0001)"),
            org.assertj.core.groups.Tuple.tuple(6L, "customer_id", "missing"));
    assertThat(r.rejections().get(2).message("bad.csv")).isEqualTo("bad.csv:5: customer_id: has a control character"
        + " (U+0001) 'a\\x01b'");
    assertThat(r.stream().map(CustomerRfm::customerId)).containsExactlyInAnyOrder("good", "7");
  }

  /** Transactions with random customers, days and amounts, ids written by {@code id}. */
  static String transactions(long seed, int rows, LongFunction<String> id) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < rows; i++) {
      long c = rnd.nextInt(400);
      sb.append(id.apply(c)).append(',').append(AS_OF.minusDays(1 + rnd.nextInt(700))).append(',')
          .append(rnd.nextInt(20_000) / 100).append('.').append(String.format("%02d", rnd.nextInt(100)))
          .append('\n');
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"NTILE", "QUANTILE"})
  void textIdsGiveTheNumericPathsResultPerCustomer(String binning) throws IOException {
    LongFunction<String> mixed = c -> c % 3 == 0 ? Long.toString(c) : "C-" + String.format("%04d", c);
    Path numeric = write("n.csv", transactions(7, 5_000, Long::toString));
    Path named = write("s.csv", transactions(7, 5_000, mixed));
    RfmAnalysis a = analysis(Binning.valueOf(binning));
    RfmResult n = a.run(TransactionSources.csv(numeric, CsvFormat.defaults(EUR)));
    RfmResult s = a.run(TransactionSources.csv(named, CsvFormat.defaults(EUR)));

    assertThat(s.size()).isEqualTo(n.size());
    assertThat(s.rejections()).isEmpty();
    for (int row = 0; row < n.size(); row++) {
      CustomerRfm x = n.get(row);
      CustomerRfm y = s.find(mixed.apply(x.customer())).orElseThrow();
      assertThat(y.recencyDays()).isEqualTo(x.recencyDays());
      assertThat(y.frequency()).isEqualTo(x.frequency());
      assertThat(y.monetaryMinor()).isEqualTo(x.monetaryMinor());
      if (binning.equals("QUANTILE")) { // breaks depend on the values alone: the same scores and segments
        assertThat(List.of(y.r(), y.f(), y.m(), y.segment())).isEqualTo(List.of(x.r(), x.f(), x.m(), x.segment()));
      }
    }
    // NTILE breaks ties by key, so scores may move within a tie; the bins' sizes and thresholds cannot
    for (Dimension d : Dimension.values()) {
      assertThat(s.scoreBins(d)).isEqualTo(n.scoreBins(d));
    }
    // the numeric ids of the mixed file keep their own keys and rows' order among themselves
    assertThat(s.find("3").orElseThrow().customer()).isEqualTo(3);
  }

  @Test
  void anAllNumericFileIsReadAsBeforeWithIdsAsDigits() throws IOException {
    Path csv = write("n.csv", transactions(3, 2_000, Long::toString));
    RfmResult r = analysis(Binning.NTILE).run(TransactionSources.csv(csv, CsvFormat.defaults(EUR)));
    for (int row = 0; row < r.size(); row++) {
      assertThat(r.customerId(row)).isEqualTo(Long.toString(r.customer(row)));
    }
    StringWriter out = new StringWriter();
    r.writeCsv(out);
    assertThat(out.toString().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))))
        .allMatch(s -> s.matches("\\d+"));
  }

  @Test
  void batchesOfIdsMergeAndShipAsBytesKeepingTheTexts() {
    RfmAnalysis a = analysis(Binning.NTILE);
    int[] days = {(int) AS_OF.minusDays(3).toEpochDay(), (int) AS_OF.minusDays(9).toEpochDay(),
        (int) AS_OF.minusDays(1).toEpochDay()};
    long[] amounts = {100, 250, 400};
    RfmAccumulator p1 = a.newAccumulator();
    p1.add(TransactionBatch.ofIds(EUR, new String[] {"ann", "bob", "17"}, days, amounts, 3, 0));
    RfmAccumulator p2 = a.newAccumulator();
    p2.add(TransactionBatch.ofIds(EUR, new String[] {"bob", "cy", "ann"}, days, amounts, 3, 3));
    RfmAccumulator shipped = RfmAccumulator.fromBytes(p2.toBytes());
    RfmResult whole = a.score(p1.merge(shipped));

    assertThat(whole.size()).isEqualTo(4);
    assertThat(whole.find("ann").orElseThrow().frequency()).isEqualTo(2);
    assertThat(whole.find("ann").orElseThrow().monetaryMinor()).isEqualTo(500);
    assertThat(whole.find("bob").orElseThrow().monetaryMinor()).isEqualTo(350);
    assertThat(whole.find("17").orElseThrow().customer()).isEqualTo(17);
    assertThat(whole.find("cy")).isPresent();

    TransactionBatch batch = TransactionBatch.ofIds(EUR, new String[] {"ann", "42"}, days, amounts, 2, 10);
    assertThat(batch.customerId(0)).isEqualTo("ann");
    assertThat(batch.customerId(1)).isEqualTo("42");
    assertThat(batch.customer(1)).isEqualTo(42);
    assertThatThrownBy(() -> TransactionBatch.ofIds(EUR, new String[] {"ann", "a\tb"}, days, amounts, 2, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 (record 11), field customer: has a control character (U+0009)");
  }

  @Test
  void theCustomerBaseSummaryKeepsTheIds() throws IOException {
    Path csv = write("t.csv", "customer_id,date,amount\nabc,2024-01-01,10.00\nabc,2024-02-01,20.00\n"
        + "C-0042,2024-01-15,5.00\n9,2024-01-20,1.00\n");
    CustomerBaseSummary.Result s = CustomerBaseSummary.builder().calibrationEnd(LocalDate.of(2024, 3, 1))
        .build().summarize(TransactionSources.csv(csv, CsvFormat.defaults(EUR)));
    assertThat(s.find("abc").orElseThrow().frequency()).isEqualTo(1);
    assertThat(s.find("C-0042").orElseThrow().customerId()).isEqualTo("C-0042");
    assertThat(s.find("9").orElseThrow().customer()).isEqualTo(9);
    assertThat(s.find("zzz")).isEmpty();
    List<String> ids = new ArrayList<>();
    s.customers().forEach(c -> ids.add(c.customerId()));
    assertThat(ids).containsExactlyInAnyOrder("abc", "C-0042", "9");
  }

  @Test
  void arraysWithNumericKeysStillWork() {
    RfmResult r = analysis(Binning.NTILE).run(TransactionSource.ofArrays(EUR, new long[] {5, 6},
        new int[] {(int) AS_OF.minusDays(2).toEpochDay(), (int) AS_OF.minusDays(4).toEpochDay()},
        new long[] {100, 200}));
    assertThat(r.find("5").orElseThrow().monetaryMinor()).isEqualTo(100);
    assertThat(r.customerId(1)).isEqualTo("6");
  }
}
