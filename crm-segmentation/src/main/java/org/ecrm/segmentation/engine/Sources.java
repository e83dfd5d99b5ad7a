package org.ecrm.segmentation.engine;

import java.time.LocalDate;
import java.util.Currency;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.ecrm.segmentation.engine.internal.BatchBuilder;
import org.ecrm.segmentation.engine.internal.Rejection;
import org.jspecify.annotations.Nullable;

/** The array and iterable adapters, and the batch builders that feed a sink. Stateless. */
final class Sources {
  private Sources() {
  }

  static void arrays(Currency currency, long[] customers, int[] days, long[] amounts, TransactionSink sink) {
    int n = customers.length;
    if (n == 0) {
      return;
    }
    // One batch over the whole arrays: zero copies.
    sink.accept(TransactionBatch.of(currency, customers, days, amounts, n, 0));
  }

  static <T> void iterable(Currency currency, Iterable<T> items, ToLongFunction<? super T> customer,
      Function<? super T, LocalDate> date, ToLongFunction<? super T> amountMinor, TransactionSink sink) {
    BatchBuilder b = builder(currency, sink);
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

  /** A builder handing zero-copy batches in {@code currency}, and its rejections, to {@code sink}. */
  static BatchBuilder builder(Currency currency, TransactionSink sink) {
    return new BatchBuilder(new BatchBuilder.Target() {
      @Override
      public void accept(long[] customers, String @Nullable [] ids, int[] days, long[] amounts, int size,
          long firstRecord) {
        sink.accept(new TransactionBatch(currency, customers, ids, days, amounts, size, firstRecord));
      }

      @Override
      public void reject(Rejection r) {
        sink.reject(RejectedRecord.of(r));
      }
    });
  }
}
