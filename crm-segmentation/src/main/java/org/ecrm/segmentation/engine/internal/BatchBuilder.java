package org.ecrm.segmentation.engine.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Collects rows into reusable column arrays and hands each full set of columns to a {@link Target}: the
 * readers' way to produce batches without an object per row. Not thread-safe.
 */
public final class BatchBuilder {
  /** Rows per batch handed to the target. */
  public static final int BATCH = 1 << 16;

  /** Where the columns and the rejected rows go. */
  public interface Target {
    /**
     * Takes the first {@code size} rows of the columns; the arrays are reused after this returns.
     * {@code ids} holds the id text of each named customer (null where the key is numeric), or is null
     * when no row has one.
     */
    void accept(long[] customers, String @Nullable [] ids, int[] days, long[] amounts, int size,
        long firstRecord);

    /** Takes a rejected row. */
    void reject(Rejection rejection);
  }

  private final Target target;
  private final long[] customers = new long[BATCH];
  private final int[] days = new int[BATCH];
  private final long[] amounts = new long[BATCH];
  private String @Nullable [] ids;
  private int size;
  private long first = -1;

  /** A builder handing its batches to {@code target}. */
  public BatchBuilder(Target target) {
    this.target = target;
  }

  /** Adds a row; days before 1970-01-01 are rejected (record, field "date"). */
  public void add(long record, long customer, long epochDay, long amountMinor) {
    add(record, customer, null, epochDay, amountMinor);
  }

  /**
   * Adds a row whose customer is the named id {@code name} with key {@code customer} (null for a
   * numeric key); days before 1970-01-01 are rejected (record, field "date").
   */
  public void add(long record, long customer, @Nullable String name, long epochDay, long amountMinor) {
    if (epochDay < 0 || epochDay > Integer.MAX_VALUE) {
      target.reject(new Rejection(record, "date", "is before 1970-01-01 or out of range: "
          + LocalDate.ofEpochDay(epochDay)));
      return;
    }
    if (size == 0) {
      first = record;
    }
    customers[size] = customer;
    if (name != null && ids == null) {
      ids = new String[BATCH];
    }
    if (ids != null) {
      ids[size] = name;
    }
    days[size] = (int) epochDay;
    amounts[size] = amountMinor;
    if (++size == BATCH) {
      flush();
    }
  }

  /** Hands the rows collected so far to the target. */
  public void flush() {
    if (size > 0) {
      target.accept(customers, ids, days, amounts, size, first);
      size = 0;
    }
  }
}
