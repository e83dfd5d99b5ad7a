package org.ecrm.core.model;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes ids for new records. Implementations must be thread-safe and never return the same id twice
 * for one kind.
 */
@FunctionalInterface
public interface IdGenerator {

  /**
   * A new id for a record of {@code kind} ({@code "customer"}, {@code "order"}, {@code "account"},
   * {@code "interaction"}, {@code "refund"}).
   */
  String next(String kind);

  /** Random UUIDs (the default). */
  static IdGenerator random() {
    return kind -> UUID.randomUUID().toString();
  }

  /** {@code "customer-1"}, {@code "customer-2"}, ...: one counter per kind; for tests and demos. */
  static IdGenerator sequential() {
    Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    return kind -> kind + "-" + counters.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }
}
