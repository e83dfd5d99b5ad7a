package org.ecrm.examples.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.spi.Storage;

/** Fresh H2 in-memory databases for the contract kit: one per {@link #newStorage()}. */
final class H2Kit {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Map<Storage, String> URLS = new ConcurrentHashMap<>();

  private H2Kit() { }

  /**
   * A storage on a new private in-memory database; it disappears when the storage closes its pool.
   * LOCK_TIMEOUT is raised so that writers queueing on one hot row wait instead of failing.
   */
  static Storage newStorage() {
    String url = "jdbc:h2:mem:kit" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=20000";
    Storage storage = JdbcStorage.open(url, null, null, 8);
    URLS.put(storage, url);
    return storage;
  }

  /** A plain connection to the database of an open storage made by {@link #newStorage()}, for raw reads. */
  static Connection connect(Storage storage) throws SQLException {
    return DriverManager.getConnection(URLS.get(storage));
  }
}
