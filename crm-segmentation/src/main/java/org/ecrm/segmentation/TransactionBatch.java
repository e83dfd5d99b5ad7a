package org.ecrm.segmentation;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * A columnar batch of transactions: parallel primitive columns for the customer key, the purchase day
 * (days since 1970-01-01, {@link LocalDate#toEpochDay()}) and the amount in minor units of one
 * {@link Currency}. Nothing is boxed per transaction.
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
  private final int[] days;
  private final long[] amounts;
  private final int size;
  private final long firstRecord;

  private TransactionBatch(Currency currency, long[] customers, int[] days, long[] amounts, int size,
      long firstRecord) {
    this.currency = currency;
    this.customers = customers;
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
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(epochDays, "epochDays");
    Objects.requireNonNull(amountsMinor, "amountsMinor");
    if (size < 0 || customers.length < size || epochDays.length < size || amountsMinor.length < size) {
      throw new IllegalArgumentException("size must be between 0 and the shortest column length ("
          + Math.min(customers.length, Math.min(epochDays.length, amountsMinor.length)) + "): " + size);
    }
    if (firstRecord < 0) {
      throw new IllegalArgumentException("firstRecord must not be negative: " + firstRecord);
    }
    return new TransactionBatch(currency, customers, epochDays, amountsMinor, size, firstRecord);
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

  static {
    org.ecrm.segmentation.internal.BatchAccess.install(new org.ecrm.segmentation.internal.BatchAccess() {
      @Override
      public long[] customers(TransactionBatch b) {
        return b.customers;
      }

      @Override
      public int[] days(TransactionBatch b) {
        return b.days;
      }

      @Override
      public long[] amounts(TransactionBatch b) {
        return b.amounts;
      }
    });
  }
}
