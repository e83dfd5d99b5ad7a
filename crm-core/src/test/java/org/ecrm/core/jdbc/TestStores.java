package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;

/**
 * Fresh stores for tests that run on several of them: databases ("h2", "postgresql") and JDBC storages on
 * them, all closed by {@link #close()} (storages before their databases). Thread-safe.
 */
public final class TestStores implements AutoCloseable {
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  /** A fresh database of {@code kind} ("h2", else PostgreSQL), closed with this. */
  public HikariDataSource database(String kind) {
    if (kind.equals("h2")) {
      HikariDataSource pool = H2Kit.newDatabase();
      open.add(pool);
      return pool;
    }
    PostgresKit.Database db = PostgresKit.newDatabase();
    open.add(db);
    return db.pool();
  }

  /** A JDBC storage on {@code ds}, closed with this before the databases. */
  public JdbcStorage storage(DataSource ds) {
    JdbcStorage s = JdbcStorage.builder(ds).build();
    open.add(0, s);
    return s;
  }

  /** A fresh in-memory storage for "memory", else a JDBC storage on a fresh database of {@code kind}. */
  public Storage storage(String kind) {
    return kind.equals("memory") ? MemoryStorage.create() : storage(database(kind));
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    open.clear();
  }
}
