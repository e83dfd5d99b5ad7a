package org.ecrm.core.service;

import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;

/**
 * The audit trail: who changed which entity when, and which fields (old → new). Every change made
 * through the facade is recorded, with the actor of the {@link Crm#as(Actor)} view that made it
 * ({@link Actor#SYSTEM} otherwise). Thread-safe.
 */
public interface Audit {

  /**
   * The records about one entity, oldest first.
   *
   * @param entityType {@code "Customer"}, {@code "Account"}, {@code "Product"}, {@code "Order"},
   *     {@code "Interaction"} or {@code "Consent"} (keyed by customer id)
   */
  List<AuditRecord> forEntity(String entityType, String entityId);

  /** The records written by one actor, oldest first. */
  List<AuditRecord> byActor(Actor actor);
}
