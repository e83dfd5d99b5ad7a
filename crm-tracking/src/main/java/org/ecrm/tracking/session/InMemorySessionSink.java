package org.ecrm.tracking.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The default {@link SessionSink}: keeps sessions in arrival order. Thread-safe (synchronized). */
public final class InMemorySessionSink implements SessionSink {
  private final List<Session> sessions = new ArrayList<>();

  InMemorySessionSink() {}

  @Override
  public synchronized void accept(Session session) {
    sessions.add(session);
  }

  @Override
  public synchronized long erase(Set<String> visitorIds) {
    int before = sessions.size();
    sessions.removeIf(s -> visitorIds.contains(s.visitorId()));
    return before - sessions.size();
  }

  /** A snapshot of the sessions received so far. */
  public synchronized List<Session> sessions() {
    return List.copyOf(sessions);
  }
}
