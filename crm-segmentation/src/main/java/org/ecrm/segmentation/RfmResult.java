package org.ecrm.segmentation;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Scored customers, in ascending customer-key order, with columnar access by row index
 * {@code 0..size()-1}, lookup by customer key, segment sizes and revenue, the R×F heat map and writers.
 *
 * <p>Immutable and thread-safe.
 */
public interface RfmResult {
  /** The analysis date. */
  LocalDate asOf();

  /** The analysis currency (the JVM default's when the input was empty and none was set). */
  Currency currency();

  /** The number of bins n (scores are 1..n). */
  int bins();

  /** The number of scored customers. */
  int size();

  /** The customer key at {@code row}. */
  long customer(int row);

  /** Days from the last purchase to the as-of date. */
  int recencyDays(int row);

  /** Frequency per the analysis' {@link FrequencyMode}. */
  long frequency(int row);

  /** Monetary per the analysis' {@link MonetaryMode}, in minor units. */
  long monetaryMinor(int row);

  /** Recency score. */
  int r(int row);

  /** Frequency score. */
  int f(int row);

  /** Monetary score. */
  int m(int row);

  /** The segment name. */
  String segment(int row);

  /** Everything about {@code row}. */
  CustomerRfm get(int row);

  /** The row of {@code customer}, if scored. */
  OptionalInt rowOf(long customer);

  /** The customer's record, if scored. */
  Optional<CustomerRfm> find(long customer);

  /** All rows in customer-key order. */
  Stream<CustomerRfm> stream();

  /** Segments in table order, "Others" last, each with size and revenue (empty segments included). */
  List<SegmentSummary> segments();

  /** The segment table used. */
  SegmentTable segmentTable();

  /** The bins used for {@code dimension}. */
  ScoreBins scoreBins(Dimension dimension);

  /** Customers with recency score {@code r} and frequency score {@code f}. */
  int heatMapCount(int r, int f);

  /**
   * Mean monetary (major currency units, rounded half-even to 2 more digits than the currency has) of
   * the customers in cell (r, f); empty when the cell has no customer.
   */
  Optional<BigDecimal> heatMapMeanMonetary(int r, int f);

  /** Transactions after the as-of date, left out. */
  long excludedAfterAsOf();

  /** Customers with monetary ≤ 0 (scored or excluded, per {@link NonPositiveMonetary}). */
  int nonPositiveMonetaryCount();

  /** Rejected input records. */
  List<Rejection> rejections();

  /** Records skipped on purpose, per reason. */
  Map<String, Long> skipped();

  /**
   * Writes CSV: header {@code customer,recency_days,frequency,monetary,r,f,m,segment}, monetary in major
   * units (e.g. {@code 12.50}), one row per customer in key order. Segment names are neutralised
   * against spreadsheet formula injection ({@link org.ecrm.core.io.SafeText#csvCell}): a name starting
   * with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR is written with a leading {@code '}.
   *
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  void writeCsv(Writer out) throws IOException;

  /**
   * Writes JSON: {@code {"asOf":…,"currency":…,"bins":…,"segments":[…],"customers":[{…}]}}.
   *
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  void writeJson(Writer out) throws IOException;
}
