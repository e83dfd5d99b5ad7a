package org.ecrm.examples.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.spi.Storage;

/** Fresh H2 in-memory databases for the contract kit: one per {@link #newStorage()}. */
final class H2Kit {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private H2Kit() { }

  /**
   * A storage on a new private in-memory database; it disappears when the storage closes its pool.
   * LOCK_TIMEOUT is raised so that writers queueing on one hot row wait instead of failing.
   */
  static Storage newStorage() {
    return JdbcStorage.open("jdbc:h2:mem:kit" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=20000", null, null, 8);
  }
}
