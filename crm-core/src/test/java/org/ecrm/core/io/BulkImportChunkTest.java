package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ecrm.core.Crm;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.jdbc.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imports run in chunks (one transaction of several rows, each row a savepoint) on the in-memory and
 * JDBC storages: a bad row inside a chunk is rejected alone, with its line and reason, and every other
 * row of the chunk is kept, audited and announced once; a failed nested operation leaves nothing behind.
 */
class BulkImportChunkTest {
  private final TestStores stores = new TestStores();

  @AfterEach
  void close() throws Exception {
    stores.close();
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void aBadRowInAChunkIsRejectedAloneAndTheRestOfItsChunkKept(String kind) {
    List<CrmEvent> events = new CopyOnWriteArrayList<>();
    Crm crm = Crm.builder().discoverStorage(false).storage(stores.storage(kind)).listener(events::add).build()
        .as(Actor.service("import"));
    int n = 1_000; // two chunks
    StringBuilder csv = new StringBuilder("id,email,givenName,familyName\n");
    for (int i = 0; i < n; i++) {
      String email = switch (i) {
        case 299 -> "user9@example.com"; // line 301: the e-mail of line 11, a unique key
        case 700 -> "not-an-address"; // line 702: invalid
        default -> "user" + i + "@example.com";
      };
      csv.append("c-").append(i).append(',').append(email).append(",Ada,Lovelace\n");
    }

    ImportResult r = crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build(),
        new StringReader(csv.toString()));

    assertThat(r.rows()).isEqualTo(n);
    assertThat(r.created()).isEqualTo(n - 2);
    assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(301L, 702L);
    assertThat(r.rejections().get(0).reason()).contains("user9@example.com");
    assertThat(r.rejections().get(1).field()).isEqualTo("email");
    assertThat(crm.customers().count()).isEqualTo(n - 2);
    assertThat(crm.customers().get(CustomerId.of("c-299"))).isEmpty();
    assertThat(crm.customers().get(CustomerId.of("c-298"))).isPresent();
    assertThat(crm.customers().get(CustomerId.of("c-300"))).isPresent();
    assertThat(crm.audit().forEntity("Customer", "c-299")).isEmpty();
    assertThat(crm.audit().forEntity("Customer", "c-298")).hasSize(1);
    assertThat(events).hasSize(n - 2).allMatch(e -> e instanceof CrmEvent.CustomerCreated);
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void twoImportsOfOverlappingFilesAtOnceLoseAndDuplicateNothing(String kind) throws Exception {
    Crm crm = Crm.builder().discoverStorage(false).storage(stores.storage(kind)).build().as(Actor.service("import"));
    ImportRequest request = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> crm.imports().run(request, new StringReader(customers(0, 1_500))));
      var b = pool.submit(() -> crm.imports().run(request, new StringReader(customers(750, 2_250))));
      ImportResult ra = a.get();
      ImportResult rb = b.get();
      for (ImportResult r : List.of(ra, rb)) {
        assertThat(r.created() + r.updated() + r.unchanged() + r.rejected()).isEqualTo(r.rows());
        // a row whose customer the other import created first is refused as a duplicate, never half-written
        assertThat(r.rejections()).allSatisfy(x -> assertThat(x.reason()).containsAnyOf("already", "uplicate"));
      }
      assertThat(ra.created() + rb.created()).isEqualTo(2_250);
      assertThat(crm.customers().count()).isEqualTo(2_250);
      assertThat(crm.customers().findByEmail(org.ecrm.core.model.EmailAddress.of("user1000@example.com")))
          .map(c -> c.id().value()).contains("c-1000");
    } finally {
      pool.shutdownNow();
    }
  }

  @org.junit.jupiter.api.Test
  void aChunkWhoseCommitFailsIsImportedAgainRowByRow() {
    var faulty = new org.ecrm.core.testkit.FaultyDataSource(stores.database("h2"));
    Storage storage = stores.storage(faulty);
    Crm crm = Crm.builder().discoverStorage(false).storage(storage).build().as(Actor.service("import"));
    faulty.scriptWhen((method, args) -> method.equals("commit"), org.ecrm.core.testkit.FaultyDataSource.Kind.FAIL);

    ImportResult r = crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build(),
        new StringReader(customers(0, 1_000)));

    assertThat(faulty.injected()).isEqualTo(1); // the first chunk's commit
    assertThat(r.rejections()).isEmpty();
    assertThat(r.created()).isEqualTo(1_000);
    assertThat(crm.customers().count()).isEqualTo(1_000);
    assertThat(crm.audit().forEntity("Customer", "c-0")).hasSize(1);
  }

  private static String customers(int from, int to) {
    StringBuilder csv = new StringBuilder("id,email,givenName,familyName\n");
    for (int i = from; i < to; i++) {
      csv.append("c-").append(i).append(",user").append(i).append("@example.com,Ada,Lovelace\n");
    }
    return csv.toString();
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void aFailedNestedTransactionUndoesItsOwnWritesOnly(String kind) {
    Storage storage = stores.storage(kind);
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    Customer kept = Customer.builder().id("c-1").email("a@example.com").createdAt(t).updatedAt(t).build();
    Customer undone = Customer.builder().id("c-2").email("b@example.com").createdAt(t).updatedAt(t).build();
    storage.transaction("outer", () -> {
      storage.customers().insert(kept);
      assertThatThrownBy(() -> storage.transaction("inner", () -> {
        storage.customers().insert(undone);
        throw new IllegalStateException("the row fails after its write");
      })).hasMessage("the row fails after its write");
      return null;
    });
    assertThat(storage.customers().get(CustomerId.of("c-1"))).contains(kept);
    assertThat(storage.customers().get(CustomerId.of("c-2"))).isEmpty();
    assertThat(storage.customers().findByEmail(undone.emails().get(0))).isEmpty();
  }
}
