package org.ecrm.segmentation.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecrm.segmentation.engine.internal.CustomerTable;
import org.ecrm.segmentation.engine.internal.Rejection;

/**
 * The library's {@link RfmAccumulator}: the API over a {@link CustomerTable}, which holds the state. It
 * checks currencies (a {@link MixedCurrencyException} names the record) and hands the table's
 * rejections out as {@link RejectedRecord}s.
 *
 * <p>Not thread-safe, like the table.
 */
final class TableAccumulator implements RfmAccumulator {
  private final CustomerTable table;

  TableAccumulator(CustomerTable table) {
    this.table = table;
  }

  /** The table this accumulator works on. */
  CustomerTable table() {
    return table;
  }

  private void useCurrency(Currency c, long record) {
    if (!table.useCurrency(c)) {
      throw new MixedCurrencyException(java.util.Objects.requireNonNull(table.currency()), c, record);
    }
  }

  @Override
  public void add(TransactionBatch batch) {
    useCurrency(batch.currency(), batch.firstRecord());
    table.add(batch.customerColumn(), batch.idColumn(), batch.dayColumn(), batch.amountColumn(), batch.size(),
        batch.firstRecord());
  }

  @Override
  public void addAll(TransactionSource source) {
    source.read(new TransactionSink() {
      @Override
      public void accept(TransactionBatch batch) {
        add(batch);
      }

      @Override
      public void reject(RejectedRecord r) {
        table.reject(r.toRejection());
      }

      @Override
      public void skip(String reason) {
        table.skip(reason);
      }
    });
  }

  @Override
  public RfmAccumulator merge(RfmAccumulator other) {
    if (!(other instanceof TableAccumulator o)) {
      throw new IllegalArgumentException("accumulator must come from RfmAnalysis.newAccumulator(): "
          + other.getClass().getName());
    }
    table.checkMergeable(o.table);
    Currency theirs = o.table.currency();
    if (theirs != null) {
      useCurrency(theirs, 0);
    }
    table.merge(o.table);
    return this;
  }

  @Override
  public LocalDate asOf() {
    return table.asOf();
  }

  @Override
  public Optional<Currency> currency() {
    return Optional.ofNullable(table.currency());
  }

  @Override
  public int customers() {
    return table.customers();
  }

  @Override
  public long transactions() {
    return table.transactions();
  }

  @Override
  public long excludedAfterAsOf() {
    return table.excludedAfterAsOf();
  }

  @Override
  public List<RejectedRecord> rejections() {
    List<Rejection> held = table.rejections();
    List<RejectedRecord> out = new ArrayList<>(held.size());
    for (Rejection r : held) {
      out.add(RejectedRecord.of(r));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public Map<String, Long> skipped() {
    return table.skipped();
  }

  @Override
  public long stateBytes() {
    return table.stateBytes();
  }

  @Override
  public byte[] toBytes() {
    return table.toBytes();
  }

  @Override
  public String toString() {
    return table.toString();
  }
}
