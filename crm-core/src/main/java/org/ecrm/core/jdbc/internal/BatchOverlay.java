package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.VersionConflictException;
import org.jspecify.annotations.Nullable;

/**
 * One {@link JdbcTable}'s share of a batch transaction ({@link Db#batchTransaction}): an overlay over the
 * table's rows in the database that answers the batch's reads and holds its writes back until
 * {@link #flush} sends them. Used by the batch's thread only (not thread-safe); one per table and batch
 * ({@link Batch#part}).
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@link #rows}: an id present maps to the row as the batch sees it (the database's row overlaid
 *       with the batch's writes), or to empty when the batch knows there is no such row; an id absent is
 *       unknown, read from the database (in the batch's transaction) and kept on first use.
 *   <li>{@link #owners}: per unique side index, likewise a key present maps to the id of the row holding it,
 *       or to empty when nobody holds it; a key absent is unknown.
 *   <li>{@link #writes}: at most one held write per row, in the order the rows were first written: the row
 *       as stored before the batch (null: not in the database) and its last state (null: deleted), whose
 *       JSON is kept. Its last state is what {@link #rows} holds for the id. A row inserted and deleted
 *       in the batch has no write; one deleted and inserted again is an update.
 *   <li>Every write ({@link #insert}, {@link #update}, {@link #delete}) first checks what the batch knows
 *       (an id or unique key another row holds, a stale version) and throws with nothing changed; its
 *       changes to {@link #rows}, {@link #owners} and {@link #writes} go through {@link Batch#put} and
 *       {@link Batch#remove}, so a nested unit that throws leaves none of them ({@link Batch#unit}). What
 *       is learnt by reading the database is kept without an undo: it stays true in the transaction.
 *   <li>{@link #flush} sends every held write, then holds none; what is known stays valid, as the
 *       database now holds the writes. {@link #forget} drops what is known, and only with no write held.
 * </ul>
 *
 * @param <K> the table's id type
 * @param <V> the record type
 */
final class BatchOverlay<K extends Comparable<K>, V> implements Batch.Part {
  /**
   * A write held back: the row as stored before the batch (null: a new row) and now (null, and no JSON:
   * deleted).
   */
  private record Write<V>(@Nullable V before, @Nullable V after, @Nullable String json) { }

  private final Db db;
  private final String kind;
  private final String table;
  private final Class<V> type;
  private final Function<V, K> idOf;
  private final ToLongFunction<V> versionOf;
  private final List<JdbcTable.Column<V>> columns;
  private final List<SideIndex<V>> indexes;
  private final Batch batch;
  /** Row id to its record, or empty when it is known that no row has the id. */
  private final Map<String, Optional<V>> rows = new java.util.HashMap<>();
  /** Per unique side index: key columns to the owning row's id, or empty when nobody holds the key. */
  private final Map<SideIndex<V>, Map<List<String>, Optional<String>>> owners = new java.util.HashMap<>();
  private final Map<String, Write<V>> writes = new java.util.LinkedHashMap<>();

  BatchOverlay(JdbcTable<K, V> table, Batch batch) {
    this.db = table.db;
    this.kind = table.kind;
    this.table = table.table;
    this.type = table.type;
    this.idOf = table.idOf;
    this.versionOf = table.versionOf;
    this.columns = table.columns;
    this.indexes = table.indexes;
    this.batch = batch;
  }

  /** What the batch knows of row {@code id}: its record, empty if it knows there is none, null if it knows nothing. */
  @Nullable Optional<V> known(String id) {
    return rows.get(id);
  }

  /** Records that the database has no row {@code id}, unless the batch knows better. */
  void absent(String id) {
    rows.putIfAbsent(id, Optional.empty());
  }

  /** What the batch knows of the keys of unique side index {@code index} (see {@link #owners}); the map itself, to fill. */
  Map<List<String>, Optional<String>> owners(SideIndex<V> index) {
    return owners.computeIfAbsent(index, i -> new java.util.HashMap<>());
  }

  /** The record the batch knows for row {@code id}, else {@code read} (kept: the database's state). */
  V known(String id, V read) {
    Optional<V> known = rows.get(id);
    if (known != null) {
      return known.orElse(read);
    }
    rows.put(id, Optional.of(read));
    return read;
  }

