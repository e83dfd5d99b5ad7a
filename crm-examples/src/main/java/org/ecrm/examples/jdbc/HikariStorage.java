package org.ecrm.examples.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import org.ecrm.core.jdbc.JdbcStorage;
import org.ecrm.core.model.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * The command line's and the demo's convenience: crm-core's {@link JdbcStorage} on a HikariCP pool made
 * from a JDBC URL, closed with the storage. A host with a pool of its own passes it to
 * {@link JdbcStorage#builder(javax.sql.DataSource)} instead. Stateless and thread-safe.
 */
public final class HikariStorage {
  private HikariStorage() { }

  /**
   * Opens a storage on {@code jdbcUrl} with its own HikariCP pool, closed by {@link JdbcStorage#close()}.
   *
   * @param jdbcUrl the database, e.g. {@code jdbc:h2:./crm-demo} or {@code jdbc:postgresql://host/db}
   * @param user the user, or null for none (H2 embedded)
   * @param password the password, or null
   * @param maxPoolSize the most connections the pool opens, at least 1
   * @return the storage, its schema created or upgraded
   * @throws StoreException if the database cannot be reached or its schema cannot be made
   */
  public static JdbcStorage open(String jdbcUrl, @Nullable String user, @Nullable String password, int maxPoolSize) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1, not " + maxPoolSize);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(Math.min(2, maxPoolSize));
    config.setPoolName("ecrm-jdbc");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("JDBC storage: cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
    }
    try {
      return JdbcStorage.builder(pool).closeDataSource(true).build();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * {@link #open(String, String, String, int)} with no user and at most 10 connections.
   *
   * @param jdbcUrl the database
   * @return the storage
   */
  public static JdbcStorage open(String jdbcUrl) {
    return open(jdbcUrl, null, null, 10);
  }
}
