package org.ecrm.core.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;

/**
 * Stores the audit trail. Thread-safe; each method atomic. Records come back in append order.
 */
public interface AuditStore {

  /** Appends a record. */
  void append(AuditRecord record);

  /** The records about one entity, oldest first. */
  List<AuditRecord> forEntity(String entityType, String entityId);

  /** The records written by one actor, oldest first. */
  List<AuditRecord> byActor(Actor actor);

  /**
   * Replaces every record about one entity with {@code replacement} (used by erasure to drop personal
   * values from the trail). An empty replacement removes them.
   */
  void replaceEntity(String entityType, String entityId, List<AuditRecord> replacement);

  /** Up to {@code limit} records from position {@code offset} in append order (for exports). */
  List<AuditRecord> scan(long offset, int limit);

  /**
   * The records that may mention one of {@code tokens}: at least every record whose entity id, or the old
   * or new value of one of whose changes, contains one of the tokens as a substring
   * ({@link AuditRecord#containsAny}). Erasure calls it with the ids of the customer it erases (and of the
   * customers merged into it), then tests each record it gets for the ids exactly, as whole ids, and rewrites
   * or removes the records that name them; a store answers it from an index or a query instead of
   * handing out the whole trail.
   *
   * <p>Contract:
   *
   * <ul>
   *   <li><b>A superset.</b> The store may return more than the records that contain a token (it may match
   *       the stored text of the whole record, including its actor and field names, or ignore case), never
   *       fewer: a record left out would keep an erased customer's id in the trail.
   *   <li><b>Order.</b> Append order, as {@link #scan} gives it, each record once.
   *   <li><b>Consistency.</b> Atomic like every method: the answer reflects every record appended or
   *       replaced before the call started, inside the caller's transaction included.
   *   <li><b>Thread safety.</b> Safe to call concurrently with every other method.
   * </ul>
   *
   * <p>The default implementation pages through {@link #scan} (up to 1,000 records a page, until a page
   * is empty, so a store whose scan returns fewer than asked is read to its end) and keeps the records
   * that contain a token, so a store that does not override it still works; it reads the whole trail on
   * each call.
   *
   * @param tokens the strings to look for, none empty; no tokens, no records
   * @return the records that may mention a token, oldest first; an unmodifiable list the caller may keep
   * @throws NullPointerException if {@code tokens} or one of them is null
   * @throws IllegalArgumentException if one of the tokens is empty (it would be in every record)
   */
  default List<AuditRecord> mentioning(Collection<String> tokens) {
    List<String> texts = Checks.searchTexts("AuditStore.mentioning tokens", tokens);
    if (texts.isEmpty()) {
      return List.of();
    }
    List<AuditRecord> found = new ArrayList<>();
    for (long offset = 0; ; ) {
      List<AuditRecord> page = scan(offset, 1_000);
      if (page.isEmpty()) { // not a short page: scan gives "up to" the limit, a store may page by less
        return Collections.unmodifiableList(found);
      }
      for (AuditRecord r : page) {
        if (r.containsAny(texts)) {
          found.add(r);
        }
      }
      offset += page.size();
    }
  }
}
