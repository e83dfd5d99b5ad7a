package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.internal.Checks;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.spi.AuditStore;

/** The in-memory audit trail: every method synchronised on the store; lookups are indexed. */
final class InMemoryAuditStore implements AuditStore {
  private final List<AuditRecord> all = new ArrayList<>();
  private final Map<String, List<AuditRecord>> byEntity = new HashMap<>();
  private final Map<Actor, List<AuditRecord>> byActor = new HashMap<>();

  private static String key(String type, String id) {
    return type + "\u0000" + id;
  }

  @Override
  public synchronized void append(AuditRecord record) {
    Checks.notNull("AuditRecord", record);
    all.add(record);
    byEntity.computeIfAbsent(key(record.entityType(), record.entityId()), k -> new ArrayList<>()).add(record);
    byActor.computeIfAbsent(record.actor(), k -> new ArrayList<>()).add(record);
  }

  @Override
  public synchronized List<AuditRecord> forEntity(String entityType, String entityId) {
    return List.copyOf(byEntity.getOrDefault(key(entityType, entityId), List.of()));
  }

  @Override
  public synchronized List<AuditRecord> byActor(Actor actor) {
    return List.copyOf(byActor.getOrDefault(Checks.notNull("actor", actor), List.of()));
  }

  @Override
  public synchronized void replaceEntity(String entityType, String entityId, List<AuditRecord> replacement) {
    List<AuditRecord> old = byEntity.remove(key(entityType, entityId));
    if (old != null) {
      java.util.Set<AuditRecord> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      gone.addAll(old);
      all.removeIf(gone::contains);
      byActor.values().forEach(l -> l.removeIf(gone::contains));
    }
    replacement.forEach(this::append);
  }

  @Override
  public synchronized List<AuditRecord> scan(long offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw Checks.invalid("AuditStore scan", "needs offset >= 0 and limit >= 1", offset + "/" + limit);
    }
    int from = (int) Math.min(offset, all.size());
    return List.copyOf(all.subList(from, Math.min(all.size(), from + limit)));
  }
}
