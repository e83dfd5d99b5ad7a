package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.ecrm.core.model.StoreException;
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
  /** The records' JSON; checks the jackson-annotations present when the storage is built, not on first use. */
  private final JsonMapper json = org.ecrm.core.internal.Json.mapper("The JDBC storage (org.ecrm.core.jdbc.JdbcStorage)");

  /** Whether a batch sends its inserts as multi-row {@code INSERT}s (else as a JDBC batch of one-row ones). */
  private final boolean multiRowInserts;

  Db(DataSource dataSource) {
    this(dataSource, true);
  }

  /**
   * @param multiRowInserts whether a batch sends its inserts as multi-row {@code INSERT}s: fewer statements
   *     for a server (PostgreSQL); an embedded database (H2) runs a JDBC batch of one-row inserts faster
   */
  Db(DataSource dataSource, boolean multiRowInserts) {
    this.dataSource = dataSource;
    this.multiRowInserts = multiRowInserts;
  }

  /** Whether a batch's read-ahead passes its keys as one array ({@code = ANY(?)}, PostgreSQL). */
  private boolean arrayKeys;

  /** Makes the read-ahead pass its keys as one array parameter; for PostgreSQL. */
  Db arrayKeys(boolean on) {
    this.arrayKeys = on;
    return this;
  }

  /**
   * A condition that {@code column} is one of {@code n} values: {@code column IN (?, ...)}, or with array
   * keys {@code column = ANY(?)}, one statement text (and one plan) whatever {@code n} is.
   */
  String in(String column, int n) {
    return arrayKeys ? column + " = ANY(?)" : column + " IN (" + "?, ".repeat(n - 1) + "?)";
  }

  /** The parameters of {@link #in} for {@code values}. */
  Object[] inArgs(Connection c, List<String> values) throws SQLException {
    return arrayKeys ? new Object[] {c.createArrayOf("varchar", values.toArray())} : values.toArray();
  }

  /** Inserts {@code rows} for a batch, as {@link Batch#insert} does with this database's kind of statement. */
  void insert(Connection c, String table, List<String> columns, List<Object[]> rows) throws SQLException {
    Batch.insert(c, table, columns, rows, multiRowInserts);
  }

  /** The connection of the operation running on this thread ({@link #transaction}), if any. */
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  /**
   * Runs one facade operation in one database transaction on one connection, which every store call
   * of this thread joins: committed if {@code work} returns, rolled back if it throws. Inside a running
   * operation it runs under a savepoint, rolled back to if {@code work} throws. A failure to
   * get a connection, to run a statement or to commit becomes a {@link StoreException} naming
   * {@code operation}; a commit whose answer was lost (connection failure, timeout) is reported with
   * {@link StoreException#outcomeUnknown()} true. {@code operation} is called only to build such a
   * failure's message (the savepoint is unnamed).
   */
  <T> T transaction(Supplier<String> operation, Supplier<T> work) {
    Connection joined = bound.get();
    if (joined != null) { // a nested operation: a savepoint, rolled back to if the work throws
      Batch b = batch.get();
      if (b != null) { // the held-back writes of a batch are undone in memory: no savepoint needed
        return b.unit(work);
      }
      return nested(joined, operation, c -> work.get());
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreException(operation.get() + " failed: no database connection: " + describe(e), e);
    }
    boolean settled = false; // committed or rolled back: the connection may go back to the pool as is
    try {
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        throw new StoreException(operation.get() + " failed: cannot start a transaction: " + describe(e), e);
      }
      bound.set(c);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        settled = rollback(c, e);
        throw e;
      } finally {
        bound.remove();
      }
      try {
        c.commit();
        settled = true;
      } catch (SQLException e) {
        if (lostConnection(e)) {
          throw new StoreException(operation.get() + " failed (outcome unknown): the connection failed after the "
              + "commit was sent, so the operation may or may not be stored; read it back, or retry by its "
              + "id: " + describe(e), e, true);
        }
        settled = rollback(c, e);
        throw new StoreException(operation.get() + " failed: the commit was refused: " + describe(e), e);
      }
      return result;
    } finally {
      close(c, settled);
    }
  }

  /** Whether {@code e} means the connection (not the statement) failed, so a commit's fate is unknown. */
  static boolean lostConnection(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLRecoverableException || e instanceof SQLTimeoutException
        || e instanceof java.sql.SQLTransientConnectionException || e instanceof java.sql.SQLNonTransientConnectionException
        || state != null && state.startsWith("08");
  }

  /** Rolls back; false (with the failure recorded on {@code failure}) if that failed. */
  private static boolean rollback(Connection c, Throwable failure) {
    try {
      c.rollback();
      return true;
    } catch (SQLException | RuntimeException r) {
      failure.addSuppressed(r);
      return false;
    }
  }

  /** The held-back writes of the batch transaction running on this thread, if any. */
  private final ThreadLocal<Batch> batch = new ThreadLocal<>();

  /**
   * Runs {@code work} as {@link #transaction} does, holding back the writes of the batch-aware store
   * calls ({@link #batch()}) and sending them when {@code work} returns, before the commit; each nested
   * transaction is a unit of the batch whose writes are undone in memory when it throws. Inside a running
   * operation it is a plain nested {@link #transaction}.
   */
  <T> T batchTransaction(String operation, Supplier<T> work) {
    if (bound.get() != null) {
      return transaction(() -> operation, work);
    }
    return transaction(() -> operation, () -> {
      Batch b = new Batch();
      batch.set(b);
      try {
        T result = work.get();
        if (b.broken()) {
          throw new StoreException(operation + " failed: a row failed after part of its writes was sent to the"
              + " database, so the batch is run again row by row");
        }
        Connection c = bound.get();
        try {
          b.flush(c);
        } catch (SQLException e) {
          throw translate(operation + " (sending the batched writes)", e);
        }
        return result;
      } finally {
        batch.remove();
      }
    });
  }

  /** The batch of the batch transaction running on this thread, or null outside one. */
  @Nullable Batch batch() {
    return bound.get() == null ? null : batch.get();
  }

  /** Sends the running batch's held writes, so that a store call that is not batch-aware sees them. */
  private void flushBatch(Connection c) throws SQLException {
    Batch b = batch.get();
    if (b != null) {
      b.flush(c);
    }
  }

  /**
   * Returns the connection. Auto-commit is restored only after a commit or a successful rollback:
   * switching it on inside an open transaction would commit that transaction, so an unsettled
   * connection is closed as it is (a driver or pool rolls it back, or evicts it).
   */
  private static void close(Connection c, boolean settled) {
    if (settled) {
      try {
        c.setAutoCommit(true);
      } catch (SQLException | RuntimeException e) {
        // the pool resets or evicts it
      }
    }
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      // nothing more to do: the pool evicts a broken connection
    }
  }

  /**
   * Runs {@code work} as one unit: inside an operation ({@link #transaction}) under a savepoint of its
   * connection (rolled back to it if {@code work} throws, so the operation may go on, e.g. retry a
   * version conflict); outside one in its own transaction, committed if it returns.
   */
  <T> T tx(String what, Work<T> work) {
    Connection joined = bound.get();
    if (joined != null) {
      try {
        flushBatch(joined);
      } catch (SQLException e) {
        throw translate(what, e);
      }
      return nested(joined, () -> what, work);
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw translate(what, e);
    }
    boolean settled = false;
    try {
      c.setAutoCommit(false);
      T result;
      try {
        result = work.run(c);
      } catch (SQLException | RuntimeException | Error e) {
        settled = rollback(c, e);
        throw e;
      }
      try {
        c.commit();
      } catch (SQLException e) {
        if (lostConnection(e)) {
          throw new StoreException("JDBC storage: " + what + " failed (outcome unknown): the connection failed"
              + " after the commit was sent: " + describe(e), e, true);
        }
        throw e;
      }
      settled = true;
      return result;
    } catch (SQLException e) {
      throw translate(what, e);
    } finally {
      close(c, settled);
    }
  }

  /** Runs {@code work} under an unnamed savepoint of {@code c}; {@code what} names a failure only. */
  private <T> T nested(Connection c, Supplier<String> what, Work<T> work) {
    Savepoint sp;
    try {
      sp = c.setSavepoint();
    } catch (SQLException e) {
      throw translate(what.get(), e);
    }
    try {
      T result = work.run(c);
      c.releaseSavepoint(sp);
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        c.rollback(sp);
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      if (e instanceof SQLException s) {
        throw translate(what.get(), s);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e;
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode (one statement, or reads); inside an operation on its connection. */
  <T> T read(String what, Work<T> work) {
    Connection joined = bound.get();
    if (joined != null) {
      try {
        flushBatch(joined);
        return work.run(joined);
      } catch (SQLException e) {
        throw translate(what, e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  /**
   * Runs a batch-aware read on the running batch transaction's connection without sending the held
   * writes: the caller answers from the batch what they touched.
   */
  <T> T readBeside(String what, Work<T> work) {
    Connection joined = bound.get();
    if (joined == null) {
      return read(what, work);
    }
    try {
      return work.run(joined);
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  private static String describe(SQLException e) {
    return e.getMessage() + " (SQLState " + e.getSQLState() + ")";
  }

  static RuntimeException translate(String what, SQLException e) {
    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
      return new UniqueViolation(e);
    }
    return new StoreException("JDBC storage: " + what + " failed: " + describe(e), e);
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
