package org.ecrm.examples.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Currency;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionBatch;

/**
 * The buffer of {@link RfmAggregator}: the library's {@link RfmAccumulator} plus a small column buffer,
 * so rows reach the accumulator in batches of {@value #BATCH} rather than one by one. It travels between
 * executors as the accumulator's own byte form ({@link RfmAccumulator#toBytes()}).
 *
 * <p>Not thread-safe (Spark gives each task its own buffer).
 */
public final class RfmBuffer implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int BATCH = 8192;

  private transient RfmAccumulator accumulator;
  private final String currency;
  private transient long[] customers = new long[BATCH];
  private transient int[] days = new int[BATCH];
  private transient long[] amounts = new long[BATCH];
  private transient int pending;
  private long rows;

  RfmBuffer(RfmAccumulator accumulator, Currency currency) {
    this.accumulator = accumulator;
    this.currency = currency.getCurrencyCode();
  }

  void add(long customer, int epochDay, long amountMinor) {
    customers[pending] = customer;
    days[pending] = epochDay;
    amounts[pending] = amountMinor;
    if (++pending == BATCH) {
      flush();
    }
  }

  RfmBuffer merge(RfmBuffer other) {
    flush();
    other.flush();
    accumulator.merge(other.accumulator);
    rows += other.rows;
    return this;
  }

  /** The accumulated state, with every buffered row added. */
  public RfmAccumulator accumulator() {
    flush();
    return accumulator;
  }

  private void flush() {
    if (pending > 0) {
      // record numbers count rows added to this buffer (they name rows in rejections)
      accumulator.add(TransactionBatch.of(Currency.getInstance(currency), customers, days, amounts, pending, rows));
      rows += pending;
      pending = 0;
    }
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    flush();
    out.defaultWriteObject();
    byte[] state = accumulator.toBytes();
    out.writeInt(state.length);
    out.write(state);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    byte[] state = new byte[in.readInt()];
    in.readFully(state);
    accumulator = RfmAccumulator.fromBytes(state);
    customers = new long[BATCH];
    days = new int[BATCH];
    amounts = new long[BATCH];
    pending = 0;
  }
}
