package org.ecrm.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Page;
import org.ecrm.core.service.Interactions;
import org.ecrm.core.spi.InteractionStore;

/** {@link Interactions} over an {@link InteractionStore}. Thread-safe. */
public final class InteractionService implements Interactions {
  private final CrmContext ctx;
  private final InteractionStore store;

  /** @param ctx the shared context */
  public InteractionService(CrmContext ctx) {
    this.ctx = ctx;
    this.store = ctx.storage().interactions();
  }

  @Override
  public Interaction record(Interaction.Builder interaction) {
    Checks.notNull("interaction", interaction);
    Instant now = ctx.now();
    Interaction.Builder b = interaction.copy();
    if (b.id().isEmpty()) {
      b.id(InteractionId.of(ctx.newId("interaction")));
    }
    if (b.occurredAt().isEmpty()) {
      b.occurredAt(now);
    }
    return ctx.atomically("record interaction " + b.id().orElseThrow() + " of customer " + b.customerId(), () -> {
      if (ctx.storage().customers().get(b.customerId()).isEmpty()) {
        throw new NotFoundException("Customer", b.customerId());
      }
      Interaction stored = store.insert(b.build());
      ctx.publish(new CrmEvent.InteractionRecorded(stored, now));
      return stored;
    });
  }

  @Override
  public Optional<Interaction> get(InteractionId id) {
    return store.get(Checks.notNull("interactionId", id));
  }

  @Override
  public List<Interaction> ofCustomer(CustomerId customerId) {
    return store.findByCustomer(Checks.notNull("customerId", customerId));
  }

  @Override
  public Page<Interaction> list(int limit, String cursor) {
    return Paging.page(store::scan, InteractionId::of, Interaction::id, limit, cursor);
  }

  @Override
  public Stream<Interaction> stream() {
    return Paging.stream(store::scan, Interaction::id);
  }
}
