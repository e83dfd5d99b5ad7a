package org.ecrm.core.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.internal.check.Searchable;

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

  /**
   * Whether the entity id, or the old or new value of one of the changes, contains one of {@code texts} as a
   * substring ({@link String#contains}; entity type, actor, action and field names are not searched). Changes
   * that are rendered lazily (those of a created customer) are searched without being rendered and kept, so
   * a search of a whole in-memory trail costs no memory. Audit stores answer {@code AuditStore.mentioning}
   * with it.
   *
   * @param texts the strings to look for; an empty string is in every id
   * @return whether one of them occurs
   * @throws NullPointerException if {@code texts} or one of its elements is null
   */
  public boolean containsAny(Collection<String> texts) {
    return anyText(v -> {
      for (String t : texts) {
        if (v.contains(t)) {
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Whether {@code test} holds for the entity id or for the old or new value of one of the changes (entity
   * type, actor, action and field names are not tested). Lazily rendered changes (those of a created
   * customer) are tested one value at a time without being rendered and kept.
   *
   * @param test the test of one text
   * @return whether it holds for one of them
   */
  public boolean anyText(java.util.function.Predicate<String> test) {
    if (test.test(entityId)) {
      return true;
    }
    if (changes instanceof Searchable lazy) {
      return lazy.anyValue(test);
    }
    for (FieldChange ch : changes) {
      if (test.test(ch.oldValue()) || test.test(ch.newValue())) {
        return true;
      }
    }
    return false;
  }
}
