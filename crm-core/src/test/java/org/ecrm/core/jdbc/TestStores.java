package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.ecrm.core.Crm;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Actor;
import org.ecrm.core.spi.Storage;

/**
 * Fresh stores for tests that run on several of them: databases ("h2", "postgresql") and JDBC storages on
 * them, all closed by {@link #close()} (storages before their databases). Thread-safe.
 */
public final class TestStores implements AutoCloseable {
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  /** The databases, for {@code @MethodSource("org.ecrm.core.jdbc.TestStores#databases")}. */
  public static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  /** Every store kind {@link #storage(String)} makes, for {@code @MethodSource}. */
  public static Stream<String> all() {
    return Stream.of("memory", "h2", "postgresql");
  }

  /**
   * A facade on {@code storage} acting as the service "import", with a fixed clock, its events added to
   * {@code events}.
   */
  public static Crm importer(Storage storage, List<CrmEvent> events) {
    return Crm.builder().discoverStorage(false).storage(storage).listener(events::add)
        .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
        .build().as(Actor.service("import"));
  }

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
