package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input, options and outputs through the public API. */
class RfmInputTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

  static RfmAnalysis analysis() {
    return RfmAnalysis.builder().asOf(AS_OF).build();
  }

  static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  @Test
  void emptyInputGivesAnEmptyResultNotAnException() {
    RfmResult r = analysis().run(TransactionSource.ofArrays(EUR, new long[0], new int[0], new long[0]));
    assertThat(r.size()).isZero();
    assertThat(r.segments()).allSatisfy(s -> assertThat(s.customers()).isZero());
    assertThat(r.stream()).isEmpty();
  }

  @Test
  void binsOutsideTwoToHundredAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> RfmAnalysis.builder().bins(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be between 2 and 100: 1");
    assertThatThrownBy(() -> RfmAnalysis.builder().bins(101)).hasMessage("bins must be between 2 and 100: 101");
  }

  @Test
  void missingAsOfAndSettingTwiceFailFast() {
    assertThatThrownBy(() -> RfmAnalysis.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("asOf must be set");
    assertThatThrownBy(() -> RfmAnalysis.builder().bins(4).bins(5)).isInstanceOf(IllegalStateException.class)
        .hasMessage("bins was already set to 4");
    assertThatThrownBy(() -> RfmAnalysis.builder().asOf(LocalDate.of(1969, 12, 31)))
        .hasMessageContaining("1970-01-01");
  }

  @Test
  void asOfCanComeFromAnInjectedClock() {
    Clock clock = Clock.fixed(Instant.parse("2024-03-05T23:00:00Z"), ZoneOffset.UTC);
    assertThat(RfmAnalysis.builder().asOfToday(clock).build().asOf()).isEqualTo(LocalDate.of(2024, 3, 5));
  }

  @Test
  void transactionsAfterAsOfAreExcludedAndCounted() {
    RfmResult r = analysis().run(TransactionSource.ofArrays(EUR, new long[] {1, 1, 2},
        new int[] {day("2024-12-01"), day("2025-01-02"), day("2025-02-01")}, new long[] {100, 200, 300}));
    assertThat(r.size()).isEqualTo(1);
    assertThat(r.excludedAfterAsOf()).isEqualTo(2);
    assertThat(r.find(1).orElseThrow().monetaryMinor()).isEqualTo(100);
    assertThat(r.find(1).orElseThrow().recencyDays()).isEqualTo(31);
  }

  @Test
  void mixedCurrenciesAreAClearError() {
    RfmAccumulator acc = analysis().newAccumulator();
    acc.add(TransactionBatch.of(EUR, new long[] {1}, new int[] {1}, new long[] {1}, 1, 0));
    assertThatThrownBy(() -> acc.add(TransactionBatch.of(Currency.getInstance("USD"), new long[] {1},
        new int[] {1}, new long[] {1}, 1, 7))).isInstanceOf(MixedCurrencyException.class)
        .hasMessage("record 7, field currency: USD but the analysis is in EUR (one currency per analysis)");
  }

  @Test
  void overflowingAmountsAreRejectedPerRecordAndTheRestKept() {
    RfmResult r = analysis().run(TransactionSource.ofArrays(EUR, new long[] {1, 1, 2},
        new int[] {10, 11, 12}, new long[] {Long.MAX_VALUE, 1, 5}));
    // after a row of Long.MAX_VALUE the total of all amounts is full: later rows are rejected, so no
    // total over customers (segment revenue, Pareto) can overflow
    assertThat(r.rejections()).containsExactly(
        new RejectedRecord(1, "amount", "overflows the 64-bit total of all amounts", "1"),
        new RejectedRecord(2, "amount", "overflows the 64-bit total of all amounts", "5"));
    assertThat(r.find(1).orElseThrow().monetaryMinor()).isEqualTo(Long.MAX_VALUE);
    assertThat(r.find(2)).isEmpty();
    assertThat(Pareto.of(r).limitA()).isPositive();
  }

  @Test
  void csvRowsWithBadFieldsAreReportedByLineAndFieldAndGoodRowsKept(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tx.csv");
    Files.writeString(f, String.join("\n",
        "customer_id,date,amount,currency",
        "1,2024-01-01,10.00,EUR",
        "x\u0007,2024-01-01,10.00,EUR",
        "2,2024-13-01,10.00,EUR",
        "3,1969-12-31,10.00,EUR",
        "4,2024-01-01,10.001,EUR",
        "5,2024-01-01,99999999999999999999,EUR",
        "6,2024-01-01,1.00,ZZZ",
        "7,2024-01-01",
        "8,2024-12-31 10:00:00,-2.5,EUR", ""));
    RfmResult r = analysis().run(TransactionSources.csv(f, CsvFormat.defaults(EUR).withCurrencyColumn("currency")));

    assertThat(r.stream().map(CustomerRfm::customer)).containsExactly(1L, 8L);
    assertThat(r.find(8).orElseThrow().monetaryMinor()).isEqualTo(-250);
    assertThat(r.nonPositiveMonetaryCount()).isEqualTo(1);
    List<RejectedRecord> rej = r.rejections();
    assertThat(rej).extracting(RejectedRecord::record).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(rej).extracting(RejectedRecord::field)
        .containsExactly("customer_id", "date", "date", "amount", "amount", "currency", "amount");
    assertThat(rej.get(3).reason()).contains("more than 2 fraction digits");
    assertThat(rej.get(4).reason()).contains("overflows");
    assertThat(rej.get(5).reason()).isEqualTo("unknown ISO 4217 currency code");
    assertThat(rej.get(5).value()).isEqualTo("ZZZ");
    assertThat(rej.get(6).reason()).isEqualTo("missing: the row has 2 fields, the header 4");
  }

  @Test
  void csvRowInAnotherCurrencyIsAMixedCurrencyError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tx.csv");
    Files.writeString(f, "customer_id,date,amount,cur\n1,2024-01-01,1.00,EUR\n2,2024-01-01,1.00,USD\n");
    assertThatThrownBy(() -> analysis().run(TransactionSources.csv(f, CsvFormat.defaults(EUR)
        .withCurrencyColumn("cur")))).isInstanceOf(MixedCurrencyException.class).hasMessageContaining("record 3");
  }

  @Test
  void csvWithoutAnExpectedColumnNamesIt(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tx.csv");
    Files.writeString(f, "id,date,amount\n1,2024-01-01,1.00\n");
    assertThatThrownBy(() -> analysis().run(TransactionSources.csv(f, CsvFormat.defaults(EUR))))
        .hasMessageContaining("no column \"customer_id\"");
  }

  @Test
  void iterableAdapterRejectsNullFieldsAndKeepsTheRest() {
    record Tx(long c, LocalDate d, long a) {
    }
    List<Tx> txs = java.util.Arrays.asList(new Tx(1, LocalDate.of(2024, 1, 1), 5), new Tx(2, null, 5),
        new Tx(3, LocalDate.of(1960, 1, 1), 5));
    RfmResult r = analysis().run(TransactionSource.ofIterable(EUR, txs, Tx::c, Tx::d, Tx::a));
    assertThat(r.size()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRecord::record, RejectedRecord::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "date"), org.assertj.core.groups.Tuple.tuple(2L, "date"));
  }

  @Test
  void nonPositiveMonetaryCanBeExcludedAndIsCounted() {
    TransactionSource src = TransactionSource.ofArrays(EUR, new long[] {1, 2, 3}, new int[] {1, 1, 1},
        new long[] {100, 0, -5});
    RfmResult excluded = RfmAnalysis.builder().asOf(AS_OF).nonPositiveMonetary(NonPositiveMonetary.EXCLUDE)
        .build().run(src);
    RfmResult scored = analysis().run(src);
    assertThat(excluded.size()).isEqualTo(1);
    assertThat(excluded.nonPositiveMonetaryCount()).isEqualTo(2);
    assertThat(scored.size()).isEqualTo(3);
    assertThat(scored.nonPositiveMonetaryCount()).isEqualTo(2);
    assertThat(scored.find(3).orElseThrow().m()).isEqualTo(1);
  }

  @Test
  void fixedBinningNeedsThresholdsOfBinsMinusOneForEveryDimension() {
    assertThatThrownBy(() -> RfmAnalysis.builder().asOf(AS_OF).binning(Binning.FIXED).build())
        .hasMessage("FIXED binning needs thresholds for RECENCY");
    assertThatThrownBy(() -> RfmAnalysis.builder().thresholds(Dimension.FREQUENCY, 3, 2))
        .hasMessageContaining("strictly ascending");
    assertThatThrownBy(() -> RfmAnalysis.builder().asOf(AS_OF).bins(3).binning(Binning.FIXED)
        .thresholds(Dimension.RECENCY, 30, 90).thresholds(Dimension.FREQUENCY, 2)
        .thresholds(Dimension.MONETARY, 1, 2).build()).hasMessage("thresholds of FREQUENCY must have bins-1 = 2 values: 1");
  }

  @Test
  void fixedThresholdsScoreAndAreVisibleInTheResult() {
    RfmResult r = RfmAnalysis.builder().asOf(AS_OF).bins(3).binning(Binning.FIXED)
        .thresholds(Dimension.RECENCY, 30, 90).thresholds(Dimension.FREQUENCY, 2, 5)
        .thresholds(Dimension.MONETARY, 10_000, 50_000).build()
        .run(TransactionSource.ofArrays(EUR, new long[] {1, 1, 2}, new int[] {day("2024-12-20"), day("2024-12-21"),
            day("2024-06-01")}, new long[] {20_000, 40_000, 500}));
    CustomerRfm one = r.find(1).orElseThrow();
    assertThat(new int[] {one.r(), one.f(), one.m()}).containsExactly(3, 2, 3);
    CustomerRfm two = r.find(2).orElseThrow();
    assertThat(new int[] {two.r(), two.f(), two.m()}).containsExactly(1, 1, 1);
    assertThat(r.scoreBins(Dimension.MONETARY).thresholds()).extracting(java.math.BigDecimal::longValue)
        .containsExactly(10_000L, 50_000L);
  }

  @Test
  void ntileBinEdgesAndSegmentTotalsAreInTheResult() {
    BenchData data = BenchData.generate(10_000, 5);
    RfmResult r = RfmAnalysis.builder().asOf(data.asOf()).build()
        .run(TransactionSource.ofArrays(EUR, data.customers, data.days, data.cents));
    ScoreBins f = r.scoreBins(Dimension.FREQUENCY);
    assertThat(f.bins()).extracting(ScoreBins.Bin::customers).containsExactly(101, 101, 101, 100, 100);
    assertThat(f.thresholds()).hasSize(4);
    assertThat(r.segments().stream().mapToInt(SegmentSummary::customers).sum()).isEqualTo(r.size());
    long revenue = r.stream().mapToLong(CustomerRfm::monetaryMinor).sum();
    assertThat(r.segments().stream().mapToLong(s -> s.revenue().minorUnits()).sum()).isEqualTo(revenue);
    int cells = 0;
    for (int a = 1; a <= 5; a++) {
      for (int b = 1; b <= 5; b++) {
        cells += r.heatMapCount(a, b);
      }
    }
    assertThat(cells).isEqualTo(r.size());
    assertThat(r.heatMapMeanMonetary(5, 5)).isPresent();
    assertThatThrownBy(() -> r.heatMapCount(0, 1)).hasMessageContaining("within 1..5");
  }

  @Test
  void quantileBinningLetsTiesShareABin() {
    // frequencies 1,1,1,1,2,3: type-7 breaks at 1/3, 2/3 = 1 and 1.33 → ties at 1 all score 2 with 3 bins
    long[] c = {1, 2, 3, 4, 5, 5, 6, 6, 6};
    int[] d = new int[c.length];
    java.util.Arrays.fill(d, 100);
    long[] a = new long[c.length];
    java.util.Arrays.fill(a, 100);
    RfmResult r = RfmAnalysis.builder().asOf(AS_OF).bins(3).binning(Binning.QUANTILE).build()
        .run(TransactionSource.ofArrays(EUR, c, d, a));
    assertThat(r.stream().mapToInt(CustomerRfm::f)).containsExactly(2, 2, 2, 2, 3, 3);
    assertThat(r.scoreBins(Dimension.FREQUENCY).thresholds()).extracting(java.math.BigDecimal::toPlainString)
        .containsExactly("1", "1.333333");
  }

  @Test
  void csvAndJsonWritersWriteEveryCustomer() throws Exception {
    RfmResult r = analysis().run(TransactionSource.ofArrays(EUR, new long[] {2, 1}, new int[] {day("2024-12-31"),
        day("2024-01-01")}, new long[] {1234, 5}));
    StringWriter csv = new StringWriter();
    r.writeCsv(csv);
    assertThat(csv.toString()).isEqualTo("customer,recency_days,frequency,monetary,r,f,m,segment\n"
        + "1,366,1,0.05,1,1,1,Lost\n2,1,1,12.34,2,2,2,Need Attention\n");
    StringWriter json = new StringWriter();
    r.writeJson(json);
    var tree = tools.jackson.databind.json.JsonMapper.shared().readTree(json.toString());
    assertThat(tree.get("currency").stringValue()).isEqualTo("EUR");
    assertThat(tree.get("customers")).hasSize(2);
    assertThat(tree.get("customers").get(1).get("monetary").decimalValue()).isEqualByComparingTo("12.34");
    assertThat(tree.get("segments").get(0).get("segment").stringValue()).isEqualTo("Champions");
  }
}
