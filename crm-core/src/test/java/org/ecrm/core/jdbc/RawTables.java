package org.ecrm.core.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every column of every table of a connection's current schema, read with plain SQL, as text. */
final class RawTables {
  private RawTables() { }

  static String dump(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no tables in schema " + c.getSchema());
    }
    StringBuilder out = new StringBuilder();
    for (String table : tables) {
      out.append("== ").append(table).append('\n');
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            out.append(rs.getString(i)).append('|');
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }
}
