package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.spi.Storage;

/** Fresh H2 in-memory databases for the contract kit: one per {@link #newStorage()}. */
public final class H2Kit {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private H2Kit() { }

  /**
   * A storage on a new private in-memory database; it disappears when the storage closes its pool.
   * LOCK_TIMEOUT is raised so that writers queueing on one hot row wait instead of failing.
   */
  public static Storage newStorage() {
    return Pools.storage("jdbc:h2:mem:kit" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=20000", null, null, 8);
  }

  /** A pool on a new private in-memory database, which disappears when the pool closes. */
  public static HikariDataSource newDatabase() {
    return Pools.pool("jdbc:h2:mem:kit" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=20000", null, null, 8);
  }
}