  Optional<V> get(String id) {
    Optional<V> known = rows.get(id);
    if (known != null) {
      return known;
    }
    Optional<V> read = db.readBeside(kind + " get " + id, c -> db.records(c, type,
        "SELECT data FROM " + table + " WHERE id = ?", id)).stream().findFirst();
    rows.put(id, read);
    return read;
  }

  Optional<V> lookup(SideIndex<V> index, List<String> key) {
    Map<List<String>, Optional<String>> byKey = owners(index);
    Optional<String> owner = byKey.get(key);
    if (owner == null) {
      List<String[]> found = db.readBeside(kind + " lookup in " + index.table(), c -> JdbcTable.pairs(c,
          "SELECT t.id, t.data FROM " + table + " t JOIN " + index.table() + " s ON s." + index.ownerColumn()
              + " = t.id WHERE " + index.where("s."), key.toArray()));
      if (found.isEmpty()) {
        owner = Optional.empty();
      } else {
        owner = Optional.of(found.get(0)[0]);
        known(found.get(0)[0], db.parse(found.get(0)[1], type));
      }
      byKey.put(key, owner);
    }
    return owner.isEmpty() ? Optional.empty() : get(owner.get());
  }

  /** Refuses a unique key of {@code record} that another row holds, as far as the batch knows. */
  private void checkKeys(String id, V record) {
    for (SideIndex<V> index : indexes) {
      if (!index.unique()) {
        continue;
      }
      Map<List<String>, Optional<String>> byKey = owners(index);
      for (SideIndex.Key k : index.columns(record).values()) {
        Optional<String> owner = byKey.get(k.columns());
        if (owner != null && owner.isPresent() && !owner.get().equals(id)) {
          throw new DuplicateKeyException(kind, kind + "." + index.field(), k.value(), owner.get());
        }
      }
    }
  }

  /**
   * Records the unique keys {@code before} had and {@code after} (null: deleted) has as now held by
   * {@code id} or nobody.
   */
  private void claim(String id, @Nullable V before, @Nullable V after) {
    for (SideIndex<V> index : indexes) {
      if (!index.unique()) {
        continue;
      }
      Map<List<String>, Optional<String>> byKey = owners(index);
      Map<List<String>, SideIndex.Key> now = index.columns(after);
      for (List<String> stale : index.columns(before).keySet()) {
        if (!now.containsKey(stale)) {
          batch.put(byKey, stale, Optional.empty());
        }
      }
      for (List<String> key : now.keySet()) {
        batch.put(byKey, key, Optional.of(id));
      }
    }
  }

  V insert(String id, V record) {
    Optional<V> known = rows.get(id);
    if (known != null && known.isPresent()) {
      throw new DuplicateKeyException(kind, kind + ".id", idOf.apply(record), id);
    }
    checkKeys(id, record);
    String json = db.write(record);
    batch.put(rows, id, Optional.of(record));
    claim(id, null, record);
    Write<V> earlier = writes.get(id); // a row deleted in the batch and inserted again: an update
    batch.put(writes, id, new Write<>(earlier == null ? null : earlier.before(), record, json));
    return record;
  }

  V update(K idValue, String id, long version, V next) {
    Optional<V> current = get(id);
    if (current.isEmpty()) {
      throw new NotFoundException(kind, idValue);
    }
    long stored = versionOf.applyAsLong(current.get());
    if (stored != version - 1) {
      throw new VersionConflictException(kind, idValue, version - 1, stored);
    }
    checkKeys(id, next);
    String json = db.write(next);
    batch.put(rows, id, Optional.of(next));
    claim(id, current.get(), next);
    Write<V> earlier = writes.get(id);
    batch.put(writes, id, new Write<>(earlier == null ? current.get() : earlier.before(), next, json));
    return next;
  }

  boolean delete(K idValue, String id, long version) {
    Optional<V> current = get(id);
    if (current.isEmpty()) {
      return false;
    }
    long stored = versionOf.applyAsLong(current.get());
    if (stored != version) {
      throw new VersionConflictException(kind, idValue, version, stored);
    }
    batch.put(rows, id, Optional.empty());
    claim(id, current.get(), null);
    Write<V> earlier = writes.get(id);
    if (earlier != null && earlier.before() == null) {
      batch.remove(writes, id); // inserted in the batch: nothing to send
    } else {
      batch.put(writes, id, new Write<>(earlier == null ? current.get() : earlier.before(), null, null));
    }
    return true;
  }

