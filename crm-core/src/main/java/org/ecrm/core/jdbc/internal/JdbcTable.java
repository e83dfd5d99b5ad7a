package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
 * One aggregate's table: id, version, the JSON document and the columns lookups need, plus side-table
 * indexes. Every write is one transaction that locks the row ({@code SELECT ... FOR UPDATE}), checks the
 * version, and writes the row and its side rows, so a failed write changes nothing. Inside a batch
 * transaction the lookups by id and unique key and the writes go to the table's {@link BatchOverlay}
 * instead, which holds the writes back. Thread-safe: state is immutable; concurrency is the database's.
 */
final class JdbcTable<K extends Comparable<K>, V> {

  /** A plain column derived from the record. */
  record Column<V>(String name, Function<V, @Nullable Object> value) {
    /** The two columns ({@code at_second}, {@code at_nano}) that order by an instant exactly. */
    static <V> List<Column<V>> instant(Function<V, Instant> at) {
      return List.of(new Column<>("at_second", v -> at.apply(v).getEpochSecond()),
          new Column<>("at_nano", v -> at.apply(v).getNano()));
    }
  }

  final Db db;
  final String kind;
  final String table;
  final Class<V> type;
  final Function<V, K> idOf;
  private final Function<K, String> key;
  final ToLongFunction<V> versionOf;
  final List<Column<V>> columns;
  final List<SideIndex<V>> indexes;

  JdbcTable(Db db, String kind, String table, Class<V> type, Function<V, K> idOf, Function<K, String> key,
      ToLongFunction<V> versionOf, List<Column<V>> columns, List<SideIndex<V>> indexes) {
    this.db = db;
    this.kind = kind;
    this.table = table;
    this.type = type;
    this.idOf = idOf;
    this.key = key;
    this.versionOf = versionOf;
    this.columns = List.copyOf(columns);
    this.indexes = List.copyOf(indexes);
  }

  String key(K id) {
    return key.apply(notNull(kind + ".id", id));
  }

