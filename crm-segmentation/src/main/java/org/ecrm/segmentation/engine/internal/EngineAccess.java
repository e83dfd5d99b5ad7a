package org.ecrm.segmentation.engine.internal;

import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The module's non-API access to the exported engine types, for the packages that build on them (the
 * readers, the scoring): the columns of a batch without copying, batch builders that hand zero-copy
 * batches to a sink, and the table behind an accumulator. The engine package installs the one
 * implementation when its batch type is initialised. This package names no engine type: the batch,
 * accumulator and sink types are the type parameters, checked against class tokens by {@link #get}.
 *
 * @param <B> the engine's batch type
 * @param <A> the engine's accumulator type
 * @param <S> the engine's sink type
 */
public abstract class EngineAccess<B, A, S> {
  private static volatile @Nullable EngineAccess<?, ?, ?> instance;

  private final Class<B> batchType;
  private final Class<A> accumulatorType;
  private final Class<S> sinkType;

  /** An accessor for the given engine types. */
  protected EngineAccess(Class<B> batchType, Class<A> accumulatorType, Class<S> sinkType) {
    this.batchType = batchType;
    this.accumulatorType = accumulatorType;
    this.sinkType = sinkType;
  }

  /** Installs the accessor; called once, from the batch type's static initialiser. */
  public static void install(EngineAccess<?, ?, ?> access) {
    instance = access;
  }

  /**
   * The installed accessor for these engine types (initialising {@code batchType}, which installs it).
   *
   * @throws IllegalStateException if the installed accessor is for other types
   */
  public static <B, A, S> EngineAccess<B, A, S> get(Class<B> batchType, Class<A> accumulatorType,
      Class<S> sinkType) {
    EngineAccess<?, ?, ?> a = instance;
    if (a == null) {
      try {
        Class.forName(batchType.getName(), true, batchType.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = instance;
    }
    if (a == null || a.batchType != batchType || a.accumulatorType != accumulatorType
        || a.sinkType != sinkType) {
      throw new IllegalStateException("no engine accessor for " + batchType.getName() + ", "
          + accumulatorType.getName() + ", " + sinkType.getName());
    }
    @SuppressWarnings("unchecked") // the class tokens match
    EngineAccess<B, A, S> typed = (EngineAccess<B, A, S>) a;
    return typed;
  }

  /** The customer key column of {@code batch} (longer than its size when the producer reuses arrays). */
  public abstract long[] customers(B batch);

  /** The id texts of named customers (null where the key is numeric), or null when the batch has none. */
  public abstract String @Nullable [] ids(B batch);

  /** The purchase day column of {@code batch}. */
  public abstract int[] days(B batch);

  /** The amount column of {@code batch}. */
  public abstract long[] amounts(B batch);

  /** A builder whose batches, in {@code currency}, and rejections go to {@code sink}. */
  public abstract BatchBuilder builder(Currency currency, S sink);

  /** The accumulator over {@code table} (not a copy: it works on the table). */
  public abstract A accumulator(CustomerTable table);

  /** The table behind {@code accumulator}, or null when it is not one of this library's accumulators. */
  public abstract @Nullable CustomerTable table(A accumulator);
}
