package org.ecrm.examples.spark;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmCuts;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.engine.TransactionSource;
import org.jspecify.annotations.Nullable;

/**
 * RFM, Pareto/ABC and the BTYD customer-base summary of a Spark {@code Dataset<Txn>}, with results equal
 * to the single-JVM engine's.
 *
 * <ul>
 *   <li>RFM: {@link RfmAggregator} merges the per-task accumulators into one state (a Spark global
 *       aggregate: partial states per task, merged in a tree), which {@link RfmAnalysis#score} scores on
 *       the driver, so NTILE sees the global order exactly as in one JVM. The transactions scale out; the
 *       merged per-customer state (about 28 bytes a customer) is what the driver holds (SPARK.md).
 *   <li>RFM that never gathers the customers: {@link #rfmDistributed} aggregates per customer-hash part
 *       with the same {@link RfmAggregator}, finds the global NTILE / quantile cut points with the
 *       library's {@link RfmCuts} search (a count-and-sketch round, a histogram round and a gather round
 *       of a few keys, as small Spark jobs over the per-part states) and scores each part where it lies,
 *       so the driver holds kilobytes whatever the number of customers.
 *   <li>Pareto / ABC / Lorenz / Gini: {@link org.ecrm.segmentation.Pareto#of(RfmResult)} of that result.
 *   <li>BTYD: every customer's summary depends on that customer's transactions only, so the rows are
 *       hash-partitioned by customer and each partition is summarised by the library's
 *       {@link CustomerBaseSummary}; the partial results are concatenated in customer-key order.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkSegmentation {
  private SparkSegmentation() {
  }

  /**
   * Reads the bench CSV layout {@code customer_id,date,amount} (header, ISO dates, decimal amounts with
   * at most the currency's fraction digits) as transactions.
   */
  public static Dataset<Txn> readCsv(SparkSession spark, String path, Currency currency) {
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    Dataset<Row> rows = spark.read().option("header", "true").option("inferSchema", "false").csv(path);
    return rows.map((MapFunction<Row, Txn>) r -> new Txn(Long.parseLong(r.getString(0).trim()),
        (int) LocalDate.parse(r.getString(1).trim()).toEpochDay(),
        new BigDecimal(r.getString(2).trim()).movePointRight(digits).longValueExact()), Encoders.bean(Txn.class));
  }

  /**
   * Scores {@code transactions} with {@code analysis} (whose currency must be fixed): the merged state of
   * {@link RfmAggregator}, scored on the driver. Equal to {@code analysis.run} over the same rows in one
   * JVM, except that the record numbers of rejections (amounts that would overflow a customer's sum)
   * count rows within a task. Input already partitioned by customer (e.g. {@code repartition(n,
   * col("customer"))} or a bucketed table) makes the partial states disjoint and the final merge several
   * times cheaper (SPARK.md).
   */
  public static RfmResult rfm(Dataset<Txn> transactions, RfmAnalysis analysis) {
    Objects.requireNonNull(transactions, "transactions");
    RfmBuffer merged = transactions.select(RfmAggregator.of(analysis).toColumn()).collectAsList().get(0);
    return analysis.score(merged.accumulator());
  }

  /**
   * Scores {@code transactions} with {@code analysis} without gathering the customers anywhere: rows are
   * grouped into {@code parts} parts by customer hash, each part's state is the library's accumulator
   * (built by {@link RfmAggregator}, kept cached), the global cut points come from the
   * {@link RfmAnalysis#cutSearch() cut search} (each round one small job whose per-part replies are
   * tree-merged), and each part is scored against them by {@link RfmAnalysis#score(
   * org.ecrm.segmentation.engine.RfmAccumulator, RfmCuts)}. Every customer's row equals the single-JVM
   * result's. The cached states stay until the returned Dataset's job has run; unpersist is left to the
   * caller's session lifetime.
   *
   * @throws IllegalArgumentException if {@code parts} is not positive or the analysis fixes no currency
   */
  public static DistributedRfm rfmDistributed(Dataset<Txn> transactions, RfmAnalysis analysis, int parts) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(analysis, "analysis");
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be positive: " + parts);
    }
    RfmAggregator aggregator = RfmAggregator.of(analysis);
    Dataset<RfmBuffer> states = transactions
        .groupByKey((MapFunction<Txn, Integer>) t -> part(t.getCustomer(), parts), Encoders.INT())
        .agg(aggregator.toColumn())
        .map((MapFunction<scala.Tuple2<Integer, RfmBuffer>, RfmBuffer>) scala.Tuple2::_2,
            Encoders.javaSerialization(RfmBuffer.class))
        .persist(StorageLevel.MEMORY_AND_DISK());
    RfmCuts.Search search = analysis.cutSearch();
    while (!search.done()) {
      RfmCuts.Probe probe = search.probe();
      Function2<RfmCuts.Reply, RfmCuts.Reply, RfmCuts.Reply> merge = RfmCuts.Reply::merge;
      RfmCuts.Reply merged = states.javaRDD()
          .map((Function<RfmBuffer, RfmCuts.Reply>) b -> probe.answer(b.accumulator()))
          .treeAggregate(probe.empty(), merge, merge);
      search.accept(merged);
    }
    RfmCuts cuts = search.cuts();
    Dataset<RfmRow> rows = states.flatMap((FlatMapFunction<RfmBuffer, RfmRow>) b -> analysis.score(
        b.accumulator(), cuts).stream().map(RfmRow::of).iterator(), Encoders.bean(RfmRow.class));
    return new DistributedRfm(rows, cuts, search.rounds());
  }

  /** The part of a customer: a mixed hash of the key, so sequential keys spread evenly. */
  static int part(long customer, int parts) {
    long h = customer * 0x9E3779B97F4A7C15L;
    return Math.floorMod((int) (h ^ (h >>> 32)), parts);
  }

  /**
   * The BTYD summary of {@code transactions}: hash-partitioned by customer into {@code partitions}
   * partitions, each summarised by {@link CustomerBaseSummary}; equal to summarising all of them in one
   * JVM except that rejection record numbers count within a partition.
   */
  public static CustomerBaseSummary.Result btyd(Dataset<Txn> transactions, Currency currency,
      LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd, PeriodUnit unit, int partitions) {
    String code = currency.getCurrencyCode();
    List<BtydPart> parts = transactions.repartition(partitions, col("customer"))
        .mapPartitions((MapPartitionsFunction<Txn, BtydPart>) it -> summarizePartition(it, code, calibrationEnd,
            holdoutEnd, unit), Encoders.javaSerialization(BtydPart.class))
        .collectAsList();
    CustomerBaseSummary summary = summary(calibrationEnd, holdoutEnd, unit);
    CustomerBaseSummary.Result empty = summary.summarize(
        TransactionSource.ofArrays(currency, new long[0], new int[0], new long[0]));
    List<BtydCustomer> customers = new ArrayList<>();
    List<RejectedRecord> rejections = new ArrayList<>();
    int firstAfter = 0;
    long afterEnd = 0;
    for (BtydPart p : parts) {
      for (int i = 0; i < p.customer.length; i++) {
        customers.add(new BtydCustomer(p.customer[i], p.frequency[i], p.recency[i], p.t[i],
            new BigDecimal(p.monetary[i]), p.frequencyHoldout[i], new BigDecimal(p.monetaryHoldout[i])));
      }
      for (int i = 0; i < p.rejectionRecord.length; i++) {
        rejections.add(new RejectedRecord(p.rejectionRecord[i], p.rejectionField[i], p.rejectionReason[i]));
      }
      firstAfter += p.firstAfterCalibration;
      afterEnd += p.transactionsAfterEnd;
    }
    customers.sort(Comparator.comparingLong(BtydCustomer::customer));
    return new CustomerBaseSummary.Result(customers, currency, unit, empty.holdoutDuration(), firstAfter, afterEnd,
        Collections.unmodifiableList(rejections));
  }

  private static CustomerBaseSummary summary(LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd,
      PeriodUnit unit) {
    CustomerBaseSummary.Builder b = CustomerBaseSummary.builder().calibrationEnd(calibrationEnd).unit(unit);
    if (holdoutEnd != null) {
      b.holdoutEnd(holdoutEnd);
    }
    return b.build();
  }

  private static Iterator<BtydPart> summarizePartition(Iterator<Txn> it, String currency, LocalDate calibrationEnd,
      @Nullable LocalDate holdoutEnd, PeriodUnit unit) {
    LongColumns cols = new LongColumns();
    while (it.hasNext()) {
      Txn t = it.next();
      cols.add(t.getCustomer(), t.getEpochDay(), t.getAmountMinor());
    }
    if (cols.size == 0) {
      return Collections.emptyIterator();
    }
    CustomerBaseSummary.Result r = summary(calibrationEnd, holdoutEnd, unit).summarize(
        TransactionSource.ofArrays(Currency.getInstance(currency), java.util.Arrays.copyOf(cols.customers, cols.size),
            java.util.Arrays.copyOf(cols.days, cols.size), java.util.Arrays.copyOf(cols.amounts, cols.size)));
    return List.of(new BtydPart(r)).iterator();
  }

  /** A growable set of three columns. */
  private static final class LongColumns {
    long[] customers = new long[1024];
    int[] days = new int[1024];
    long[] amounts = new long[1024];
    int size;

    void add(long c, int d, long a) {
      if (size == customers.length) {
        customers = java.util.Arrays.copyOf(customers, size * 2);
        days = java.util.Arrays.copyOf(days, size * 2);
        amounts = java.util.Arrays.copyOf(amounts, size * 2);
      }
      customers[size] = c;
      days[size] = d;
      amounts[size] = a;
      size++;
    }
  }

  /** One partition's BTYD rows in columns (serializable; amounts as decimal strings); public only for Spark's encoder. */
  public static final class BtydPart implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] customer;
    final int[] frequency;
    final double[] recency;
    final double[] t;
    final String[] monetary;
    final int[] frequencyHoldout;
    final String[] monetaryHoldout;
    final long[] rejectionRecord;
    final String[] rejectionField;
    final String[] rejectionReason;
    final int firstAfterCalibration;
    final long transactionsAfterEnd;

    BtydPart(CustomerBaseSummary.Result r) {
      int n = r.customers().size();
      customer = new long[n];
      frequency = new int[n];
      recency = new double[n];
      t = new double[n];
      monetary = new String[n];
      frequencyHoldout = new int[n];
      monetaryHoldout = new String[n];
      for (int i = 0; i < n; i++) {
        BtydCustomer c = r.customers().get(i);
        customer[i] = c.customer();
        frequency[i] = c.frequency();
        recency[i] = c.recency();
        t[i] = c.t();
        monetary[i] = c.monetaryValue().toString();
        frequencyHoldout[i] = c.frequencyHoldout();
        monetaryHoldout[i] = c.monetaryValueHoldout().toString();
      }
      int m = r.rejections().size();
      rejectionRecord = new long[m];
      rejectionField = new String[m];
      rejectionReason = new String[m];
      for (int i = 0; i < m; i++) {
        RejectedRecord x = r.rejections().get(i);
        rejectionRecord[i] = x.record();
        rejectionField[i] = x.field();
        rejectionReason[i] = x.reason();
      }
      firstAfterCalibration = r.customersFirstAfterCalibration();
      transactionsAfterEnd = r.transactionsAfterEnd();
    }
  }
}
