package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The writes a {@link Db#batchTransaction} holds back, and what its stores know of the rows they read
 * or wrote in it: one per running batch transaction, used by the thread that runs it only (not
 * thread-safe, and never shared).
 *
 * <p>Each store keeps its part ({@link #part}). A change of a part's state records how to undo it
 * ({@link #undo(Runnable)}), so a nested transaction that throws ({@link #unit}) leaves nothing of its
 * writes. When a store call that is not batch-aware needs the database to hold everything written so far,
 * the held writes are sent ({@link #flush}); a nested transaction that fails after such a send can no
 * longer be undone here, so the batch is then {@link #broken()} and the whole batch transaction fails,
 * to be run again unit by unit.
 */
final class Batch {
  /** Rows per multi-row {@code INSERT}. */
  static final int ROWS_PER_INSERT = 128;

  /** A store's share of the batch. */
  interface Part {
    /** Sends the held writes on {@code c}, in the transaction, and forgets them. */
    void flush(Connection c) throws SQLException;
  }

  /** Where a unit started: the undo log's length and how many sends had been made. */
  record Mark(int undo, int flushes) { }

  private final List<Runnable> undo = new ArrayList<>();
  private final Map<Object, Part> parts = new LinkedHashMap<>();
  private int flushes;
  private boolean broken;

  /** The part of {@code owner} (a store), made on first use. */
  <P extends Part> P part(Object owner, Class<P> type, Supplier<P> make) {
    return type.cast(parts.computeIfAbsent(owner, o -> make.get()));
  }

  /** Records how to undo a change just made to a part's state. */
  void undo(Runnable action) {
    undo.add(action);
  }

  /** Puts {@code value} under {@code key}, recording how to put back what was there. */
  <K, V> void put(Map<K, V> map, K key, V value) {
    V previous = map.put(key, value);
    undo.add(previous == null ? () -> map.remove(key) : () -> map.put(key, previous));
  }

  /** Removes {@code key}, recording how to put back what was there. */
  <K, V> void remove(Map<K, V> map, K key) {
    V previous = map.remove(key);
    if (previous != null) {
      undo.add(() -> map.put(key, previous));
    }
  }

  /**
   * Runs one nested unit: when it throws, every change it made to the parts is undone, newest first;
   * if some of its writes were sent meanwhile, the batch is broken.
   */
  <T> T unit(Supplier<T> work) {
    Mark mark = new Mark(undo.size(), flushes);
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      if (flushes != mark.flushes()) {
        broken = true; // the sent writes are the database's now: only the whole transaction can go
      } else {
        for (int i = undo.size() - 1; i >= mark.undo(); i--) {
          undo.remove(i).run();
        }
      }
      throw e;
    }
  }

  /** Whether a unit failed after some of its writes were sent, so the batch cannot be committed. */
  boolean broken() {
    return broken;
  }

  /**
   * Sends every part's held writes, in the order the parts were first used. If a send fails, part of
   * the writes may be in the database already: the batch is broken.
   */
  void flush(Connection c) throws SQLException {
    try {
      for (Part p : parts.values()) {
        p.flush(c);
      }
    } catch (SQLException | RuntimeException | Error e) {
      broken = true;
      throw e;
    }
    flushes++;
    undo.clear();
  }

  /**
   * Inserts {@code rows} (each one value per column) into {@code table}: with {@code multiRow}, as
   * multi-row {@code INSERT}s of up to {@link #ROWS_PER_INSERT} rows (the full ones as one JDBC batch of
   * one prepared statement, the rest as one statement); else as one JDBC batch of a one-row statement.
   */
  static void insert(Connection c, String table, List<String> columns, List<Object[]> rows, boolean multiRow)
      throws SQLException {
    if (!multiRow) {
      each(c, insertSql(table, columns, 1), rows);
      return;
    }
    int full = rows.size() / ROWS_PER_INSERT;
    if (full > 0) {
      try (PreparedStatement ps = c.prepareStatement(insertSql(table, columns, ROWS_PER_INSERT))) {
        for (int s = 0; s < full; s++) {
          bind(ps, rows.subList(s * ROWS_PER_INSERT, (s + 1) * ROWS_PER_INSERT));
          if (full > 1) {
            ps.addBatch();
          }
        }
        if (full > 1) {
          ps.executeBatch();
        } else {
          ps.executeUpdate();
        }
      }
    }
    int rest = rows.size() - full * ROWS_PER_INSERT;
    if (rest > 0) {
      try (PreparedStatement ps = c.prepareStatement(insertSql(table, columns, rest))) {
        bind(ps, rows.subList(full * ROWS_PER_INSERT, rows.size()));
        ps.executeUpdate();
      }
    }
  }

  private static String insertSql(String table, List<String> columns, int rows) {
    String one = "(" + "?, ".repeat(columns.size() - 1) + "?)";
    StringBuilder sql = new StringBuilder(64 + rows * (one.length() + 2)).append("INSERT INTO ").append(table)
        .append(" (").append(String.join(", ", columns)).append(") VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(one);
    }
    return sql.toString();
  }

  private static void bind(PreparedStatement ps, List<Object[]> rows) throws SQLException {
    int k = 1;
    for (Object[] row : rows) {
      for (Object v : row) {
        ps.setObject(k++, v);
      }
    }
  }

  /** Runs {@code sql} once per argument row as one JDBC batch; the update count of each. */
  static int[] each(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (rows.size() == 1) {
        Db.bind(ps, rows.get(0));
        return new int[] {ps.executeUpdate()};
      }
      for (Object[] row : rows) {
        Db.bind(ps, row);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }
}
