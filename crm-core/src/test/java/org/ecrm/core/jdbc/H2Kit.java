package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.spi.Storage;

/** Fresh H2 in-memory databases for the contract kit: one per {@link #newStorage()}. */
public final class H2Kit {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final java.util.Map<Storage, String> URLS = new java.util.concurrent.ConcurrentHashMap<>();

  private H2Kit() { }

  /**
   * A storage on a new private in-memory database; it disappears when the storage closes its pool.
   * LOCK_TIMEOUT is raised so that writers queueing on one hot row wait instead of failing.
   */
  public static Storage newStorage() {
    String url = "jdbc:h2:mem:kit" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=20000";
    Storage storage = Pools.storage(url, null, null, 8);
    URLS.put(storage, url);
    return storage;
  }

  /** A plain connection to the database of an open storage made by {@link #newStorage()}, for raw reads. */
  public static java.sql.Connection connect(Storage storage) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(URLS.get(storage));
  }

  /** A pool on a new private in-memory database, which disappears when the pool closes. */
  public static HikariDataSource newDatabase() {
    return Pools.pool("jdbc:h2:mem:kit" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=20000", null, null, 8);
  }
}
