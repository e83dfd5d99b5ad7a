package org.ecrm.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ecrm.segmentation.Binning;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.CustomerRfm;
import org.ecrm.segmentation.Dimension;
import org.ecrm.segmentation.FrequencyMode;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.engine.TransactionSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkSegmentationTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency GBP = Currency.getInstance("GBP");
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSupport.localSession("SparkSegmentationTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void assertSameRfm(RfmResult spark, RfmResult jvm) {
    assertThat(spark.size()).isEqualTo(jvm.size());
    assertThat(spark.stream().toList()).isEqualTo(jvm.stream().toList()); // every customer's metrics, scores, segment
    assertThat(spark.segments()).isEqualTo(jvm.segments());
    assertThat(spark.excludedAfterAsOf()).isEqualTo(jvm.excludedAfterAsOf());
    assertThat(spark.nonPositiveMonetaryCount()).isEqualTo(jvm.nonPositiveMonetaryCount());
    Pareto ps = Pareto.of(spark);
    Pareto pj = Pareto.of(jvm);
    assertThat(ps.gini()).isEqualTo(pj.gini());
    assertThat(ps.lorenzCurve()).isEqualTo(pj.lorenzCurve());
    for (Pareto.AbcClass c : Pareto.AbcClass.values()) {
      assertThat(ps.count(c)).isEqualTo(pj.count(c));
    }
    for (int row = 0; row < jvm.size(); row++) {
      assertThat(ps.classAt(row)).isEqualTo(pj.classAt(row));
    }
  }

  /** Every customer's row of the distributed scoring equals the single-JVM result's. */
  private static void assertSameRows(DistributedRfm spark, RfmResult jvm) {
    List<CustomerRfm> rows = spark.customers().collectAsList().stream().map(RfmRow::toCustomerRfm)
        .sorted(java.util.Comparator.comparingLong(CustomerRfm::customer)).toList();
    assertThat(rows).hasSize(jvm.size()).isEqualTo(jvm.stream().toList());
    assertThat(spark.cuts().customers()).isEqualTo(jvm.size());
    for (Dimension d : Dimension.values()) {
      assertThat(spark.cuts().thresholds(d)).as("thresholds of %s", d).isEqualTo(jvm.scoreBins(d).thresholds());
    }
  }

  @Test
  void oneMillionSyntheticRowsScoredWhereTheCustomersLieEqualOneJvmWithoutGatheringThem() {
    int rows = 1_000_000;
    SyntheticTransactions.Arrays a = SyntheticTransactions.arrays(rows, 42, 100_000);
    LocalDate asOf = LocalDate.ofEpochDay(SyntheticTransactions.FIRST_DAY + SyntheticTransactions.DAYS - 30L);
    Dataset<Txn> ds = SyntheticTransactions.dataset(spark, rows, 42, 100_000).repartition(8).cache();
    for (Binning binning : List.of(Binning.NTILE, Binning.QUANTILE)) {
      RfmAnalysis analysis = RfmAnalysis.builder().asOf(asOf).currency(EUR).binning(binning).build();
      RfmResult jvm = analysis.run(TransactionSource.ofArrays(EUR, a.customers(), a.days(), a.amounts()));
      DistributedRfm onSpark = SparkSegmentation.rfmDistributed(ds, analysis, 6);
      assertSameRows(onSpark, jvm);
      // ~95,000 customers > the 65,536-key gather limit: count and sketch, histogram, gather of a few ranges
      assertThat(jvm.size()).isGreaterThan(65_536);
      assertThat(onSpark.searchRounds()).isEqualTo(3);
    }
    ds.unpersist();
  }

  @Test
  void oneMillionSyntheticRowsScoreAndSegmentAsInOneJvm() {
    int rows = 1_000_000;
    long seed = 42;
    int customers = 100_000;
    SyntheticTransactions.Arrays a = SyntheticTransactions.arrays(rows, seed, customers);
    LocalDate asOf = LocalDate.ofEpochDay(SyntheticTransactions.FIRST_DAY + SyntheticTransactions.DAYS - 30L);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(asOf).currency(EUR).build();
    RfmResult jvm = analysis.run(TransactionSource.ofArrays(EUR, a.customers(), a.days(), a.amounts()));
    Dataset<Txn> ds = SyntheticTransactions.dataset(spark, rows, seed, customers).repartition(8);
    RfmResult onSpark = SparkSegmentation.rfm(ds, analysis);
    assertThat(jvm.excludedAfterAsOf()).isPositive(); // the as-of date cuts the data
    assertSameRfm(onSpark, jvm);

    LocalDate calibrationEnd = asOf.minusDays(180);
    CustomerBaseSummary summary = CustomerBaseSummary.builder().calibrationEnd(calibrationEnd).holdoutEnd(asOf)
        .unit(PeriodUnit.WEEKS).build();
    CustomerBaseSummary.Result btydJvm = summary.summarize(
        TransactionSource.ofArrays(EUR, a.customers(), a.days(), a.amounts()));
    CustomerBaseSummary.Result btydSpark = SparkSegmentation.btyd(ds, EUR, calibrationEnd, asOf, PeriodUnit.WEEKS, 4);
    assertThat(btydSpark.customers()).hasSize(btydJvm.customers().size()).isEqualTo(btydJvm.customers());
    assertThat(btydSpark.customersFirstAfterCalibration()).isEqualTo(btydJvm.customersFirstAfterCalibration());
    assertThat(btydSpark.transactionsAfterEnd()).isEqualTo(btydJvm.transactionsAfterEnd());
    assertThat(btydSpark.holdoutDuration()).isEqualTo(btydJvm.holdoutDuration());
    assertThat(btydSpark.rejections()).isEqualTo(btydJvm.rejections());
  }

  @Test
  void distinctDayFrequencyAndMeanMonetaryMatchOneJvmToo() {
    int rows = 200_000;
    SyntheticTransactions.Arrays a = SyntheticTransactions.arrays(rows, 7, 20_000);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(18_800)).currency(EUR)
        .frequencyMode(FrequencyMode.DISTINCT_DAYS).monetaryMode(org.ecrm.segmentation.MonetaryMode.MEAN).bins(4)
        .build();
    RfmResult jvm = analysis.run(TransactionSource.ofArrays(EUR, a.customers(), a.days(), a.amounts()));
    assertSameRfm(SparkSegmentation.rfm(SyntheticTransactions.dataset(spark, rows, 7, 20_000).repartition(5),
        analysis), jvm);
    assertSameRows(SparkSegmentation.rfmDistributed(SyntheticTransactions.dataset(spark, rows, 7, 20_000)
        .repartition(5), analysis, 3), jvm);
  }

  @Test
  void anEmptyDatasetGivesAnEmptyResult() {
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2024, 1, 1)).currency(EUR).build();
    RfmResult r = SparkSegmentation.rfm(spark.emptyDataset(Encoders.bean(Txn.class)), analysis);
    assertThat(r.size()).isZero();
    DistributedRfm d = SparkSegmentation.rfmDistributed(spark.emptyDataset(Encoders.bean(Txn.class)), analysis, 4);
    assertThat(d.customers().count()).isZero();
    assertThat(d.cuts().customers()).isZero();
    assertThatThrownBy(() -> SparkSegmentation.rfmDistributed(spark.emptyDataset(Encoders.bean(Txn.class)),
        analysis, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parts");
    assertThat(SparkSegmentation.btyd(spark.emptyDataset(Encoders.bean(Txn.class)), EUR, LocalDate.of(2024, 1, 1),
        null, PeriodUnit.DAYS, 2).customers()).isEmpty();
  }

  @Test
  void theBenchCsvLayoutIsReadIntoMinorUnits(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "customer_id,date,amount\n7,2024-01-02,12.50\n7,2024-01-03,-2.05\n9,2023-12-31,3\n");
    List<Txn> rows = SparkSegmentation.readCsv(spark, csv.toString(), EUR).collectAsList();
    assertThat(rows).extracting(Txn::getCustomer, Txn::getEpochDay, Txn::getAmountMinor).containsExactly(
        org.assertj.core.groups.Tuple.tuple(7L, (int) LocalDate.of(2024, 1, 2).toEpochDay(), 1250L),
        org.assertj.core.groups.Tuple.tuple(7L, (int) LocalDate.of(2024, 1, 3).toEpochDay(), -205L),
        org.assertj.core.groups.Tuple.tuple(9L, (int) LocalDate.of(2023, 12, 31).toEpochDay(), 300L));
  }

  @Test
  void onlineRetailScoresSegmentsAndSummariesAsInOneJvm() {
    Path gz = SparkTestSupport.sharedData("online-retail/online-retail.csv.gz");
    assumeTrue(Files.exists(gz), () -> "shared data not present: " + gz);
    Dataset<Row> raw = spark.read().option("header", "true").csv(gz.toString());
    Dataset<Txn> ds = raw.filter((FilterFunction<Row>) r -> r.getString(6) != null && !r.getString(6).isEmpty())
        .map((MapFunction<Row, Txn>) r -> {
          String id = r.getString(6);
          long customer = Long.parseLong(id.endsWith(".0") ? id.substring(0, id.length() - 2) : id);
          int day = (int) LocalDate.parse(r.getString(4).substring(0, 10)).toEpochDay();
          long pence = new java.math.BigDecimal(r.getString(5)).multiply(java.math.BigDecimal.valueOf(
              Long.parseLong(r.getString(3)))).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN)
              .longValueExact();
          return new Txn(customer, day, pence);
        }, Encoders.bean(Txn.class)).cache();
    List<Txn> all = ds.collectAsList();
    assertThat(all).hasSize(406_829);
    long[] c = new long[all.size()];
    int[] d = new int[all.size()];
    long[] a = new long[all.size()];
    int maxDay = 0;
    for (int i = 0; i < c.length; i++) {
      c[i] = all.get(i).getCustomer();
      d[i] = all.get(i).getEpochDay();
      a[i] = all.get(i).getAmountMinor();
      maxDay = Math.max(maxDay, d[i]);
    }
    LocalDate asOf = LocalDate.ofEpochDay(maxDay + 1L);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(asOf).currency(GBP).build();
    RfmResult jvm = analysis.run(TransactionSource.ofArrays(GBP, c, d, a));
    assertThat(jvm.size()).isEqualTo(4372);
    assertSameRfm(SparkSegmentation.rfm(ds, analysis), jvm);
    DistributedRfm distributed = SparkSegmentation.rfmDistributed(ds, analysis, 4);
    assertSameRows(distributed, jvm);
    assertThat(distributed.searchRounds()).isEqualTo(2); // 4,372 customers: count and sketch, then gather

    LocalDate calibrationEnd = asOf.minusDays(120);
    CustomerBaseSummary summary = CustomerBaseSummary.builder().calibrationEnd(calibrationEnd).holdoutEnd(asOf).build();
    CustomerBaseSummary.Result btydJvm = summary.summarize(TransactionSource.ofArrays(GBP, c, d, a));
    CustomerBaseSummary.Result btydSpark = SparkSegmentation.btyd(ds, GBP, calibrationEnd, asOf, PeriodUnit.DAYS, 4);
    assertThat(btydSpark.customers()).isEqualTo(btydJvm.customers());
    assertThat(btydSpark.customersFirstAfterCalibration()).isEqualTo(btydJvm.customersFirstAfterCalibration());
    assertThat(btydSpark.transactionsAfterEnd()).isEqualTo(btydJvm.transactionsAfterEnd());
  }
}
