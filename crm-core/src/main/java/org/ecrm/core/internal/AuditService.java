package org.ecrm.core.internal;

import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.service.Audit;
import org.ecrm.core.spi.AuditStore;

/** {@link Audit} over an {@link AuditStore}. Thread-safe. */
public final class AuditService implements Audit {
  private final AuditStore store;

  /** @param store the audit store */
  public AuditService(AuditStore store) {
    this.store = store;
  }

  @Override
  public List<AuditRecord> forEntity(String entityType, String entityId) {
    return store.forEntity(Checks.notNull("entityType", entityType), Checks.notNull("entityId", entityId));
  }

  @Override
  public List<AuditRecord> byActor(Actor actor) {
    return store.byActor(Checks.notNull("actor", actor));
  }
}