  static <T> T notNull(String what, @Nullable T value) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return value;
  }

  Optional<V> get(K id) {
    String k = key(id);
    Batch b = db.batch();
    if (b != null) {
      return held(b).get(k);
    }
    return db.read(kind + " get " + k, c -> db.records(c, type, "SELECT data FROM " + table + " WHERE id = ?", k))
        .stream().findFirst();
  }

  V insert(V record) {
    notNull(kind, record);
    String id = key(idOf.apply(record));
    Batch b = db.batch();
    if (b != null) {
      return held(b).insert(id, record);
    }
    try {
      db.tx(kind + " insert " + id, c -> {
        List<Object> args = new ArrayList<>(List.of(id, versionOf.applyAsLong(record), db.write(record)));
        StringBuilder names = new StringBuilder("id, version, data");
        for (Column<V> col : columns) {
          names.append(", ").append(col.name());
          args.add(col.value().apply(record));
        }
        Db.update(c, "INSERT INTO " + table + " (" + names + ") VALUES (" + "?, ".repeat(args.size() - 1) + "?)",
            args.toArray());
        for (SideIndex<V> index : indexes) {
          index.sync(c, id, null, record);
        }
        return null;
      });
    } catch (Db.UniqueViolation e) {
      throw clash(id, record, e);
    }
    return record;
  }

  V update(V next) {
    notNull(kind, next);
    K idValue = idOf.apply(next);
    String id = key(idValue);
    long version = versionOf.applyAsLong(next);
    Batch b = db.batch();
    if (b != null) {
      return held(b).update(idValue, id, version, next);
    }
    try {
      db.tx(kind + " update " + id, c -> {
        Stored<V> current = lock(c, id);
        if (current == null) {
          throw new NotFoundException(kind, idValue);
        }
        long stored = current.version();
        if (stored != version - 1) {
          throw new VersionConflictException(kind, idValue, version - 1, stored);
        }
        List<Object> args = new ArrayList<>(List.of(version, db.write(next)));
        StringBuilder set = new StringBuilder("version = ?, data = ?");
        for (Column<V> col : columns) {
          set.append(", ").append(col.name()).append(" = ?");
          args.add(col.value().apply(next));
        }
        args.add(id);
        Db.update(c, "UPDATE " + table + " SET " + set + " WHERE id = ?", args.toArray());
        for (SideIndex<V> index : indexes) {
          index.sync(c, id, current.record(), next);
        }
        return null;
      });
    } catch (Db.UniqueViolation e) {
      throw clash(id, next, e);
    }
    return next;
  }

  /**
   * Deletes the record if its stored version is {@code version}; false if there is none. Inside a batch
   * transaction the delete is held back like the other writes: the batch's reads no longer see the row,
   * and its id and unique keys are free for the batch's later writes.
   */
  boolean delete(K idValue, long version) {
    String id = key(idValue);
    Batch b = db.batch();
    if (b != null) {
      return held(b).delete(idValue, id, version);
    }
    return db.tx(kind + " delete " + id, c -> {
      Stored<V> current = lock(c, id);
      if (current == null) {
        return false;
      }
      if (current.version() != version) {
        throw new VersionConflictException(kind, idValue, version, current.version());
      }
      for (SideIndex<V> index : indexes) {
        index.sync(c, id, current.record(), null);
      }
      Db.update(c, "DELETE FROM " + table + " WHERE id = ?", id);
      return true;
    });
  }

  /**
   * Runs a write of this table that is not batch-aware (raw SQL on several rows) as {@link Db#tx} does:
   * inside a batch transaction the held writes are sent first, and what the batch knew of this table's
   * rows and keys is forgotten after, so its later reads go to the database and see the write.
   */
  <T> T writeBeside(String what, Db.Work<T> work) {
    T result = db.tx(what, work);
    Batch b = db.batch();
    if (b != null) {
      held(b).forget();
    }
    return result;
  }

  /** A locked row: its version, and its record when the table has side indexes (else null). */
  private record Stored<V>(long version, @Nullable V record) { }

  /**
   * Locks row {@code id} for the rest of the transaction and reads it; null if there is none. A writer
   * that finds the row locked waits, then reads the version the other writer committed.
   */
  private @Nullable Stored<V> lock(Connection c, String id) throws SQLException {
    try (var ps = c.prepareStatement("SELECT version" + (indexes.isEmpty() ? "" : ", data") + " FROM " + table
        + " WHERE id = ? FOR UPDATE")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Stored<>(rs.getLong(1), indexes.isEmpty() ? null : db.parse(rs.getString(2), type));
      }
    }
  }

  /** Which unique key a refused write clashed on, found after the rollback. */
  private RuntimeException clash(String id, V record, Db.UniqueViolation cause) {
    DuplicateKeyException found = db.read(kind + " duplicate check " + id, c -> {
      if (Db.number(c, "SELECT version FROM " + table + " WHERE id = ?", id) != null) {
        return new DuplicateKeyException(kind, kind + ".id", idOf.apply(record), id);
      }
      for (SideIndex<V> index : indexes) {
        DuplicateKeyException d = index.clash(c, kind, id, record);
        if (d != null) {
          return d;
        }
      }
      return null;
    });
    if (found == null) {
      // the other holder went away between the refusal and the check: still nothing was written
      found = new DuplicateKeyException(kind, kind + ".key", cause.getMessage(), "(a concurrent write)");
    }
    found.initCause(cause.getCause());
    return found;
  }

  List<V> scan(@Nullable K after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(kind + " scan limit must be at least 1: " + limit);
    }
    return db.read(kind + " scan", c -> after == null
        ? db.records(c, type, "SELECT data FROM " + table + " ORDER BY id LIMIT ?", limit)
        : db.records(c, type, "SELECT data FROM " + table + " WHERE id > ? ORDER BY id LIMIT ?", key(after), limit));
  }

  long count() {
    Long n = db.read(kind + " count", c -> Db.number(c, "SELECT COUNT(*) FROM " + table));
    return n == null ? 0 : n;
  }

  /** Records whose column {@code column} is {@code value}, in the given order. */
  List<V> where(String column, String value, String orderBy) {
    return db.read(kind + " lookup by " + column, c -> db.records(c, type,
        "SELECT data FROM " + table + " WHERE " + column + " = ? ORDER BY " + orderBy, value));
  }

  /** Records holding {@code keyColumns} in side index {@code index}, in id order. */
  List<V> lookup(SideIndex<V> index, Object... keyColumns) {
    Batch b = db.batch();
    if (b != null && index.unique()) {
      List<String> key = new ArrayList<>(keyColumns.length);
      for (Object k : keyColumns) {
        key.add((String) k);
      }
      return held(b).lookup(index, key).stream().toList();
    }
    return db.read(kind + " lookup in " + index.table(), c -> db.records(c, type,
        "SELECT t.data FROM " + table + " t JOIN " + index.table() + " s ON s." + index.ownerColumn()
            + " = t.id WHERE " + index.where("s.") + " ORDER BY t.id", keyColumns));
  }


  /** Keys per multi-key lookup statement. */
  private static final int KEYS_PER_LOOKUP = 256;

  /**
   * The stored records with ids {@code ids} and those holding {@code keys} (column values per unique side
   * index), each once: one query per kind of key and {@value #KEYS_PER_LOOKUP} keys. Inside a batch
   * transaction the answers are kept, the keys nobody holds too, so the lookups that follow need no
   * round trip.
   */
  List<V> readAhead(List<String> ids, Map<SideIndex<V>, List<List<String>>> keys) {
    Batch b = db.batch();
    BatchOverlay<K, V> h = b == null ? null : held(b);
    Map<String, V> found = new java.util.TreeMap<>(ownersById(h, ids));
    for (Map.Entry<SideIndex<V>, List<List<String>>> e : keys.entrySet()) {
      SideIndex<V> index = e.getKey();
      Map<List<String>, Optional<String>> owners = h == null ? null : h.owners(index);
      List<List<String>> toRead = new ArrayList<>();
      for (List<String> key : new java.util.LinkedHashSet<>(e.getValue())) {
        Optional<String> owner = owners == null ? null : owners.get(key);
        if (owner == null) {
          toRead.add(key);
        } else if (owner.isPresent()) {
          h.get(owner.get()).ifPresent(v -> found.put(owner.get(), v));
        }
      }
      int width = index.keyColumns().size();
      for (int from = 0; from < toRead.size(); from += KEYS_PER_LOOKUP) {
        List<List<String>> part = toRead.subList(from, Math.min(toRead.size(), from + KEYS_PER_LOOKUP));
        String match = width == 1
            ? db.in("s." + index.keyColumns().get(0), part.size())
            : String.join(" OR ", java.util.Collections.nCopies(part.size(), "(" + index.where("s.") + ")"));
        List<Object> args = new ArrayList<>();
        part.forEach(args::addAll);
        // the side table alone by its key, then the owners by id: both by primary key on any database
        List<String[]> rows = db.readBeside(kind + " read ahead in " + index.table(), c -> pairs(c,
            "SELECT s." + index.ownerColumn() + ", s." + String.join(", s.", index.keyColumns()) + " FROM "
                + index.table() + " s WHERE " + match, width == 1
                    ? db.inArgs(c, part.stream().map(k -> k.get(0)).toList()) : args.toArray()));
        java.util.Set<List<String>> absent = new java.util.HashSet<>(part);
        List<String> ownerIds = new ArrayList<>();
        for (String[] r : rows) {
          List<String> key = List.of(java.util.Arrays.copyOfRange(r, 1, r.length));
          absent.remove(key);
          ownerIds.add(r[0]);
          if (owners != null) {
            owners.putIfAbsent(key, Optional.of(r[0]));
          }
        }
        if (!ownerIds.isEmpty()) {
          found.putAll(ownersById(h, ownerIds));
        }
        if (owners != null) {
          absent.forEach(key -> owners.putIfAbsent(key, Optional.empty()));
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The stored records with ids {@code ids} (those {@code h} knows answered from it), one query per
   * {@value #KEYS_PER_LOOKUP} ids; with a batch part, the answers are kept, the ids nobody has too.
   */
  private Map<String, V> ownersById(@Nullable BatchOverlay<K, V> h, List<String> ids) {
    Map<String, V> found = new java.util.HashMap<>();
    List<String> toRead = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(ids)) {
      Optional<V> known = h == null ? null : h.known(id);
      if (known == null) {
        toRead.add(id);
      } else {
        known.ifPresent(v -> found.put(id, v));
      }
    }
    for (int from = 0; from < toRead.size(); from += KEYS_PER_LOOKUP) {
      List<String> part = toRead.subList(from, Math.min(toRead.size(), from + KEYS_PER_LOOKUP));
      List<String[]> rows = db.readBeside(kind + " read ahead", c -> pairs(c, "SELECT id, data FROM " + table
          + " WHERE " + db.in("id", part.size()), db.inArgs(c, part)));
      java.util.Set<String> absent = new java.util.HashSet<>(part);
      for (String[] r : rows) {
        V v = db.parse(r[1], type);
        absent.remove(r[0]);
        found.put(r[0], h == null ? v : h.known(r[0], v));
      }
      if (h != null) {
        absent.forEach(h::absent);
      }
    }
    return found;
  }

  /** Every row's columns as strings. */
  static List<String[]> pairs(Connection c, String sql, Object... args) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      Db.bind(ps, args);
      try (var rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        List<String[]> out = new ArrayList<>();
        while (rs.next()) {
          String[] row = new String[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getString(i + 1);
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  /** This table's overlay in batch {@code b}, made on first use. */
  private BatchOverlay<K, V> held(Batch b) {
    @SuppressWarnings("unchecked")
    BatchOverlay<K, V> overlay = b.part(this, BatchOverlay.class, () -> new BatchOverlay<>(this, b));
    return overlay;
  }
}
