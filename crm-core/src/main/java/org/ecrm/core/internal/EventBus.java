package org.ecrm.core.internal;

import java.util.List;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.event.CrmListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the listeners in registration order, isolating failures: a listener that throws
 * is logged and the others still run. Immutable and thread-safe.
 */
public final class EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
  private final List<CrmListener> listeners;

  /** @param listeners the listeners, in delivery order */
  public EventBus(List<CrmListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Delivers {@code event} to every listener. */
  public void publish(CrmEvent event) {
    for (CrmListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("CrmListener {} failed on {}; the change stands and other listeners still run",
            listener, event.getClass().getSimpleName(), e);
      }
    }
  }

  /** The listeners. */
  public List<CrmListener> listeners() {
    return listeners;
  }
}