  /** Forgets what is known of rows and keys; called with no write held (just after a send). */
  void forget() {
    if (!writes.isEmpty()) {
      throw new IllegalStateException(kind + ": the batch's writes must be sent before its knowledge is dropped");
    }
    rows.clear();
    owners.clear();
  }

  /**
   * Sends the held writes: the side keys updates and deletes drop, the deletes and the updates (each
   * checked against the version read, so a concurrent change fails the batch), the inserts, then the
   * side keys added. A key or id a held write frees is free in the database before a held write takes it.
   */
  @Override
  public void flush(Connection c) throws SQLException {
    if (writes.isEmpty()) {
      return;
    }
    List<Object[]> deletes = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    for (Map.Entry<String, Write<V>> e : writes.entrySet()) {
      Write<V> w = e.getValue();
      if (w.after() == null) {
        deletes.add(new Object[] {e.getKey(), versionOf.applyAsLong(JdbcTable.notNull(kind, w.before()))});
        continue;
      }
      List<Object> args = new ArrayList<>(columns.size() + 4);
      if (w.before() == null) {
        args.add(e.getKey());
      }
      args.add(versionOf.applyAsLong(w.after()));
      args.add(w.json());
      for (JdbcTable.Column<V> col : columns) {
        args.add(col.value().apply(w.after()));
      }
      if (w.before() != null) {
        args.add(e.getKey());
        args.add(versionOf.applyAsLong(w.before()));
        updates.add(args.toArray());
      } else {
        inserts.add(args.toArray());
      }
    }
    for (SideIndex<V> index : indexes) {
      List<Object[]> stale = new ArrayList<>();
      for (Map.Entry<String, Write<V>> e : writes.entrySet()) {
        Write<V> w = e.getValue();
        if (w.before() != null) {
          Map<List<String>, SideIndex.Key> now = index.columns(w.after());
          for (List<String> key : index.columns(w.before()).keySet()) {
            if (!now.containsKey(key)) {
              stale.add(withOwner(key, e.getKey()));
            }
          }
        }
      }
      Batch.each(c, "DELETE FROM " + index.table() + " WHERE " + index.where() + " AND "
          + index.ownerColumn() + " = ?", stale);
    }
    checkCounts(Batch.each(c, "DELETE FROM " + table + " WHERE id = ? AND version = ?", deletes), deletes);
    if (!updates.isEmpty()) {
      StringBuilder set = new StringBuilder("version = ?, data = ?");
      for (JdbcTable.Column<V> col : columns) {
        set.append(", ").append(col.name()).append(" = ?");
      }
      checkCounts(Batch.each(c, "UPDATE " + table + " SET " + set + " WHERE id = ? AND version = ?", updates),
          updates);
    }
    if (!inserts.isEmpty()) {
      List<String> names = new ArrayList<>(List.of("id", "version", "data"));
      columns.forEach(col -> names.add(col.name()));
      db.insert(c, table, names, inserts);
    }
    for (SideIndex<V> index : indexes) {
      List<Object[]> added = new ArrayList<>();
      for (Map.Entry<String, Write<V>> e : writes.entrySet()) {
        Write<V> w = e.getValue();
        Map<List<String>, SideIndex.Key> before = index.columns(w.before());
        for (List<String> key : index.columns(w.after()).keySet()) {
          if (!before.containsKey(key)) {
            added.add(withOwner(key, e.getKey()));
          }
        }
      }
      if (!added.isEmpty()) {
        List<String> names = new ArrayList<>(index.keyColumns());
        names.add(index.ownerColumn());
        db.insert(c, index.table(), names, added);
      }
    }
    writes.clear();
  }

  /** Fails the batch unless each statement (its last two arguments: id, version read) hit its row. */
  private void checkCounts(int[] counts, List<Object[]> args) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 1) {
        Object[] u = args.get(i);
        throw new org.ecrm.core.model.StoreException("JDBC storage: " + kind + " " + u[u.length - 2]
            + " changed or went away after it was read in this batch (version " + u[u.length - 1] + ")");
      }
    }
  }

  private static Object[] withOwner(List<String> key, String owner) {
    Object[] row = key.toArray(new Object[key.size() + 1]);
    row[key.size()] = owner;
    return row;
  }
}
