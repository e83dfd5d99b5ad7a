package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RejectedRecord;

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
import org.ecrm.core.model.CustomerId;

/**
 * Scored customers, in ascending customer-key order, with columnar access by row index
 * {@code 0..size()-1}, lookup by the host's customer id ({@link #find(String)}, {@link #find(CustomerId)})
 * or the engine's key, segment sizes and revenue, the R×F heat map and writers.
 *
 * <p>Customer ids: an id that is a 64-bit integer is its own key ({@code 0042} and {@code 42} are one
 * customer, {@code 42}); any other id ({@code abc}, {@code C-0042}) keeps its text, which
 * {@link #customerId(int)} and the writers give back, under a key derived from the text (such customers
 * sort before the numeric ones, in an order that depends on the text alone).
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

  /** The engine's customer key at {@code row} (the id itself for a numeric id). */
  long customer(int row);

  /** The customer's id at {@code row} as the host has it: {@code C-0042}, or the digits of a numeric id. */
  String customerId(int row);

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

  /**
   * The row of the customer with the host's id {@code customerId} ({@code "C-0042"}, {@code "42"}), if
   * scored; empty also for a text that cannot be a customer id.
   */
  OptionalInt rowOf(String customerId);

  /** The record of the customer with the host's id {@code customerId}, if scored. */
  Optional<CustomerRfm> find(String customerId);

  /** The record of the crm-core customer {@code id}, if scored. */
  Optional<CustomerRfm> find(CustomerId id);

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
  List<RejectedRecord> rejections();

  /** Records skipped on purpose, per reason. */
  Map<String, Long> skipped();

  /**
   * Writes CSV: header {@code customer,recency_days,frequency,monetary,r,f,m,segment}, the customer as
   * {@link #customerId(int)}, monetary in major units (e.g. {@code 12.50}), one row per customer in key
   * order. Customer ids are neutralised like segment names. Segment names are neutralised
   * against spreadsheet formula injection ({@link org.ecrm.core.io.SafeText#csvCell}): a name starting
   * with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR is written with a leading {@code '}.
   *
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  void writeCsv(Writer out) throws IOException;

  /**
   * Writes JSON: {@code {"asOf":…,"currency":…,"bins":…,"segments":[…],"customers":[{…}]}}; a
   * customer is a number for a numeric id, else the id text as a string.
   *
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  void writeJson(Writer out) throws IOException;
}
