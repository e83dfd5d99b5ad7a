package org.ecrm.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.FaultWorkload;
import org.ecrm.core.testkit.FaultyDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC storage on H2 under a fault-injecting data source: failed, hung and dropped-after-commit
 * JDBC calls while 16 threads write; then every acknowledged write is stored, no failed one is visible
 * in part, and every error is a StoreException naming its operation.
 */
class H2FaultTest {
  private static int databases;

  private static FaultyDataSource faultyH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    synchronized (H2FaultTest.class) {
      h2.setURL("jdbc:h2:mem:fault" + (++databases) + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }
    return new FaultyDataSource(h2);
  }

  @Test
  void sixteenWritersUnderRandomJdbcFaults() throws Exception {
    FaultyDataSource faulty = faultyH2();
    try (HikariDataSource pool = JdbcFaultKit.pool(faulty, 16, 10_000)) {
      Storage storage = JdbcFaultKit.storage(pool);
      FaultWorkload work = new FaultWorkload(16, 25, 7, "h2");
      Crm crm = Crm.builder().storage(storage).listener(work.listener()).build();
      faulty.random(7, 0.003, 0.0003, 0.05, 100);
      long t0 = System.nanoTime();
      work.run(crm);
      long t1 = System.nanoTime();
      faulty.off();
      FaultWorkload.Figures f = work.verify(storage);
      System.out.printf("H2 run %d ms, verify %d ms%n", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
      System.out.printf("H2: faults injected=%d (fail=%d hang=%d dropAfterCommit=%d) of %d JDBC calls; %s%n",
          faulty.injected(), faulty.injected(FaultyDataSource.Kind.FAIL),
          faulty.injected(FaultyDataSource.Kind.HANG), faulty.injected(FaultyDataSource.Kind.DROP_AFTER_COMMIT),
          faulty.calls(), f);
      assertThat(work.violations()).isEmpty();
      assertThat(faulty.injected(FaultyDataSource.Kind.FAIL)).isGreaterThan(5);
      assertThat(faulty.injected(FaultyDataSource.Kind.DROP_AFTER_COMMIT)).isGreaterThan(3);
      assertThat(f.unknown()).isGreaterThan(0);
      assertThat(f.found()).isEqualTo(f.acknowledged());
    }
  }

  @Test
  void aCommitWhoseAnswerIsLostIsReportedAsUnknownAndARetryByIdDoesNotDuplicate() throws Exception {
    FaultyDataSource faulty = faultyH2();
    try (HikariDataSource pool = JdbcFaultKit.pool(faulty, 4, 10_000)) {
      Storage storage = JdbcFaultKit.storage(pool);
      Crm crm = Crm.builder().storage(storage).build();
      faulty.script(1, FaultyDataSource.Kind.DROP_AFTER_COMMIT);
      Customer.Builder ada = Customer.builder().id("ada").name("Ada", "Lovelace").email("ada@example.com");
      assertThatThrownBy(() -> crm.customers().create(ada))
          .isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.outcomeUnknown()).isTrue();
            assertThat(e.getMessage()).startsWith("create customer ada failed (outcome unknown)")
                .contains("retry by its id");
          });
      // the commit did take effect: a retry by the same id meets it instead of making a second one
      assertThatThrownBy(() -> crm.customers().create(ada)).isInstanceOf(DuplicateKeyException.class);
      assertThat(crm.customers().count()).isEqualTo(1);
      assertThat(crm.audit().forEntity("Customer", "ada")).hasSize(1);
      // a loyalty earn whose answer is lost: the retry with the same source event writes nothing more
      faulty.script(1, FaultyDataSource.Kind.DROP_AFTER_COMMIT);
      assertThatThrownBy(() -> crm.loyalty().earn(CustomerId.of("ada"), 10, "welcome", "signup"))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
      crm.loyalty().earn(CustomerId.of("ada"), 10, "welcome", "signup");
      assertThat(crm.loyalty().ledger(CustomerId.of("ada"))).hasSize(1);
      assertThat(crm.loyalty().balance(CustomerId.of("ada"))).isEqualTo(10);
    }
  }

  @Test
  void theNthCallFailingRollsTheWholeOperationBackAndNamesIt() throws Exception {
    FaultyDataSource faulty = faultyH2();
    try (HikariDataSource pool = JdbcFaultKit.pool(faulty, 4, 10_000)) {
      Storage storage = JdbcFaultKit.storage(pool);
      Crm crm = Crm.builder().storage(storage).build();
      crm.customers().create(Customer.builder().id("keep").name("Keep", "Me").email("keep@example.com"));
      crm.customers().create(Customer.builder().id("dup").name("Dup", "Me").email("dup@example.com"));
      // find how many JDBC calls a merge makes, then fail each of them in turn on fresh pairs
      long before = faulty.calls();
      crm.customers().merge(CustomerId.of("keep"), CustomerId.of("dup"));
      long callsOfMerge = faulty.calls() - before;
      int failures = 0;
      int unknown = 0;
      for (long n = 1; n <= callsOfMerge; n += 5) {
        String a = "a" + n;
        String b = "b" + n;
        crm.customers().create(Customer.builder().id(a).name("A", a).email(a + "@example.com"));
        crm.customers().create(Customer.builder().id(b).name("B", b).email(b + "@example.com"));
        faulty.script(n, n % 2 == 0 ? FaultyDataSource.Kind.FAIL : FaultyDataSource.Kind.HANG);
        try {
          crm.customers().merge(CustomerId.of(a), CustomerId.of(b));
        } catch (StoreException e) {
          failures++;
          assertThat(e.getMessage()).startsWith("merge customer " + b + " into " + a + " failed");
          faulty.off();
          if (e.outcomeUnknown()) { // the commit itself hung: all of the merge or nothing
            unknown++;
            boolean merged = crm.customers().get(CustomerId.of(b)).orElseThrow().id().value().equals(a);
            assertThat(crm.customers().require(CustomerId.of(a)).emails()).hasSize(merged ? 2 : 1);
            continue;
          }
          // nothing of the merge is visible
          assertThat(crm.customers().get(CustomerId.of(b)).orElseThrow().id().value()).isEqualTo(b);
          assertThat(crm.customers().findByEmail(org.ecrm.core.model.EmailAddress.of(b + "@example.com"))
              .orElseThrow().id().value()).isEqualTo(b);
          assertThat(crm.customers().require(CustomerId.of(a)).emails()).hasSize(1);
          assertThat(crm.audit().forEntity("Customer", a)).hasSize(1);
        }
        faulty.off();
      }
      System.out.printf("H2 merge with its Nth JDBC call broken: %d of %d calls tried, %d merges failed (%d with"
          + " an unknown outcome: the commit hung)%n", (callsOfMerge + 4) / 5, callsOfMerge, failures, unknown);
      assertThat(failures).isGreaterThan(3);
    }
  }

  /**
   * Without a pool: a statement fails, then the rollback fails too. The adapter must not switch
   * auto-commit back on (that would commit the half-done operation); it closes the connection, which
   * rolls it back.
   */
  @Test
  void aFailedRollbackNeverCommitsTheHalfDoneOperation() {
    FaultyDataSource faulty = faultyH2();
    Storage storage = JdbcFaultKit.storage(faulty);
    Crm crm = Crm.builder().storage(storage).build();
    faulty.scriptWhen((method, args) -> method.equals("prepareStatement") && String.valueOf(args[0])
        .startsWith("INSERT INTO audit"), FaultyDataSource.Kind.FAIL);
    faulty.scriptWhen((method, args) -> method.equals("rollback") && args.length == 0, FaultyDataSource.Kind.FAIL);
    assertThatThrownBy(() -> crm.customers().create(Customer.builder().id("half").name("Half", "Done")
        .email("half@example.com")))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.getMessage()).startsWith("create customer half failed");
          assertThat(e.outcomeUnknown()).isFalse();
        });
    faulty.off();
    assertThat(crm.customers().get(CustomerId.of("half"))).isEmpty();
    assertThat(crm.customers().findByEmail(org.ecrm.core.model.EmailAddress.of("half@example.com"))).isEmpty();
    assertThat(crm.customers().count()).isZero();
  }
}
