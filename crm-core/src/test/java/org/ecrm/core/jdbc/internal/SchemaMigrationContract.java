package org.ecrm.core.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.ecrm.core.Crm;
import org.ecrm.core.jdbc.Dialect;
import org.ecrm.core.jdbc.JdbcStorage;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema scripts on one database: an empty database gets the newest schema, an older one is migrated
 * keeping its data, a newer one is refused naming both versions, a failing script names itself, and
 * storages opening one database at once migrate it once.
 */
abstract class SchemaMigrationContract {
  private final List<AutoCloseable> open = new ArrayList<>();

  /** A pool on a new, empty database; closed by {@link #release()} through {@link #track}. */
  protected abstract DataSource newDatabase();

  /** The built-in dialect the database should be recognised as. */
  protected abstract Dialect dialect();

  /** The dialect as the stores see it (as JdbcStorage makes it). */
  static SqlDialect sql(Dialect d) {
    return new SqlDialect(d.name(), d.idType(), d.textType(), d::lockForMigration);
  }

  /** Whether DDL takes part in transactions (a failed migration leaves nothing behind). */
  protected abstract boolean transactionalDdl();

  protected final <T extends AutoCloseable> T track(T resource) {
    open.add(resource);
    return resource;
  }

  @AfterEach
  void release() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  static Schema.Script libraryScript(int version) {
    String name = Schema.LIBRARY_SCRIPTS.get(version - 1);
    return new Schema.Script(version, name, libraryText(name));
  }

  private static String libraryText(String name) {
    try (var in = Schema.class.getResourceAsStream(Schema.FOLDER + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<Integer> versions(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT version FROM ecrm_schema_version ORDER BY version")) {
      List<Integer> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
      return out;
    }
  }

  static boolean tableExists(DataSource ds, String table) {
    try (Connection c = ds.getConnection()) {
      c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table).close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Test
  void emptyDatabase_getsTheNewestSchema_andWorks() throws Exception {
    DataSource ds = newDatabase();
    JdbcStorage storage = JdbcStorage.builder(ds).build();
    assertThat(storage.dialect()).isSameAs(dialect());
    assertThat(versions(ds)).containsExactly(1, 2).last().isEqualTo(JdbcStorage.schemaVersion());
    try (Crm crm = Crm.builder().storage(storage).build()) {
      crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
      assertThat(crm.customers().count()).isEqualTo(1);
    }
    // opening again changes nothing
    JdbcStorage again = JdbcStorage.builder(ds).build();
    assertThat(versions(ds)).containsExactly(1, 2);
    assertThat(again.customers().count()).isEqualTo(1);
  }

  @Test
  void olderSchema_isMigratedForward_keepingItsData() throws Exception {
    DataSource ds = newDatabase();
    // a database as a crm-core knowing only version 1 left it, with a customer in it
    JdbcStores v1 = new JdbcStores(ds, sql(dialect()), Schema.of(List.of(libraryScript(1))));
    assertThat(v1.schemaVersion()).isEqualTo(1);
    Customer ada = v1.customers().insert(Customer.builder().id(CustomerId.of("c-1"))
        .name("Ada", "Lovelace").email("ada@example.com").createdAt(Instant.parse("2026-01-01T00:00:00Z"))
        .updatedAt(Instant.parse("2026-01-01T00:00:00Z")).version(1).build());
    assertThat(versions(ds)).containsExactly(1);
    assertThat(tableExists(ds, "questionnaires")).isFalse();

    JdbcStorage storage = JdbcStorage.builder(ds).build();

    assertThat(versions(ds)).containsExactly(1, 2);
    assertThat(tableExists(ds, "questionnaires")).isTrue();
    assertThat(storage.customers().findByEmail(EmailAddress.of("ada@example.com"))).contains(ada);
    assertThat(storage.surveys().questionnaires()).isEmpty();
  }

  @Test
  void newerSchema_isRefused_namingBothVersions_andChangingNothing() throws Exception {
    DataSource ds = newDatabase();
    Schema future = Schema.of(List.of(libraryScript(1), libraryScript(2),
        new Schema.Script(3, "V3__future.sql", "CREATE TABLE future_things (id ${id} PRIMARY KEY);\n")));
    new JdbcStores(ds, sql(dialect()), future);
    assertThat(versions(ds)).containsExactly(1, 2, 3);

    assertThatThrownBy(() -> JdbcStorage.builder(ds).build()).isInstanceOf(StoreException.class)
        .hasMessageContaining("schema is at version 3")
        .hasMessageContaining("newer than version 2");
    assertThat(versions(ds)).containsExactly(1, 2, 3);
    assertThat(tableExists(ds, "future_things")).isTrue();
  }

  @Test
  void failingScript_isNamed_andNotRecorded() throws Exception {
    DataSource ds = newDatabase();
    JdbcStorage.builder(ds).build();
    Schema broken = Schema.of(List.of(libraryScript(1), libraryScript(2),
        new Schema.Script(3, "V3__broken.sql", "CREATE TABLE v3_first (id INTEGER);\nCREATE TABLE v3_bad (;\n")));

    assertThatThrownBy(() -> new JdbcStores(ds, sql(dialect()), broken)).isInstanceOf(StoreException.class)
        .hasMessageContaining("V3__broken.sql").hasMessageContaining("statement 2 of 2");

    assertThat(versions(ds)).containsExactly(1, 2);
    if (transactionalDdl()) {
      assertThat(tableExists(ds, "v3_first")).isFalse();
    }
    // the library's own schema still opens
    assertThat(JdbcStorage.builder(ds).build().customers().count()).isZero();
  }

  @Test
  void storagesOpeningAtOnce_migrateOnce() throws Exception {
    DataSource ds = newDatabase();
    List<Callable<Long>> opens = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      opens.add(() -> JdbcStorage.builder(ds).build().customers().count());
    }
    assertThat(atOnce(opens)).containsOnly(0L);
    // a second run of a script would have failed on CREATE TABLE or on the version table's primary key
    assertThat(versions(ds)).containsExactly(1, 2);
  }

  /** Runs {@code tasks} at once and returns their results, rethrowing the first failure. */
  static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
