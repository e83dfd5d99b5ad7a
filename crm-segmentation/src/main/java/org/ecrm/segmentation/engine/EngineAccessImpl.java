package org.ecrm.segmentation.engine;

import java.util.Currency;
import org.ecrm.segmentation.engine.internal.BatchBuilder;
import org.ecrm.segmentation.engine.internal.CustomerTable;
import org.ecrm.segmentation.engine.internal.EngineAccess;
import org.jspecify.annotations.Nullable;

/** The engine's {@link EngineAccess}, installed by {@link TransactionBatch}. Stateless. */
final class EngineAccessImpl extends EngineAccess<TransactionBatch, RfmAccumulator, TransactionSink> {
  EngineAccessImpl() {
    super(TransactionBatch.class, RfmAccumulator.class, TransactionSink.class);
  }

  @Override
  public long[] customers(TransactionBatch batch) {
    return batch.customerColumn();
  }

  @Override
  public String @Nullable [] ids(TransactionBatch batch) {
    return batch.idColumn();
  }

  @Override
  public int[] days(TransactionBatch batch) {
    return batch.dayColumn();
  }

  @Override
  public long[] amounts(TransactionBatch batch) {
    return batch.amountColumn();
  }

  @Override
  public BatchBuilder builder(Currency currency, TransactionSink sink) {
    return Sources.builder(currency, sink);
  }

  @Override
  public RfmAccumulator accumulator(CustomerTable table) {
    return new TableAccumulator(table);
  }

  @Override
  public @Nullable CustomerTable table(RfmAccumulator accumulator) {
    return accumulator instanceof TableAccumulator t ? t.table() : null;
  }
}
