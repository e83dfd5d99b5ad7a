package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.spi.AuditStore;

/**
 * The in-memory audit trail: every method synchronised on the store; lookups are indexed. The
 * per-entity index keeps, per entity type and id, the one record of an entity that has one (most
 * entities: their creation) and a list only from the second, so a created customer costs one map entry
 * here rather than a key string, a list and its array.
 *
 * <p>An append only adds the record to the trail: the per-entity and per-actor indexes take in the
 * records appended since they were last read when a read or a change needs them ({@link #catchUp}). A
 * bulk import appends hundreds of thousands of records that nobody looks up by entity meanwhile; each
 * index entry made at append time cost a hash probe in a large table (about a sixth of an in-memory
 * customer import), the same probe made later in one pass.
 */
final class InMemoryAuditStore implements AuditStore {
  private final List<AuditRecord> all = new ArrayList<>();
  /** Entity type, then entity id, to the entity's record or a list of its records in append order. */
  private final Map<String, IdMap> byEntity = new HashMap<>();
  private final Map<Actor, List<AuditRecord>> byActor = new HashMap<>();
  /** How many records of {@link #all}, from the first, the two indexes hold. */
  private int indexed;
  private final Journal journal;

  InMemoryAuditStore(Journal journal) {
    this.journal = journal;
  }

