package org.ecrm.core.spi;

import java.util.List;
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
}
