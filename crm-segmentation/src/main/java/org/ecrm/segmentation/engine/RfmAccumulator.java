package org.ecrm.segmentation.engine;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Mergeable per-customer RFM state (last day, count, sum, and purchase days when frequency counts
 * days). Transactions may arrive in any order and in any batches; two accumulators of the same analysis
 * merge into one, and merging is associative and commutative, so scores computed from a merged state
 * equal those computed from all the data at once. Scores come from {@link org.ecrm.segmentation.RfmAnalysis#score}.
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them.
 */
public interface RfmAccumulator {
  /**
   * Adds a batch. Transactions after the as-of date are excluded and counted; a transaction whose
   * amount would overflow the customer's sum is rejected (record, field "amount").
   *
   * @throws MixedCurrencyException if the batch is in another currency
   */
  void add(TransactionBatch batch);

  /** Reads a whole source into this accumulator (rejections and skips recorded here). */
  void addAll(TransactionSource source);

  /**
   * Merges {@code other} into this one and returns this; {@code other} is left unchanged.
   *
   * @throws IllegalArgumentException if {@code other} belongs to another analysis (as-of, frequency
   *     mode) or is not one of this library's accumulators
   * @throws MixedCurrencyException if the currencies differ
   * @throws ArithmeticException if a customer's monetary sum overflows 64 bits
   */
  RfmAccumulator merge(RfmAccumulator other);

  /** The analysis date. */
  LocalDate asOf();

  /** The currency, once the first batch set it (or the analysis fixed it). */
  java.util.Optional<Currency> currency();

  /** Distinct customers seen. */
  int customers();

  /** Transactions taken in. */
  long transactions();

  /** Transactions dated after the as-of date, left out. */
  long excludedAfterAsOf();

  /** Every rejected record, in arrival order. */
  List<RejectedRecord> rejections();

  /** Records skipped on purpose, counted per reason. */
  Map<String, Long> skipped();

  /** Approximate heap bytes held by the state. */
  long stateBytes();

  /**
   * The whole state in a compact, self-describing byte form (about 28 bytes per customer plus 8 per
   * purchase day when counting days), for shipping partial states between processes, e.g. as the buffer
   * of a distributed aggregation. {@link #fromBytes} reads it back into an equal accumulator.
   */
  byte[] toBytes();

  /**
   * Reads the form written by {@link #toBytes()}: an accumulator with the same as-of date, frequency
   * mode, currency, counts, rejections and per-customer state, which merges and scores like the original.
   * Work inside it runs on the calling thread.
   *
   * @throws IllegalArgumentException if {@code bytes} is not such a form (another format or truncated)
   */
  static RfmAccumulator fromBytes(byte[] bytes) {
    java.util.Objects.requireNonNull(bytes, "bytes");
    return new TableAccumulator(org.ecrm.segmentation.engine.internal.CustomerTable.fromBytes(bytes, 1));
  }
}
