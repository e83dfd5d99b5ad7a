package org.ecrm.segmentation.internal;

import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.engine.internal.EngineAccess;

/** The module's access to the engine's batches and accumulators beyond their API. */
public final class Engine {
  /** The engine's accessor, for the engine's own types. */
  public static final EngineAccess<TransactionBatch, RfmAccumulator, TransactionSink> ACCESS =
      EngineAccess.get(TransactionBatch.class, RfmAccumulator.class, TransactionSink.class);

  private Engine() {
  }
}
