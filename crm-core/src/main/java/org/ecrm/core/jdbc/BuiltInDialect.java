package org.ecrm.core.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The dialects crm-core knows: H2 and PostgreSQL. Immutable. */
enum BuiltInDialect implements Dialect {
  /** H2 2.x: compares VARCHAR as {@link String#compareTo} does. */
  H2("VARCHAR(512)"),
  /** PostgreSQL: the "C" collation orders ids by code point, as Java orders them. */
  POSTGRESQL("VARCHAR(512) COLLATE \"C\"");

  /** The key of the advisory lock that serialises migrations on PostgreSQL. */
  static final long ADVISORY_LOCK_KEY = 7406111L;

  private final String idType;

  BuiltInDialect(String idType) {
    this.idType = idType;
  }

  @Override
  public String idType() {
    return idType;
  }

  @Override
  public void lockForMigration(Connection connection) throws SQLException {
    if (this == POSTGRESQL) {
      try (PreparedStatement ps = connection.prepareStatement("SELECT CAST(pg_advisory_xact_lock(?) AS VARCHAR)")) {
        ps.setLong(1, ADVISORY_LOCK_KEY);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            // the lock is taken once the statement has run; the row holds nothing
          }
        }
      }
    }
  }
}
