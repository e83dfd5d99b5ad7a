package org.ecrm.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every event that is not delivered — refused, dropped, or failed after retries — so nothing is
 * lost silently. Called from producer threads and the delivery thread: implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface FailedEventSink extends ErasableStore {
  /** Receives one failed event. Must not throw; if it does, the failure is logged. */
  void failed(FailedEvent event);

  /**
   * Forgets the kept failures of these user or anonymous ids (privacy erasure): those whose event is
   * about one of them or whose payload names one; returns how many. The default keeps nothing (a log is
   * the host's to clean) and removes nothing.
   */
  @Override
  default long erase(Set<String> ids) {
    return 0;
  }

  /** The default: logs each failure at WARN with its reason and payload (logger {@code org.ecrm.tracking.FailedEventSink}). */
  static FailedEventSink logging() {
    Logger log = LoggerFactory.getLogger(FailedEventSink.class);
    return e -> log.warn("tracking event failed: {}; payload: {}", e.reason(), e.payload());
  }

  /** A sink that keeps failures in memory; read them with {@link Recorded#events()}. */
  static Recorded inMemory() {
    return new Recorded();
  }

  /** An in-memory failed-events sink. Thread-safe. */
  final class Recorded implements FailedEventSink {
    private final List<FailedEvent> events = new ArrayList<>();

    Recorded() {}

    @Override
    public synchronized void failed(FailedEvent event) {
      events.add(event);
    }

    @Override
    public synchronized long erase(Set<String> ids) {
      int before = events.size();
      events.removeIf(f -> f.event().map(e -> e.concerns(ids)).orElse(false)
          || ids.stream().anyMatch(id -> f.payload().contains(id)));
      return before - events.size();
    }

    /** A snapshot of the failures so far. */
    public synchronized List<FailedEvent> events() {
      return List.copyOf(events);
    }
  }
}
