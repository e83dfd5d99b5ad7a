package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * version, and writes the row and its side rows, so a failed write changes nothing. Thread-safe: state
 * is immutable; concurrency is the database's.
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
  private final Function<V, K> idOf;
  private final Function<K, String> key;
  private final ToLongFunction<V> versionOf;
  private final List<Column<V>> columns;
  private final List<SideIndex<V>> indexes;

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
    return db.read(kind + " get " + k, c -> db.records(c, type, "SELECT data FROM " + table + " WHERE id = ?", k))
        .stream().findFirst();
  }

  V insert(V record) {
    notNull(kind, record);
    String id = key(idOf.apply(record));
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

  /** Deletes the record if its stored version is {@code version}; false if there is none. */
  boolean delete(K idValue, long version) {
    String id = key(idValue);
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
    return db.read(kind + " lookup in " + index.table(), c -> db.records(c, type,
        "SELECT t.data FROM " + table + " t JOIN " + index.table() + " s ON s." + index.ownerColumn()
            + " = t.id WHERE " + index.where("s.") + " ORDER BY t.id", keyColumns));
  }

}
