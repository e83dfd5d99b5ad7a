package org.ecrm.examples.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ecrm.core.DuplicateKeyException;
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

  /** Makes the side rows of {@code id} those of {@code record}: deletes stale keys, adds new ones. */
  void sync(Connection c, String id, @Nullable V record) throws SQLException {
    Map<List<String>, Key> wanted = new LinkedHashMap<>();
    if (record != null) {
      for (Key k : keys.apply(record)) {
        wanted.putIfAbsent(k.columns(), k);
      }
    }
    Set<List<String>> present = new java.util.HashSet<>(current(c, id));
    for (List<String> old : present) {
      if (!wanted.containsKey(old)) {
        List<Object> args = new ArrayList<>(old);
        args.add(id);
        Db.update(c, "DELETE FROM " + table + " WHERE " + where() + " AND " + ownerColumn + " = ?",
            args.toArray());
      }
    }
    for (Map.Entry<List<String>, Key> e : wanted.entrySet()) {
      if (!present.contains(e.getKey())) {
        List<Object> args = new ArrayList<>(e.getKey());
        args.add(id);
        Db.update(c, "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + ownerColumn
            + ") VALUES (" + "?, ".repeat(keyColumns.size()) + "?)", args.toArray());
      }
    }
  }

  private List<List<String>> current(Connection c, String id) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (var ps = c.prepareStatement("SELECT " + String.join(", ", keyColumns) + " FROM " + table + " WHERE "
        + ownerColumn + " = ?")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> k = new ArrayList<>();
          for (int i = 1; i <= keyColumns.size(); i++) {
            k.add(rs.getString(i));
          }
          out.add(List.copyOf(k));
        }
      }
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
