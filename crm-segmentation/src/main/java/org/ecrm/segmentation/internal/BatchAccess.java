package org.ecrm.segmentation.internal;

import org.ecrm.segmentation.TransactionBatch;

/** Zero-copy access to a batch's columns for the engine (installed by {@link TransactionBatch}). */
public abstract class BatchAccess {
  private static volatile BatchAccess instance;

  /** Installs the accessor; called once from TransactionBatch's static initialiser. */
  public static void install(BatchAccess access) {
    instance = access;
  }

  static BatchAccess get() {
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

  public abstract int[] days(TransactionBatch b);

  public abstract long[] amounts(TransactionBatch b);
}
