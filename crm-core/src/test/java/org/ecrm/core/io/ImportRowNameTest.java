package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.jdbc.H2Kit;
import org.ecrm.core.jdbc.JdbcStorage;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.ForwardingStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.FaultyDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each imported row is an operation whose name ({@code "import CUSTOMER row at line n"}) is built only
 * when a failure needs it: a row whose store call fails is still rejected at its line, with the reason
 * naming that line wherever the storage names the operation, on the in-memory and the JDBC (H2) storage.
 */
class ImportRowNameTest {
  private static final String BOOM = "boom@example.com";
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  static Stream<String> storages() {
    return Stream.of("memory", "h2");
  }

  private Storage storage(String kind) {
    return kind.equals("memory") ? MemoryStorage.create() : jdbc(H2Kit.newDatabase());
  }

  private Storage jdbc(HikariDataSource pool) {
    open.add(pool);
    JdbcStorage s = JdbcStorage.builder(pool).build();
    open.add(0, s);
    return s;
  }

  private static Crm crm(Storage storage) {
    return Crm.builder().discoverStorage(false).storage(storage).build();
  }

  private static ImportRequest request() {
    return ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build();
  }

  /** Five customers; the one on line {@code boomLine} has the e-mail the failing store refuses. */
  private static String csv(int boomLine) {
    StringBuilder csv = new StringBuilder("id,email,givenName\n");
    for (int line = 2; line <= 6; line++) {
      csv.append("c-").append(line).append(',').append(line == boomLine ? BOOM : "u" + line + "@example.com")
          .append(",Ada\n");
    }
    return csv.toString();
  }

  /**
   * {@code inner} whose customer store refuses to insert the customer with {@link #BOOM} (a store error,
   * as a full disk or a dropped connection would give); {@code savepoints} false makes every row an
   * operation of its own, as on an adapter without savepoints.
   */
  private static Storage failing(Storage inner, boolean savepoints) {
    return new ForwardingStorage(inner) {
      @Override
      protected <S> S wrap(Class<S> type, S store) {
        if (type != CustomerStore.class) {
          return store;
        }
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CustomerStore.class},
            (p, m, a) -> {
              if (m.getName().equals("insert") && a[0] instanceof Customer c
                  && c.emails().stream().anyMatch(e -> e.value().equals(BOOM))) {
                throw new StoreException("the disk is full");
              }
              try {
                return m.invoke(store, a);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
      }

      @Override
      public boolean nestedTransactionsAreSavepoints() {
        return savepoints && super.nestedTransactionsAreSavepoints();
      }

      @Override
      public boolean batchesWrites() {
        return savepoints && super.batchesWrites();
      }
    };
  }

  @ParameterizedTest
  @MethodSource("storages")
  void aRowOfItsOwnIsRejectedWithAReasonNamingItsLine(String kind) {
    Crm crm = crm(failing(storage(kind), false));

    ImportResult r = crm.imports().run(request(), new StringReader(csv(4)));

    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(tuple(4L, "row"));
    assertThat(r.rejections().get(0).reason())
        .isEqualTo("import CUSTOMER row at line 4 failed: the disk is full");
    assertThat(r.created()).isEqualTo(4);
    assertThat(crm.customers().count()).isEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("storages")
  void aOneRowImportIsRejectedWithAReasonNamingItsLine(String kind) {
    Crm crm = crm(failing(storage(kind), true));

    ImportResult r = crm.imports().run(request(), new StringReader("id,email\nc-1," + BOOM + "\n"));

    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field, RejectedRow::reason)
        .containsExactly(tuple(2L, "row", "import CUSTOMER row at line 2 failed: the disk is full"));
    assertThat(crm.customers().count()).isZero();
  }

  @ParameterizedTest
  @MethodSource("storages")
  void aRowOfAChunkIsRejectedAtItsLine_theOthersKept(String kind) {
    Crm crm = crm(failing(storage(kind), true));

    ImportResult r = crm.imports().run(request(), new StringReader(csv(5)));

    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field, RejectedRow::reason)
        .containsExactly(tuple(5L, "row", "the disk is full"));
    assertThat(r.created()).isEqualTo(4);
    assertThat(crm.customers().count()).isEqualTo(4);
    assertThat(crm.customers().get(org.ecrm.core.model.CustomerId.of("c-5"))).isEmpty();
  }

  @Test
  void aSavepointTheDatabaseRefusesIsReportedNamingTheRowsLine() {
    HikariDataSource pool = H2Kit.newDatabase();
    open.add(pool);
    AtomicInteger savepoints = new AtomicInteger();
    FaultyDataSource refusingThird = new FaultyDataSource(pool).scriptWhen((method, args) ->
        method.equals("setSavepoint") && rowSavepoint() && savepoints.incrementAndGet() == 3, FaultyDataSource.Kind.FAIL);
    JdbcStorage jdbc = JdbcStorage.builder(refusingThird).build();
    open.add(0, jdbc);
    // row by row with a savepoint each (no batch), so that the third row's savepoint is refused (a store
    // call sets savepoints of its own, which are let through)
    Crm crm = crm(new ForwardingStorage(jdbc) {
      @Override
      public boolean batchesWrites() {
        return false;
      }
    });

    ImportResult r = crm.imports().run(request(), new StringReader(csv(0)));

    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(tuple(4L, "row"));
    assertThat(r.rejections().get(0).reason())
        .startsWith("JDBC storage: import CUSTOMER row at line 4 failed: injected fault: Connection.setSavepoint failed");
    assertThat(r.created()).isEqualTo(4);
    assertThat(crm.customers().count()).isEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("storages")
  void aSucceedingUnitNeverBuildsItsName(String kind) {
    Storage storage = storage(kind);
    AtomicInteger named = new AtomicInteger();
    String result = storage.transaction(() -> {
      named.incrementAndGet();
      return "outer";
    }, () -> storage.transaction(() -> {
      named.incrementAndGet();
      return "inner";
    }, () -> "done"));
    assertThat(result).isEqualTo("done");
    assertThat(named).hasValue(0);
  }

  /**
   * Whether the savepoint being set is a row's (a nested operation's, set by the storage's transaction),
   * not one a store call sets for its own statements.
   */
  private static boolean rowSavepoint() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> f.getClassName().equals("org.ecrm.core.jdbc.internal.Db") && !f.getMethodName().equals("nested"))
        .findFirst().map(f -> f.getMethodName().equals("transaction")).orElse(false));
  }
}
