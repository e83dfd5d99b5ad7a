package org.ecrm.segmentation.engine.internal;

import org.ecrm.segmentation.engine.TransactionBatch;
import org.jspecify.annotations.Nullable;

/** Zero-copy access to a batch's columns for the engine (installed by {@link TransactionBatch}). */
public abstract class BatchAccess {
  private static volatile BatchAccess instance;

  /** Installs the accessor; called once from TransactionBatch's static initialiser. */
  public static void install(BatchAccess access) {
    instance = access;
  }

  public static BatchAccess get() {
    BatchAccess a = instance;
    if (a == null) {
      try {
        Class.forName(TransactionBatch.class.getName(), true, TransactionBatch.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = instance;
    }
    return a;
  }

  public abstract long[] customers(TransactionBatch b);

  /** The id texts of named customers (null where the key is numeric), or null when the batch has none. */
  public abstract String @Nullable [] ids(TransactionBatch b);

  /** A batch over the given columns, unchecked ({@code ids} as {@link #ids} returns them). */
  public abstract TransactionBatch wrap(java.util.Currency currency, long[] customers, String @Nullable [] ids,
      int[] days, long[] amounts, int size, long firstRecord);

  public abstract int[] days(TransactionBatch b);

  public abstract long[] amounts(TransactionBatch b);
}
