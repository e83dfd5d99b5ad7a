package org.ecrm.core.event;

/**
 * Receives {@link CrmEvent}s after each change is stored, on the thread that made the change, in the
 * order the listeners were registered. A listener that throws is logged and skipped: the other
 * listeners still run and the change stands. Implementations must be thread-safe when the
 * {@code Crm} is used from several threads.
 */
@FunctionalInterface
public interface CrmListener {

  /** Handles one event. */
  void onEvent(CrmEvent event);
}
