package org.ecrm.segmentation.engine;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Streams transactions as columnar {@link TransactionBatch}es, so a host can feed the engine from any
 * store without materialising one object per purchase. This is the segmentation SPI: implement
 * {@link #read(TransactionSink)} to plug in a database cursor, a message stream or a file format.
 *
 * <p>Adapters shipped: {@link #ofArrays}, {@link #ofIterable}, {@link org.ecrm.segmentation.TransactionSources#csv} and
 * {@link org.ecrm.segmentation.TransactionSources#orders}. One analysis uses one currency: a batch in another currency is a
 * {@link MixedCurrencyException}.
 *
 * <p>Implementations state their own thread safety; the shipped adapters may be read any number of
 * times, from one thread at a time each read.
 */
@FunctionalInterface
public interface TransactionSource {

  /**
   * Reads every transaction into {@code sink}.
   *
   * @throws java.io.UncheckedIOException if the underlying store fails
   */
  void read(TransactionSink sink);

  /**
   * Three parallel columns. The arrays are read when {@link #read} runs, not copied.
   *
   * @throws IllegalArgumentException if the columns differ in length
   */
  static TransactionSource ofArrays(Currency currency, long[] customers, int[] epochDays,
      long[] amountsMinor) {
    Objects.requireNonNull(currency, "currency");
    if (customers.length != epochDays.length || customers.length != amountsMinor.length) {
      throw new IllegalArgumentException("columns must have the same length: customers "
          + customers.length + ", epochDays " + epochDays.length + ", amountsMinor " + amountsMinor.length);
    }
    return sink -> Sources.arrays(currency, customers, epochDays, amountsMinor, sink);
  }

  /**
   * Any iterable of host objects, read through three accessors; rows whose accessor fails or returns
   * null are rejected (with the record number and field) and the others kept.
   */
  static <T> TransactionSource ofIterable(Currency currency, Iterable<T> items,
      ToLongFunction<? super T> customer, Function<? super T, LocalDate> date,
      ToLongFunction<? super T> amountMinor) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amountMinor, "amountMinor");
    return sink -> Sources.iterable(currency, items, customer, date, amountMinor, sink);
  }
}
