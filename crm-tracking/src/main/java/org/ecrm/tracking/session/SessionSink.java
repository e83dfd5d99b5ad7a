package org.ecrm.tracking.session;

import java.util.List;
import java.util.Set;
import org.ecrm.tracking.ErasableStore;

/**
 * Where finished sessions go, so hosts can persist them. Implementations state their own thread safety;
 * the {@link Sessionizer} calls a sink from the thread that feeds it.
 */
@FunctionalInterface
public interface SessionSink extends ErasableStore {
  /** Receives one finished session. */
  void accept(Session session);

  /**
   * Forgets every session of these visitors (privacy erasure). Returns how many were removed; the
   * default keeps nothing and removes nothing.
   */
  @Override
  default long erase(Set<String> visitorIds) {
    return 0;
  }

  /** A sink that keeps every session in memory. */
  static InMemorySessionSink inMemory() {
    return new InMemorySessionSink();
  }

  /** A sink that drops sessions (for counting-only runs). */
  static SessionSink discarding() {
    return s -> { };
  }

  /** A sink that passes each session to all of {@code sinks}, in order. */
  static SessionSink tee(SessionSink... sinks) {
    List<SessionSink> all = List.of(sinks);
    return new SessionSink() {
      @Override
      public void accept(Session session) {
        for (SessionSink s : all) {
          s.accept(session);
        }
      }

      @Override
      public long erase(Set<String> visitorIds) {
        long n = 0;
        for (SessionSink s : all) {
          n += s.erase(visitorIds);
        }
        return n;
      }
    };
  }
}
