package org.ecrm.examples.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.engine.TransactionSource;

/**
 * The accepted purchases of a transaction source, kept as columns (customer key, day, amount in minor
 * units) for the report's time series, headline figures, cohorts, lifetime values and segment migration.
 * Use it as a {@link TransactionSink} (rejected and skipped records are ignored here; the RFM analysis
 * reports them) or tee it into the analysis' read with {@link #tee(TransactionSource)}. Memory: 20 bytes
 * per purchase.
 *
 * <p>Thread-safe (synchronized); the report reads it after the source is done.
 */
public final class Purchases implements TransactionSink {
  private long[] customers = new long[1024];
  private int[] days = new int[1024];
  private long[] amounts = new long[1024];
  private int size;
  private @org.jspecify.annotations.Nullable Currency currency;

  /** An empty collection. */
  public Purchases() {
    // filled by accept
  }

  /**
   * A source that reads {@code source} and copies every accepted batch into this collection as well.
   *
   * @param source the source the analysis reads
   * @return the same transactions, recorded here on the way
   */
  public TransactionSource tee(TransactionSource source) {
    Objects.requireNonNull(source, "Purchases.source");
    return sink -> source.read(new TransactionSink() {
      @Override
      public void accept(TransactionBatch batch) {
        Purchases.this.accept(batch);
        sink.accept(batch);
      }

      @Override
      public void reject(RejectedRecord rejection) {
        sink.reject(rejection);
      }

      @Override
      public void skip(String reason) {
        sink.skip(reason);
      }
    });
  }

  @Override
  public synchronized void accept(TransactionBatch batch) {
    if (currency != null && !currency.equals(batch.currency())) {
      throw new IllegalArgumentException("Purchases.currency: batch in " + batch.currency() + " after " + currency);
    }
    currency = batch.currency();
    int n = batch.size();
    if (size + n > customers.length) {
      int cap = Math.max(size + n, customers.length * 2);
      customers = Arrays.copyOf(customers, cap);
      days = Arrays.copyOf(days, cap);
      amounts = Arrays.copyOf(amounts, cap);
    }
    for (int i = 0; i < n; i++) {
      customers[size] = batch.customer(i);
      days[size] = batch.epochDay(i);
      amounts[size] = batch.amountMinor(i);
      size++;
    }
  }

  /** Ignored: the analysis that reads the same source reports rejected records. */
  @Override
  public void reject(RejectedRecord rejection) {
    // reported by the analysis
  }

  /** Ignored: the analysis that reads the same source counts skipped records. */
  @Override
  public void skip(String reason) {
    // counted by the analysis
  }

  /** Number of purchases kept. */
  public synchronized int size() {
    return size;
  }

  /** The currency of the purchases, empty before the first batch. */
  public synchronized Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  /** The first purchase day, empty when there is none. */
  public synchronized Optional<LocalDate> firstDay() {
    return extremeDay(true);
  }

  /** The last purchase day, empty when there is none. */
  public synchronized Optional<LocalDate> lastDay() {
    return extremeDay(false);
  }

  private Optional<LocalDate> extremeDay(boolean min) {
    if (size == 0) {
      return Optional.empty();
    }
    int d = days[0];
    for (int i = 1; i < size; i++) {
      d = min ? Math.min(d, days[i]) : Math.max(d, days[i]);
    }
    return Optional.of(LocalDate.ofEpochDay(d));
  }

  /**
   * The purchases as a source (a copy; later additions are not in it), in {@code fallback} when empty.
   *
   * @param fallback the currency of an empty collection
   * @return a source that may be read any number of times
   */
  public synchronized TransactionSource source(Currency fallback) {
    return TransactionSource.ofArrays(currency != null ? currency : fallback, Arrays.copyOf(customers, size),
        Arrays.copyOf(days, size), Arrays.copyOf(amounts, size));
  }

  /** A snapshot for the report's computations. */
  synchronized Columns columns() {
    return new Columns(Arrays.copyOf(customers, size), Arrays.copyOf(days, size), Arrays.copyOf(amounts, size));
  }

  /** Columns of equal length. */
  record Columns(long[] customer, int[] day, long[] amount) {
    int size() {
      return customer.length;
    }
  }
}
