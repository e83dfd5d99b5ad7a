package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.spi.AuditStore;

/** The in-memory audit trail: every method synchronised on the store; lookups are indexed. */
final class InMemoryAuditStore implements AuditStore {
  private final List<AuditRecord> all = new ArrayList<>();
  private final Map<String, List<AuditRecord>> byEntity = new HashMap<>();
  private final Map<Actor, List<AuditRecord>> byActor = new HashMap<>();
  private final Journal journal;

  InMemoryAuditStore(Journal journal) {
    this.journal = journal;
  }

  /** Removes the last occurrence of {@code r} (by identity) from {@code list}. */
  private static void removeLast(List<AuditRecord> list, AuditRecord r) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) == r) {
        list.remove(i);
        return;
      }
    }
  }

  private synchronized void unappend(AuditRecord r) {
    removeLast(all, r);
    List<AuditRecord> e = byEntity.get(key(r.entityType(), r.entityId()));
    if (e != null) {
      removeLast(e, r);
      if (e.isEmpty()) {
        byEntity.remove(key(r.entityType(), r.entityId()));
      }
    }
    List<AuditRecord> a = byActor.get(r.actor());
    if (a != null) {
      removeLast(a, r);
    }
  }

  private static String key(String type, String id) {
    return type + "\u0000" + id;
  }

  @Override
  public synchronized void append(AuditRecord record) {
    Checks.notNull("AuditRecord", record);
    all.add(record);
    byEntity.computeIfAbsent(key(record.entityType(), record.entityId()), k -> new ArrayList<>()).add(record);
    byActor.computeIfAbsent(record.actor(), k -> new ArrayList<>()).add(record);
    journal.record(() -> unappend(record));
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
    String k = key(entityType, entityId);
    List<AuditRecord> old = byEntity.remove(k);
    if (old != null) {
      java.util.Set<AuditRecord> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      gone.addAll(old);
      List<Integer> positions = new ArrayList<>();
      List<AuditRecord> removed = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (gone.contains(all.get(i))) {
          positions.add(i);
          removed.add(all.get(i));
        }
      }
      all.removeIf(gone::contains);
      byActor.values().forEach(l -> l.removeIf(gone::contains));
      journal.record(() -> restoreEntity(k, old, positions, removed));
    }
    replacement.forEach(this::append);
  }

  /** Undoes a {@link #replaceEntity}: the records go back to their places in append order. */
  private synchronized void restoreEntity(String k, List<AuditRecord> old, List<Integer> positions,
      List<AuditRecord> removed) {
    byEntity.put(k, old);
    for (int i = 0; i < positions.size(); i++) {
      all.add(Math.min(positions.get(i), all.size()), removed.get(i));
    }
    java.util.Set<Actor> actors = new java.util.HashSet<>();
    removed.forEach(r -> actors.add(r.actor()));
    for (Actor a : actors) {
      byActor.put(a, new ArrayList<>(all.stream().filter(r -> r.actor().equals(a)).toList()));
    }
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
