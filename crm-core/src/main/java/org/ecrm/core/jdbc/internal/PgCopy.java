package org.ecrm.core.jdbc.internal;

import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows into a table with PostgreSQL's {@code COPY ... FROM STDIN} through the PostgreSQL JDBC driver's
 * {@code CopyManager}, found by reflection so that crm-core does not depend on the driver: absent when
 * the driver is not on the class path ({@link #find}), and not used on a connection that does not unwrap
 * to the driver's connection (then the caller inserts the rows itself). Immutable and thread-safe.
 */
final class PgCopy {
  private final Class<?> pgConnection;
  private final Method copyApi;
  private final Method copyIn;

  private PgCopy(Class<?> pgConnection, Method copyApi, Method copyIn) {
    this.pgConnection = pgConnection;
    this.copyApi = copyApi;
    this.copyIn = copyIn;
  }

  /** The driver's COPY entry points, looked up through {@code loader}; null without the driver. */
  static @Nullable PgCopy find(@Nullable ClassLoader loader) {
    try {
      Class<?> connection = Class.forName("org.postgresql.PGConnection", false, loader);
      Class<?> manager = Class.forName("org.postgresql.copy.CopyManager", false, loader);
      return new PgCopy(connection, connection.getMethod("getCopyAPI"),
          manager.getMethod("copyIn", String.class, java.io.Reader.class));
    } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
      return null;
    }
  }

  /**
   * Copies {@code rows} (one value per column; null is SQL NULL) into {@code table} on {@code c}, in its
   * transaction; false (nothing done) if {@code c} is not a PostgreSQL driver connection.
   */
  boolean copy(Connection c, String table, List<String> columns, List<Object[]> rows) throws SQLException {
    if (!c.isWrapperFor(pgConnection)) {
      return false;
    }
    StringBuilder text = new StringBuilder(rows.size() * 256);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.append('\t');
        }
        append(text, row[i]);
      }
      text.append('\n');
    }
    try {
      Object api = copyApi.invoke(c.unwrap(pgConnection));
      copyIn.invoke(api, "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN",
          new StringReader(text.toString()));
      return true;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException s) {
        throw s;
      }
      throw new SQLException("COPY into " + table + " failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new SQLException("COPY into " + table + " is not accessible: " + e.getMessage(), e);
    }
  }

  /** A value in COPY's text format: {@code \N} for null; backslash, tab, newline and return escaped. */
  private static void append(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    String s = value.toString();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
  }
}
