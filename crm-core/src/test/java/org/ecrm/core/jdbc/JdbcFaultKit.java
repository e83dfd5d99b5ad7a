package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.ecrm.core.spi.Storage;

/**
 * The one place the fault tests touch the JDBC adapter and the pool: a storage on a host data source,
 * and a HikariCP pool over any data source (a fault-injecting one in the tests).
 */
final class JdbcFaultKit {
  private JdbcFaultKit() { }

  /** The JDBC storage on {@code dataSource}, which stays the caller's to close. */
  static Storage storage(DataSource dataSource) {
    return JdbcStorage.builder(dataSource).build();
  }

  /**
   * A pool of at most {@code size} connections over {@code dataSource}; a borrower waits at most
   * {@code timeoutMillis} for a free connection.
   */
  static HikariDataSource pool(DataSource dataSource, int size, long timeoutMillis) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(timeoutMillis);
    config.setValidationTimeout(Math.max(250, timeoutMillis / 2));
    config.setInitializationFailTimeout(30_000);
    config.setPoolName("fault-test");
    return new HikariDataSource(config);
  }
}
