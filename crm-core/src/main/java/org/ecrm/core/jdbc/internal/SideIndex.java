package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ecrm.core.model.DuplicateKeyException;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index of a {@link JdbcTable} kept in a side table of (key columns..., owner id): unique
 * when the key columns are the side table's primary key, so the database refuses a second owner.
 *
 * @param table the side table
 * @param keyColumns the key's columns
 * @param ownerColumn the column holding the owning record's id
 * @param keys a record's keys: each key's column values and the value to name in error messages
 * @param unique whether a key may belong to one record only
 * @param field the field to name in {@link DuplicateKeyException}, e.g. {@code "emails"}
 */
record SideIndex<V>(String table, List<String> keyColumns, String ownerColumn, Function<V, List<Key>> keys,
    boolean unique, String field) {

  /** One key: its column values, and the domain value it stands for. */
  record Key(List<String> columns, Object value) { }

  /**
   * The keys function for records whose keys are the elements of one list component: each element's
   * columns, the element the value. Most records have none under most indexes (a customer without
   * phones or external ids): those cost no allocation.
   */
  static <V, E> Function<V, List<Key>> keysOf(Function<V, List<E>> elements, Function<E, List<String>> columns) {
    return record -> {
      List<E> all = elements.apply(record);
      if (all.isEmpty()) {
        return List.of();
      }
      List<Key> out = new ArrayList<>(all.size());
      for (E e : all) {
        out.add(new Key(columns.apply(e), e));
      }
      return out;
    };
  }

  /**
   * Changes the side rows of {@code id} from the keys of {@code old} (null: none, an insert) to those
   * of {@code next} (null: none, a delete): deletes the keys only {@code old} has, adds those only
   * {@code next} has, and touches nothing when the keys are unchanged (the usual update).
   */
  void sync(Connection c, String id, @Nullable V old, @Nullable V next) throws SQLException {
    Map<List<String>, Key> wanted = columns(next);
    Map<List<String>, Key> present = columns(old);
    for (List<String> stale : present.keySet()) {
      if (!wanted.containsKey(stale)) {
        List<Object> args = new ArrayList<>(stale);
        args.add(id);
        Db.update(c, "DELETE FROM " + table + " WHERE " + where() + " AND " + ownerColumn + " = ?",
            args.toArray());
      }
    }
    for (List<String> added : wanted.keySet()) {
      if (!present.containsKey(added)) {
        List<Object> args = new ArrayList<>(added);
        args.add(id);
        Db.update(c, "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + ownerColumn
            + ") VALUES (" + "?, ".repeat(keyColumns.size()) + "?)", args.toArray());
      }
    }
  }

  /** The keys of {@code record} (none for null) by their column values, each once, in the record's order. */
  Map<List<String>, Key> columns(@Nullable V record) {
    if (record == null) {
      return Map.of();
    }
    List<Key> all = keys.apply(record);
    if (all.isEmpty()) {
      return Map.of();
    }
    Map<List<String>, Key> out = new LinkedHashMap<>();
    for (Key k : all) {
      out.putIfAbsent(k.columns(), k);
    }
    return out;
  }

  /** The first key of {@code record} that another record holds, as the exception to throw; else null. */
  @Nullable DuplicateKeyException clash(Connection c, String kind, String id, V record) throws SQLException {
    if (!unique) {
      return null;
    }
    Map<List<String>, Key> seen = new HashMap<>();
    for (Key k : keys.apply(record)) {
      if (seen.putIfAbsent(k.columns(), k) != null) {
        continue;
      }
      var owner = Db.string(c, "SELECT " + ownerColumn + " FROM " + table + " WHERE " + where(),
          k.columns().toArray());
      if (owner.isPresent() && !owner.get().equals(id)) {
        return new DuplicateKeyException(kind, kind + "." + field, k.value(), owner.get());
      }
    }
    return null;
  }

  /** "k1 = ? AND k2 = ?". */
  String where() {
    return where("");
  }

  /** "p.k1 = ? AND p.k2 = ?" for prefix "p.". */
  String where(String prefix) {
    return String.join(" AND ", keyColumns.stream().map(k -> prefix + k + " = ?").toList());
  }
}
