package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.VersionConflictException;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe in-memory table of versioned records with secondary indexes.
 *
 * <p>Writes are serialised on the table's monitor, so a write and its index changes are atomic with
 * respect to other writes, and a failed write changes nothing. Reads take no lock (a scan holds the
 * monitor for a moment): rows live in an {@link OrderedRows} (a hash look-up by id, an id order for
 * keyset scans sorted when a scan needs it), index keys in a {@link KeyIndex} each (one writer, readers
 * without a lock), and an index lookup re-checks each row it finds, so a reader never sees a row under a
 * key it no longer has. An update adds the new index entries before it swaps the row and removes the
 * stale ones after, so a key that a record keeps is never missing from its index.
 */
final class VersionedTable<K extends Comparable<K>, V> {

  /** A secondary index: the keys of a record under one field. */
  record Index<V>(String field, Function<V, Collection<?>> keys, boolean unique) { }

  private final String kind;
  private final Function<V, K> idOf;
  private final ToLongFunction<V> versionOf;
  private final List<Index<V>> indexDefs;
  /**
   * Per index: key to holder, a holder being the one id holding the key (the usual case, and always for
   * a unique key) or a {@link ConcurrentSkipListSet} of ids once a second record holds it. A set per key
   * cost about 200 bytes per customer and e-mail; writers change holders under the monitor, readers see
   * either form.
   */
  private final List<KeyIndex> indexes = new ArrayList<>();
  private final OrderedRows<K, V> rows = new OrderedRows<>();
  private final Journal journal;
  /** {@code <kind>.id}, the name of the id in messages. */
  private final String idField;

  VersionedTable(Journal journal, String kind, Function<V, K> idOf, ToLongFunction<V> versionOf,
      List<Index<V>> indexes) {
    this.journal = journal;
    this.kind = kind;
    this.idField = kind + ".id";
    this.idOf = idOf;
    this.versionOf = versionOf;
    this.indexDefs = List.copyOf(indexes);
    for (int i = 0; i < indexes.size(); i++) {
      this.indexes.add(new KeyIndex());
    }
  }

  Optional<V> get(K id) {
    return Optional.ofNullable(rows.get(Checks.notNull(idField, id)));
  }

  synchronized V insert(V record) {
    Checks.notNull(kind, record);
    K id = idOf.apply(record);
    if (rows.get(id) != null) {
      throw new DuplicateKeyException(kind, idField, id, id);
    }
    try {
      // a new row: each unique key is checked and claimed in one step; the row goes in last, so a
      // reader never finds a row whose insert is refused on a later key (a lookup re-checks the row)
      for (int i = 0; i < indexDefs.size(); i++) {
        Index<V> def = indexDefs.get(i);
        KeyIndex index = indexes.get(i);
        Collection<?> keys = def.keys().apply(record);
        if (keys instanceof List<?> list && list instanceof java.util.RandomAccess) {
          for (int k = 0; k < list.size(); k++) {
            addKey(def, index, list.get(k), id);
          }
        } else {
          for (Object key : keys) {
            addKey(def, index, key, id);
          }
        }
      }
    } catch (RuntimeException e) {
      removeStaleIndexEntries(record, null, id); // only the entries this insert made hold its id
      throw e;
    }
    rows.put(id, record);
    journal.record(() -> restore(id, null));
    return record;
  }

  synchronized V update(V next) {
    Checks.notNull(kind, next);
    K id = idOf.apply(next);
    V current = rows.get(id);
    if (current == null) {
      throw new NotFoundException(kind, id);
    }
    long stored = versionOf.applyAsLong(current);
    long based = versionOf.applyAsLong(next) - 1;
    if (stored != based) {
      throw new VersionConflictException(kind, id, based, stored);
    }
    checkUnique(next, id);
    addIndexEntries(next, id);
    rows.put(id, next);
    removeStaleIndexEntries(current, next, id);
    journal.record(() -> restore(id, current));
    return next;
  }

  synchronized boolean delete(K id, long version) {
    V current = rows.get(Checks.notNull(idField, id));
    if (current == null) {
      return false;
    }
    long stored = versionOf.applyAsLong(current);
    if (stored != version) {
      throw new VersionConflictException(kind, id, version, stored);
    }
    rows.remove(id);
    removeStaleIndexEntries(current, null, id);
    journal.record(() -> restore(id, current));
    return true;
  }

