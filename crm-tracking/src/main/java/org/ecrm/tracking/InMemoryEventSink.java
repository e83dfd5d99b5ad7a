package org.ecrm.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An {@link EventSink} that keeps events in delivery order. Thread-safe (synchronized). */
public final class InMemoryEventSink implements EventSink {
  private final List<TrackingEvent> events = new ArrayList<>();

  InMemoryEventSink() {}

  @Override
  public synchronized void deliver(List<TrackingEvent> batch) {
    events.addAll(batch);
  }

  @Override
  public synchronized long erase(Set<String> ids) {
    int before = events.size();
    events.removeIf(e -> e.userId().filter(ids::contains).isPresent()
        || e.anonymousId().filter(ids::contains).isPresent()
        || e.previousId().filter(ids::contains).isPresent());
    return before - events.size();
  }

  /** A snapshot of the events delivered so far. */
  public synchronized List<TrackingEvent> events() {
    return List.copyOf(events);
  }
}
