package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.ecrm.core.internal.check.Checks;

/**
 * What the JDBC stores need of a database dialect: its name and column types, and the lock that serialises
 * schema migrations across processes. {@code JdbcStorage} makes one from the public {@code Dialect}, so the
 * stores below it do not depend on the API package. Immutable.
 *
 * @param name the dialect's name, for messages
 * @param idType the SQL type of id columns
 * @param textType the SQL type of unbounded text columns
 * @param migrationLock takes the cross-process migration lock inside the migration's transaction
 */
public record SqlDialect(String name, String idType, String textType, MigrationLock migrationLock) {

  /** Validates the parts. */
  public SqlDialect {
    Checks.notNull("name", name);
    Checks.notNull("idType", idType);
    Checks.notNull("textType", textType);
    Checks.notNull("migrationLock", migrationLock);
  }

  /** Takes the migration lock on a connection in a transaction. */
  @FunctionalInterface
  public interface MigrationLock {
    /**
     * Locks until the transaction of {@code connection} ends.
     *
     * @param connection the migration's connection, auto-commit off
     * @throws SQLException if the database refuses
     */
    void lock(Connection connection) throws SQLException;
  }
}
