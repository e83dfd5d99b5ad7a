package org.ecrm.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.PreferenceCentre;
import org.ecrm.core.spi.PreferenceStore;

/** {@link PreferenceCentre} over a {@link PreferenceStore}. Thread-safe; changes of one customer are serialised. */
public final class PreferenceService implements PreferenceCentre {
  private final CrmContext ctx;
  private final Customers customers;
  private final PreferenceStore store;

  /** @param ctx the shared context @param customers resolves (merged) customer ids */
  public PreferenceService(CrmContext ctx, Customers customers) {
    this.ctx = ctx;
    this.customers = customers;
    this.store = ctx.storage().preferences();
  }

  @Override
  public Preferences get(CustomerId customerId) {
    CustomerId id = customers.require(customerId).id();
    List<Preferences> h = store.history(id);
    return h.isEmpty() ? Preferences.none(id) : h.get(h.size() - 1);
  }

  @Override
  public Preferences update(CustomerId customerId, UnaryOperator<Preferences> change, String source) {
    Checks.notNull("change", change);
    Checks.line("source", source);
    Checks.notNull("customerId", customerId);
    return ctx.atomically("update the preferences of customer " + customerId,
        () -> updateOnce(customerId, change, source));
  }

  private Preferences updateOnce(CustomerId customerId, UnaryOperator<Preferences> change, String source) {
    CustomerId id = customers.require(customerId).id();
    Preferences before;
    Preferences after;
    synchronized (this) { // one writer at a time keeps read-then-append consistent
      before = get(id);
      Preferences changed = Checks.notNull("change result", change.apply(before));
      if (!changed.customerId().equals(id)) {
        throw Checks.invalid("Preferences.customerId", "a change must keep the customer " + id,
            changed.customerId());
      }
      Instant now = ctx.now();
      after = changed.stamped(source, now);
      store.append(after);
    }
    ctx.publish(new CrmEvent.PreferencesChanged(before, after, after.updatedAt()));
    return after;
  }

  @Override
  public List<Preferences> history(CustomerId customerId) {
    return store.history(customers.require(customerId).id());
  }
}
