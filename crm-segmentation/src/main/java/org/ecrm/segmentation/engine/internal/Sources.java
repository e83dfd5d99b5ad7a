package org.ecrm.segmentation.engine.internal;

import java.time.LocalDate;
import java.util.Currency;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSink;
import org.jspecify.annotations.Nullable;

/** The array and iterable adapters. Stateless. */
public final class Sources {
  /** Rows per batch handed to a sink. */
  public static final int BATCH = 1 << 16;

  private Sources() {
  }

  public static void arrays(Currency currency, long[] customers, int[] days, long[] amounts,
      TransactionSink sink) {
    int n = customers.length;
    if (n == 0) {
      return;
    }
    // One batch over the whole arrays: zero copies.
    sink.accept(TransactionBatch.of(currency, customers, days, amounts, n, 0));
  }

  public static <T> void iterable(Currency currency, Iterable<T> items, ToLongFunction<? super T> customer,
      Function<? super T, LocalDate> date, ToLongFunction<? super T> amountMinor, TransactionSink sink) {
    BatchBuilder b = new BatchBuilder(currency, sink);
    long record = 0;
    for (T item : items) {
      long rec = record++;
      if (item == null) {
        sink.reject(new RejectedRecord(rec, "item", "is null"));
        continue;
      }
      String field = "customer";
      try {
        long c = customer.applyAsLong(item);
        field = "date";
        LocalDate d = date.apply(item);
        if (d == null) {
          sink.reject(new RejectedRecord(rec, "date", "is null"));
          continue;
        }
        field = "amount";
        long a = amountMinor.applyAsLong(item);
        b.add(rec, c, d.toEpochDay(), a);
      } catch (RuntimeException e) {
        sink.reject(new RejectedRecord(rec, field, "could not be read: " + e));
      }
    }
    b.flush();
  }

  /** Collects rows into reusable column arrays and hands full batches to the sink. */
  public static final class BatchBuilder {
    private final Currency currency;
    private final TransactionSink sink;
    private long[] customers = new long[BATCH];
    private int[] days = new int[BATCH];
    private long[] amounts = new long[BATCH];
    private String @Nullable [] ids;
    private int size;
    private long first = -1;

    public BatchBuilder(Currency currency, TransactionSink sink) {
      this.currency = currency;
      this.sink = sink;
    }

    /** Adds a row; days before 1970-01-01 are rejected (record, field "date"). */
    public void add(long record, long customer, long epochDay, long amountMinor) {
      add(record, customer, null, epochDay, amountMinor);
    }

    /**
     * Adds a row whose customer is the named id {@code name} with key {@code customer} (null for a
     * numeric key); days before 1970-01-01 are rejected (record, field "date").
     */
    public void add(long record, long customer, @Nullable String name, long epochDay, long amountMinor) {
      if (epochDay < 0 || epochDay > Integer.MAX_VALUE) {
        sink.reject(new RejectedRecord(record, "date", "is before 1970-01-01 or out of range: "
            + LocalDate.ofEpochDay(epochDay)));
        return;
      }
      if (size == 0) {
        first = record;
      }
      customers[size] = customer;
      if (name != null && ids == null) {
        ids = new String[BATCH];
      }
      if (ids != null) {
        ids[size] = name;
      }
      days[size] = (int) epochDay;
      amounts[size] = amountMinor;
      if (++size == BATCH) {
        flush();
      }
    }

    public void flush() {
      if (size > 0) {
        sink.accept(BatchAccess.get().wrap(currency, customers, ids, days, amounts, size, first));
        size = 0;
      }
    }
  }
}
