package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ecrm.core.StoreException;
import org.ecrm.core.json.CrmJacksonModule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connections, transactions, JSON and error mapping shared by the stores. Thread-safe: it holds only
 * the (thread-safe) data source and JSON mapper; each call borrows its own connection.
 */
final class Db {
  /** SQLState of a unique-constraint violation, on PostgreSQL and H2 alike. */
  static final String UNIQUE_VIOLATION = "23505";

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** A unique constraint refused a write; the transaction was rolled back. */
  static final class UniqueViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UniqueViolation(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final DataSource dataSource;
  private final JsonMapper json = JsonMapper.builder().addModule(new CrmJacksonModule()).build();

  Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  <T> T tx(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode (one statement, or reads). */
  <T> T read(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  private static RuntimeException translate(String what, SQLException e) {
    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
      return new UniqueViolation(e);
    }
    return new StoreException("JDBC storage: " + what + " failed: " + e.getMessage() + " (SQLState "
        + e.getSQLState() + ")", e);
  }

  String write(Object record) {
    try {
      return json.writeValueAsString(record);
    } catch (JacksonException e) {
      throw new StoreException("JDBC storage: cannot write " + record.getClass().getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  <V> V parse(String data, Class<V> type) {
    try {
      return json.readValue(data, type);
    } catch (JacksonException e) {
      throw new StoreException("JDBC storage: a stored " + type.getSimpleName() + " is not readable: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Binds {@code args} to {@code ps} from index 1. */
  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  /** Runs an update statement; returns the row count. */
  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  /** The first column of every row, as strings. */
  static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    }
  }

  /** The first column of the first row as a string, if any. */
  static Optional<String> string(Connection c, String sql, Object... args) throws SQLException {
    List<String> all = strings(c, sql, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The first column of the first row as a long, or null without rows. */
  static @Nullable Long number(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The records in the first ({@code data}) column of every row, parsed as {@code type}. */
  <V> List<V> records(Connection c, Class<V> type, String sql, Object... args) throws SQLException {
    List<V> out = new ArrayList<>();
    for (String data : strings(c, sql, args)) {
      out.add(parse(data, type));
    }
    return out;
  }
}
