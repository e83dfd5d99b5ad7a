package org.ecrm.segmentation.engine;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.ecrm.segmentation.engine.internal.EngineAccess;
import org.ecrm.segmentation.internal.util.CustomerIds;
import org.jspecify.annotations.Nullable;

/**
 * A columnar batch of transactions: parallel primitive columns for the customer key, the purchase day
 * (days since 1970-01-01, {@link LocalDate#toEpochDay()}) and the amount in minor units of one
 * {@link Currency}. Nothing is boxed per transaction.
 *
 * <p>Customer keys: a source whose customer ids are 64-bit integers passes them as the keys
 * ({@link #of}). A source with other ids ({@code abc}, {@code C-0042}) passes the id texts
 * ({@link #ofIds}): an id that is a 64-bit integer is still its own key, any other gets a key derived from
 * its text alone (so parts read apart agree on it) and the engine keeps the text, which results give back
 * ({@link org.ecrm.segmentation.RfmResult#customerId(int)}).
 *
 * <p>The batch wraps the arrays it is given without copying them; the producer must not change them
 * until the consumer returns. Row {@code i} has the record number {@code firstRecord() + i}, used in
 * error messages and rejections.
 *
 * <p>Not thread-safe: a batch is handed from one producer to one consumer.
 */
public final class TransactionBatch {
  private final Currency currency;
  private final long[] customers;
  private final String @Nullable [] ids;
  private final int[] days;
  private final long[] amounts;
  private final int size;
  private final long firstRecord;

  /** A batch over the given columns, unchecked ({@code ids} as {@link #idColumn()} describes them). */
  TransactionBatch(Currency currency, long[] customers, String @Nullable [] ids, int[] days,
      long[] amounts, int size, long firstRecord) {
    this.currency = currency;
    this.customers = customers;
    this.ids = ids;
    this.days = days;
    this.amounts = amounts;
    this.size = size;
    this.firstRecord = firstRecord;
  }

  /**
   * Wraps the first {@code size} rows of three parallel columns.
   *
   * @throws IllegalArgumentException if a column is shorter than {@code size} or {@code size} is negative
   */
  public static TransactionBatch of(Currency currency, long[] customers, int[] epochDays,
      long[] amountsMinor, int size, long firstRecord) {
    Objects.requireNonNull(customers, "customers");
    checkColumns(currency, customers.length, epochDays, amountsMinor, size, firstRecord);
    return new TransactionBatch(currency, customers, null, epochDays, amountsMinor, size, firstRecord);
  }

  /**
   * Wraps the first {@code size} rows of a column of customer id texts and two primitive columns. Each
   * id must be a valid customer id (not blank, no white space around it, at most 128 characters, no
   * control characters); the keys are computed here, into a new array.
   *
   * @throws IllegalArgumentException naming the row and record of a bad id, or if a column is shorter
   *     than {@code size} or {@code size} is negative
   */
  public static TransactionBatch ofIds(Currency currency, String[] customerIds, int[] epochDays,
      long[] amountsMinor, int size, long firstRecord) {
    Objects.requireNonNull(customerIds, "customerIds");
    checkColumns(currency, customerIds.length, epochDays, amountsMinor, size, firstRecord);
    long[] keys = new long[size];
    String[] names = new String[size];
    for (int i = 0; i < size; i++) {
      String id = customerIds[i];
      String why = id == null ? "is null" : CustomerIds.problem(id);
      if (why != null) {
        throw new IllegalArgumentException("row " + i + " (record " + (firstRecord + i) + "), field customer: "
            + why + (id == null ? "" : ": " + org.ecrm.core.io.SafeText.quote(id)));
      }
      keys[i] = CustomerIds.key(id);
      names[i] = CustomerIds.isNamed(keys[i]) ? id : null;
    }
    return new TransactionBatch(currency, keys, names, epochDays, amountsMinor, size, firstRecord);
  }

  private static void checkColumns(Currency currency, int customers, int[] epochDays, long[] amountsMinor,
      int size, long firstRecord) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(epochDays, "epochDays");
    Objects.requireNonNull(amountsMinor, "amountsMinor");
    if (size < 0 || customers < size || epochDays.length < size || amountsMinor.length < size) {
      throw new IllegalArgumentException("size must be between 0 and the shortest column length ("
          + Math.min(customers, Math.min(epochDays.length, amountsMinor.length)) + "): " + size);
    }
    if (firstRecord < 0) {
      throw new IllegalArgumentException("firstRecord must not be negative: " + firstRecord);
    }
  }

  /** The currency of every amount in this batch. */
  public Currency currency() {
    return currency;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** The record number of row 0 (record numbers count from 0 over a whole source). */
  public long firstRecord() {
    return firstRecord;
  }

  /** The customer key of row {@code i}. */
  public long customer(int i) {
    return customers[checkRow(i)];
  }

  /** The customer id text of row {@code i}: the id as given to {@link #ofIds}, else the key's digits. */
  public String customerId(int i) {
    checkRow(i);
    return CustomerIds.text(customers[i], ids == null ? null : ids[i]);
  }

  /** The purchase day of row {@code i}, as days since 1970-01-01. */
  public int epochDay(int i) {
    return days[checkRow(i)];
  }

  /** The amount of row {@code i}, in minor units of {@link #currency()}; negative for a refund. */
  public long amountMinor(int i) {
    return amounts[checkRow(i)];
  }

  private int checkRow(int i) {
    return Objects.checkIndex(i, size);
  }

  /** The customer key column (the array as given, possibly longer than {@link #size()}). */
  long[] customerColumn() {
    return customers;
  }

  /** The id texts of named customers (null where the key is numeric), or null when the batch has none. */
  String @Nullable [] idColumn() {
    return ids;
  }

  /** The purchase day column. */
  int[] dayColumn() {
    return days;
  }

  /** The amount column. */
  long[] amountColumn() {
    return amounts;
  }

  static {
    EngineAccess.install(new EngineAccessImpl());
  }
}
