package org.ecrm.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.FaultWorkload;
import org.ecrm.core.testkit.FaultyDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC storage on embedded PostgreSQL under faults: random failed, hung and dropped-after-commit
 * JDBC calls under 16 writers; the server stopped and started again (same data directory and port) in
 * the middle of a write loop; and a pool whose connections are all taken.
 */
class PostgresFaultTest {
  @TempDir
  static Path dir;
  private static int port;
  private static EmbeddedPostgres server;
  private static int schemas;

  @BeforeAll
  static void start() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = startServer();
  }

  private static EmbeddedPostgres startServer() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(false)
        .setPort(port).start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** A data source on a new schema of the server (no pool, no faults). */
  private static PGSimpleDataSource schema() throws Exception {
    String name;
    synchronized (PostgresFaultTest.class) {
      name = "fault_" + (++schemas);
    }
    try (Connection c = server.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE SCHEMA " + name);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl("jdbc:postgresql://localhost:" + port + "/postgres?currentSchema=" + name);
    ds.setUser("postgres");
    ds.setConnectTimeout(5);
    return ds;
  }

  @Test
  void sixteenWritersUnderRandomJdbcFaults() throws Exception {
    FaultyDataSource faulty = new FaultyDataSource(schema());
    try (HikariDataSource pool = JdbcFaultKit.pool(faulty, 16, 10_000)) {
      Storage storage = JdbcFaultKit.storage(pool);
      FaultWorkload work = new FaultWorkload(16, 20, 11, "pg");
      Crm crm = Crm.builder().storage(storage).listener(work.listener()).build();
      faulty.random(11, 0.003, 0.0003, 0.05, 100);
      work.run(crm);
      faulty.off();
      FaultWorkload.Figures f = work.verify(storage);
      System.out.printf("PostgreSQL: faults injected=%d (fail=%d hang=%d dropAfterCommit=%d) of %d JDBC calls; %s%n",
          faulty.injected(), faulty.injected(FaultyDataSource.Kind.FAIL),
          faulty.injected(FaultyDataSource.Kind.HANG), faulty.injected(FaultyDataSource.Kind.DROP_AFTER_COMMIT),
          faulty.calls(), f);
      assertThat(work.violations()).isEmpty();
      assertThat(faulty.injected(FaultyDataSource.Kind.FAIL)).isGreaterThan(5);
      assertThat(faulty.injected(FaultyDataSource.Kind.DROP_AFTER_COMMIT)).isGreaterThan(3);
      assertThat(f.found()).isEqualTo(f.acknowledged());
    }
  }

  @Test
  void aWriteLoopResumesAfterTheServerRestartsWithoutLosingAnAcknowledgedWrite() throws Exception {
    PGSimpleDataSource ds = schema();
    try (HikariDataSource pool = JdbcFaultKit.pool(ds, 4, 1_000)) {
      Storage storage = JdbcFaultKit.storage(pool);
      Crm crm = Crm.builder().storage(storage).build();
      List<String> acknowledged = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      int restartAt = 40;
      int downFor = 3; // writes tried while the server is down
      for (int i = 0; i < 100; i++) {
        if (i == restartAt) {
          server.close(); // a fast shutdown: the server is gone until it is started again
        }
        if (i == restartAt + downFor) {
          server = startServer();
        }
        String id = "loop-" + i;
        // the loop retries a failed write by its id, as a host would, until it is acknowledged
        for (int attempt = 0; attempt < 50; attempt++) {
          try {
            crm.customers().create(Customer.builder().id(id).name("Loop", id).email(id + "@example.com"));
            acknowledged.add(id);
            break;
          } catch (org.ecrm.core.model.DuplicateKeyException e) {
            acknowledged.add(id); // an earlier attempt with an unknown outcome did store it
            break;
          } catch (StoreException e) {
            failed.add(id);
            assertThat(e.getMessage()).startsWith("create customer " + id + " failed");
            if (i >= restartAt + downFor) {
              Thread.sleep(100); // the pool reconnects
            } else {
              break; // the server is down: go on with the next id, as a loop with its own queue would
            }
          }
        }
      }
      System.out.printf("PostgreSQL restart: %d writes acknowledged, %d failed attempts while the server was"
          + " down or reconnecting%n", acknowledged.size(), failed.size());
      assertThat(failed).isNotEmpty();
      assertThat(acknowledged).contains("loop-0", "loop-39", "loop-43", "loop-99");
      for (String id : acknowledged) {
        assertThat(crm.customers().get(CustomerId.of(id))).as(id).isPresent();
      }
      assertThat(crm.customers().count()).isEqualTo(acknowledged.size());
    }
  }

  @Test
  void anExhaustedPoolFailsWithAClearTimeoutError() throws Exception {
    PGSimpleDataSource ds = schema();
    try (HikariDataSource pool = JdbcFaultKit.pool(ds, 2, 300)) {
      Storage storage = JdbcFaultKit.storage(pool);
      Crm crm = Crm.builder().storage(storage).build();
      crm.customers().create(Customer.builder().id("first").name("First", "One"));
      Connection held1 = pool.getConnection();
      Connection held2 = pool.getConnection();
      try {
        assertThatThrownBy(() -> crm.customers().create(Customer.builder().id("second").name("Second", "One")))
            .isInstanceOfSatisfying(StoreException.class, e -> {
              assertThat(e.getMessage()).startsWith("create customer second failed: no database connection")
                  .contains("timed out after");
              assertThat(e.outcomeUnknown()).isFalse();
            });
      } finally {
        held1.close();
        held2.close();
      }
      crm.customers().create(Customer.builder().id("second").name("Second", "One"));
      assertThat(crm.customers().count()).isEqualTo(2);
    }
  }
}
