package org.ecrm.tracking;

import java.util.List;
import java.util.Set;

/**
 * Where a {@link Tracker} delivers batches of accepted events (a warehouse, a queue, crm-core
 * interactions). The tracker calls it from its single delivery thread, one batch at a time; a batch that
 * throws is retried with backoff, then handed to the {@link FailedEventSink}. Implementations need not
 * be thread-safe unless they are shared.
 */
@FunctionalInterface
public interface EventSink extends ErasableStore {
  /** A sink that accepts and forgets everything (for benchmarks). */
  EventSink NO_OP = batch -> { };

  /**
   * Delivers one batch, in acceptance order.
   *
   * @throws Exception to have the batch retried
   */
  void deliver(List<TrackingEvent> batch) throws Exception;

  /**
   * Forgets every stored event of these user or anonymous ids (privacy erasure); returns how many were
   * removed. The default stores nothing and removes nothing.
   */
  @Override
  default long erase(Set<String> ids) {
    return 0;
  }

  /** A sink that keeps every event in memory. */
  static InMemoryEventSink inMemory() {
    return new InMemoryEventSink();
  }
}
