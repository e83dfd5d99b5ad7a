package org.ecrm.core.interact;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.event.CrmListener;

/**
 * Connects a {@code Crm}'s domain events to {@link Interact}: register it on {@code Crm.builder()} and
 * pass it to {@link Interact.Builder#events}, so cached profiles are dropped when a customer, their
 * preferences, consent or orders change, erased customers are suppressed, and recommendations see new
 * orders and products.
 *
 * <pre>{@code
 * InteractListener events = new InteractListener();
 * Crm crm = Crm.builder().listener(events).build();
 * Interact interact = Interact.builder(crm).events(events).build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class InteractListener implements CrmListener {
  private final List<Consumer<CrmEvent>> targets = new CopyOnWriteArrayList<>();

  /** A listener connected to nothing yet. */
  public InteractListener() {
  }

  void connect(Consumer<CrmEvent> target) {
    targets.add(target);
  }

  @Override
  public void onEvent(CrmEvent event) {
    for (Consumer<CrmEvent> t : targets) {
      t.accept(event);
    }
  }
}
