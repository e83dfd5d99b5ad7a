package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.ecrm.core.jdbc.Dialect;

/** The dialects crm-core knows: H2 and PostgreSQL. Immutable. */
public enum BuiltInDialect implements Dialect {
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
      Db.strings(connection, "SELECT CAST(pg_advisory_xact_lock(?) AS VARCHAR)", ADVISORY_LOCK_KEY);
    }
  }
}