  /** Removes the last occurrence of {@code r} (by identity) from {@code list}; its position, or -1. */
  private static int removeLast(List<AuditRecord> list, AuditRecord r) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) == r) {
        list.remove(i);
        return i;
      }
    }
    return -1;
  }

  /** Takes the records appended since the indexes were last read into them. Under the monitor. */
  private void catchUp() {
    for (int size = all.size(); indexed < size; indexed++) {
      index(all.get(indexed));
    }
  }

  private synchronized void unappend(AuditRecord r) {
    int at = removeLast(all, r);
    if (at < 0 || at >= indexed) {
      return; // an undone append (the last record, as a rule) the indexes never took in
    }
    indexed--;
    IdMap ofType = byEntity.get(r.entityType());
    Object holder = ofType == null ? null : ofType.get(r.entityId());
    if (holder == r) {
      ofType.remove(r.entityId());
    } else if (holder instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<AuditRecord> e = (List<AuditRecord>) holder;
      removeLast(e, r);
      if (e.isEmpty()) {
        ofType.remove(r.entityId());
      } else if (e.size() == 1) {
        ofType.put(r.entityId(), e.get(0));
      }
    }
    List<AuditRecord> a = byActor.get(r.actor());
    if (a != null) {
      removeLast(a, r);
    }
  }

  @Override
  public synchronized void append(AuditRecord record) {
    Checks.notNull("AuditRecord", record);
    all.add(record);
    journal.record(() -> unappend(record));
  }

  /** Adds one record of the trail to the per-entity and per-actor indexes. */
  private void index(AuditRecord record) {
    IdMap ofType = byEntity.computeIfAbsent(record.entityType(), k -> new IdMap());
    Object held = ofType.get(record.entityId());
    if (held == null) {
      ofType.put(record.entityId(), record);
    } else if (held instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) held;
      list.add(record);
    } else {
      List<Object> list = new ArrayList<>(4);
      list.add(held);
      list.add(record);
      ofType.put(record.entityId(), list);
    }
    byActor.computeIfAbsent(record.actor(), k -> new ArrayList<>()).add(record);
  }

  /** The records of one entity in append order, a copy. */
  private List<AuditRecord> entity(String entityType, String entityId) {
    catchUp();
    IdMap ofType = byEntity.get(entityType);
    Object holder = ofType == null ? null : ofType.get(entityId);
    if (holder == null) {
      return List.of();
    }
    if (holder instanceof AuditRecord r) {
      return List.of(r);
    }
    @SuppressWarnings("unchecked")
    List<AuditRecord> list = (List<AuditRecord>) holder;
    return List.copyOf(list);
  }

  @Override
  public synchronized List<AuditRecord> forEntity(String entityType, String entityId) {
    return entity(entityType, entityId);
  }

  @Override
  public synchronized List<AuditRecord> byActor(Actor actor) {
    catchUp();
    return List.copyOf(byActor.getOrDefault(Checks.notNull("actor", actor), List.of()));
  }

  @Override
  public synchronized void replaceEntity(String entityType, String entityId, List<AuditRecord> replacement) {
    List<AuditRecord> old = entity(entityType, entityId);
    if (!old.isEmpty()) {
      IdMap ofType = byEntity.get(entityType);
      Object oldHolder = ofType.remove(entityId);
      List<Integer> positions = positions(all, old);
      List<AuditRecord> removed = new ArrayList<>(positions.size());
      positions.forEach(i -> removed.add(all.get(i)));
      removeAt(all, positions);
      indexed = all.size(); // entity() caught up
      java.util.Set<Actor> actors = new java.util.HashSet<>();
      removed.forEach(r -> actors.add(r.actor()));
      for (Actor a : actors) { // a record is only in its actor's list
        List<AuditRecord> ofActor = byActor.get(a);
        if (ofActor != null) {
          removeAt(ofActor, positions(ofActor, old));
        }
      }
      journal.record(() -> restoreEntity(entityType, entityId, oldHolder, positions, removed));
    }
    replacement.forEach(this::append);
  }

  /**
   * The positions in {@code list}, ascending, of the records that are (by identity) one of {@code records}:
   * a pass that only reads, comparing references one by one when the records are few (an entity's records, as
   * a rule), through an identity set otherwise.
   */
  private static List<Integer> positions(List<AuditRecord> list, List<AuditRecord> records) {
    List<Integer> at = new ArrayList<>();
    int n = list.size();
    if (records.size() == 1) {
      AuditRecord only = records.get(0);
      for (int i = 0; i < n; i++) {
        if (list.get(i) == only) {
          at.add(i);
        }
      }
    } else if (records.size() <= 8) {
      AuditRecord[] few = records.toArray(new AuditRecord[0]);
      for (int i = 0; i < n; i++) {
        AuditRecord r = list.get(i);
        for (AuditRecord f : few) {
          if (f == r) {
            at.add(i);
            break;
          }
        }
      }
    } else {
      java.util.Set<AuditRecord> many = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      many.addAll(records);
      for (int i = 0; i < n; i++) {
        if (many.contains(list.get(i))) {
          at.add(i);
        }
      }
    }
    return at;
  }

  /**
   * Removes the elements at {@code positions} (ascending): a few one by one from the last (each a block
   * move of the tail), many in one pass.
   */
  private static void removeAt(List<AuditRecord> list, List<Integer> positions) {
    if (positions.size() <= 8) {
      for (int k = positions.size() - 1; k >= 0; k--) {
        list.remove((int) positions.get(k));
      }
      return;
    }
    int kept = positions.get(0);
    int next = 0;
    for (int i = kept, n = list.size(); i < n; i++) {
      if (next < positions.size() && positions.get(next) == i) {
        next++;
      } else {
        list.set(kept++, list.get(i));
      }
    }
    list.subList(kept, list.size()).clear();
  }

  /** Undoes a {@link #replaceEntity}: the records go back to their places in append order. */
  private synchronized void restoreEntity(String entityType, String entityId, Object holder,
      List<Integer> positions, List<AuditRecord> removed) {
    catchUp();
    byEntity.computeIfAbsent(entityType, k -> new IdMap()).put(entityId, holder);
    for (int i = 0; i < positions.size(); i++) {
      all.add(Math.min(positions.get(i), all.size()), removed.get(i));
    }
    indexed = all.size();
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

  /**
   * Walks the trail in place under the monitor (no page copies); a created customer's lazily rendered
   * changes are searched without being rendered ({@link AuditRecord#containsAny}). Exact: the records that
   * contain a token, no more.
   */
  @Override
  public synchronized List<AuditRecord> mentioning(java.util.Collection<String> tokens) {
    List<String> texts = Checks.searchTexts("AuditStore.mentioning tokens", tokens);
    if (texts.isEmpty()) {
      return List.of();
    }
    List<AuditRecord> found = new ArrayList<>();
    for (AuditRecord r : all) {
      if (r.containsAny(texts)) {
        found.add(r);
      }
    }
    return java.util.Collections.unmodifiableList(found);
  }

  /**
   * Entity id to holder, for one entity type: open addressing over two parallel arrays (no node per
   * entry: a created customer's one record costs two array slots here). Removal shifts the entries
   * after it back, so no tombstones. Used under the store's monitor only.
   */
  private static final class IdMap {
    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;

    private static int slot(String key, int mask) {
      int h = key.hashCode() * 0x9E3779B9;
      return (h ^ h >>> 16) & mask;
    }

    /** The index of {@code key}, or of the empty slot where it would go. */
    private int find(String key) {
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != null && !keys[i].equals(key)) {
        i = i + 1 & mask;
      }
      return i;
    }

    @org.jspecify.annotations.Nullable Object get(@org.jspecify.annotations.Nullable String key) {
      return key == null ? null : values[find(key)];
    }

    void put(String key, Object value) {
      int i = find(key);
      if (keys[i] != null) {
        values[i] = value;
        return;
      }
      keys[i] = key;
      values[i] = value;
      if (++size * 2 > keys.length) {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
          if (oldKeys[j] != null) {
            int at = find(oldKeys[j]);
            keys[at] = oldKeys[j];
            values[at] = oldValues[j];
          }
        }
      }
    }

    @org.jspecify.annotations.Nullable Object remove(String key) {
      int i = find(key);
      if (keys[i] == null) {
        return null;
      }
      Object had = values[i];
      keys[i] = null;
      values[i] = null;
      size--;
      int mask = keys.length - 1;
      for (int j = i + 1 & mask; keys[j] != null; j = j + 1 & mask) {
        int home = slot(keys[j], mask);
        // the entry at j may fill the gap at i unless its home lies cyclically in (i, j]
        boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
        if (!stays) {
          keys[i] = keys[j];
          values[i] = values[j];
          keys[j] = null;
          values[j] = null;
          i = j;
        }
      }
      return had;
    }
  }
}
