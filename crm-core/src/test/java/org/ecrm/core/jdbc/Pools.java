package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/** Test data sources: a HikariCP pool per storage, closed with it, as a host would pass its own. */
final class Pools {
  private Pools() { }

  /** A pool on {@code url}; the caller closes it. */
  static HikariDataSource pool(String url, @Nullable String user, @Nullable String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    return new HikariDataSource(config);
  }

  /** A storage on its own pool, which {@link JdbcStorage#close()} closes. */
  static JdbcStorage storage(String url, @Nullable String user, @Nullable String password, int size) {
    HikariDataSource pool = pool(url, user, password, size);
    try {
      return JdbcStorage.builder(pool).closeDataSource(true).build();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** {@link #storage(String, String, String, int)} with no user and 4 connections. */
  static JdbcStorage storage(String url) {
    return storage(url, null, null, 4);
  }
}
