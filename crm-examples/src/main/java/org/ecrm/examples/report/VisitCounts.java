package org.ecrm.examples.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;

/**
 * A {@link SessionSink} that counts sessions per visitor, for the return-visit distribution (how many
 * visitors came once, twice, …). Memory grows with visitors. Thread-safe (synchronized).
 */
public final class VisitCounts implements SessionSink {
  private final HashMap<String, Integer> sessions = new HashMap<>();

  @Override
  public synchronized void accept(Session session) {
    sessions.merge(session.visitorId(), 1, Integer::sum);
  }

  @Override
  public synchronized long erase(Set<String> visitorIds) {
    long n = 0;
    for (String id : visitorIds) {
      Integer s = sessions.remove(id);
      if (s != null) {
        n += s;
      }
    }
    return n;
  }

  /** Number of visitors seen. */
  public synchronized int visitors() {
    return sessions.size();
  }

  /**
   * Visitors per number of sessions, 1 to {@code cap}; the {@code cap} entry counts visitors with
   * {@code cap} or more sessions. Every key from 1 to {@code cap} is present (0 when nobody).
   *
   * @throws IllegalArgumentException if {@code cap} is less than 2
   */
  public synchronized SortedMap<Integer, Long> distribution(int cap) {
    if (cap < 2) {
      throw new IllegalArgumentException("VisitCounts.cap: must be at least 2 '" + cap + "'");
    }
    TreeMap<Integer, Long> d = new TreeMap<>();
    for (int i = 1; i <= cap; i++) {
      d.put(i, 0L);
    }
    for (Map.Entry<String, Integer> e : sessions.entrySet()) {
      d.merge(Math.min(cap, e.getValue()), 1L, Long::sum);
    }
    return d;
  }
}
