package org.ecrm.segmentation.engine;

/**
 * Receives what a {@link TransactionSource} reads: batches of good transactions, rejected records and
 * records skipped on purpose (such as cancelled orders), each counted under a reason.
 *
 * <p>Implementations are called from one thread at a time.
 */
public interface TransactionSink {
  /** Takes one batch; the batch's arrays may be reused by the source after this returns. */
  void accept(TransactionBatch batch);

  /** Reports a record that could not be read. */
  void reject(RejectedRecord rejection);

  /** Counts a record left out on purpose under {@code reason} (e.g. "cancelled order"). */
  void skip(String reason);
}
