package org.ecrm.core.model;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.internal.check.Checks;

/**
 * Who changed which entity when, and how. Written for every change made through the facade.
 * Immutable and thread-safe.
 *
 * @param at when
 * @param actor who
 * @param entityType {@code "Customer"}, {@code "Account"}, {@code "Product"}, {@code "Order"},
 *     {@code "Interaction"} or {@code "Consent"}
 * @param entityId the entity's id (for consents, the customer's id)
 * @param action {@code "create"}, {@code "update"}, {@code "refund"}, {@code "merge"}, {@code "erase"}, ...
 * @param changes the fields that changed, in component order
 */
public record AuditRecord(Instant at, Actor actor, String entityType, String entityId, String action,
    List<FieldChange> changes) {
  /** @throws NullPointerException naming the field if one is null */
  public AuditRecord {
    Checks.notNull("AuditRecord.at", at);
    Checks.notNull("AuditRecord.actor", actor);
    entityType = Checks.token("AuditRecord.entityType", entityType);
    entityId = Checks.id("AuditRecord.entityId", entityId);
    action = Checks.token("AuditRecord.action", action);
    changes = Checks.list("AuditRecord.changes", changes);
  }
}