  /** Puts row {@code id} back to {@code previous} (null: absent), with its index entries (an undo). */
  private synchronized void restore(K id, @Nullable V previous) {
    V now = rows.get(id);
    if (previous != null) {
      addIndexEntries(previous, id);
      rows.put(id, previous);
    } else {
      rows.remove(id);
    }
    if (now != null) {
      removeStaleIndexEntries(now, previous, id);
    }
  }

  /** Records holding {@code key} in index {@code index}, in id order. */
  List<V> lookup(int index, Object key) {
    Object holder = indexes.get(index).get(key);
    if (holder == null) {
      return List.of();
    }
    Function<V, Collection<?>> keys = indexDefs.get(index).keys();
    if (!(holder instanceof ConcurrentSkipListSet<?>)) {
      @SuppressWarnings("unchecked")
      V v = rows.get((K) holder);
      return v != null && keys.apply(v).contains(key) ? List.of(v) : List.of();
    }
    Set<K> ids = ids(holder);
    List<V> out = new ArrayList<>(ids.size());
    for (K id : ids) {
      V v = rows.get(id);
      if (v != null && keys.apply(v).contains(key)) {
        out.add(v);
      }
    }
    return out;
  }

  List<V> scan(@Nullable K after, int limit) {
    if (limit < 1) {
      throw Checks.invalid(kind + " scan limit", "must be at least 1", limit);
    }
    OrderedRows.Snapshot order;
    synchronized (this) { // a moment: the ids inserted since the last scan, copied (or merged)
      order = rows.snapshot();
    }
    return rows.scan(order, after, limit);
  }

  /** Sorted copy of the records in index {@code index} under {@code key}. */
  List<V> lookupSorted(int index, Object key, Comparator<V> order) {
    List<V> out = new ArrayList<>(lookup(index, key));
    out.sort(order);
    return out;
  }

  long count() {
    return rows.size();
  }

  /** The ids of an index holder: the one id, or the set. */
  @SuppressWarnings("unchecked")
  private Set<K> ids(Object holder) {
    return holder instanceof ConcurrentSkipListSet<?> set ? (Set<K>) set : Set.of((K) holder);
  }

  private void checkUnique(V record, K id) {
    for (int i = 0; i < indexDefs.size(); i++) {
      Index<V> def = indexDefs.get(i);
      if (!def.unique()) {
        continue;
      }
      for (Object key : def.keys().apply(record)) {
        Object holder = indexes.get(i).get(key);
        if (holder != null) {
          for (K other : ids(holder)) {
            if (!other.equals(id)) {
              throw new DuplicateKeyException(kind, kind + "." + def.field(), key, other);
            }
          }
        }
      }
    }
  }

  /** Adds {@code key} of a newly inserted row; a unique key held by another row is refused. */
  private void addKey(Index<V> def, KeyIndex index, Object key, K id) {
    Object holder = index.putIfAbsent(key, id);
    if (holder == null || holder.equals(id)) {
      return;
    }
    if (def.unique()) {
      for (K other : ids(holder)) {
        if (!other.equals(id)) {
          throw new DuplicateKeyException(kind, kind + "." + def.field(), key, other);
        }
      }
    }
    addIndexEntry(index, key, id);
  }

  private void addIndexEntry(KeyIndex index, Object key, K id) {
    Object holder = index.get(key);
    if (holder == null || holder.equals(id)) {
      index.put(key, id);
    } else if (holder instanceof ConcurrentSkipListSet<?>) {
      ids(holder).add(id);
    } else {
      Set<K> both = new ConcurrentSkipListSet<>(ids(holder));
      both.add(id);
      index.put(key, both);
    }
  }

  private void addIndexEntries(V record, K id) {
    for (int i = 0; i < indexDefs.size(); i++) {
      KeyIndex index = indexes.get(i);
      for (Object key : indexDefs.get(i).keys().apply(record)) {
        addIndexEntry(index, key, id);
      }
    }
  }

  private void removeStaleIndexEntries(V old, @Nullable V next, K id) {
    for (int i = 0; i < indexDefs.size(); i++) {
      Function<V, Collection<?>> keys = indexDefs.get(i).keys();
      Collection<?> kept = next == null ? List.of() : keys.apply(next);
      KeyIndex index = indexes.get(i);
      for (Object key : keys.apply(old)) {
        if (!kept.contains(key)) {
          Object holder = index.get(key);
          if (holder instanceof ConcurrentSkipListSet<?>) {
            Set<K> ids = ids(holder);
            ids.remove(id);
            if (ids.isEmpty()) {
              index.remove(key);
            }
          } else if (holder != null && holder.equals(id)) {
            index.remove(key);
          }
        }
      }
    }
  }
}
