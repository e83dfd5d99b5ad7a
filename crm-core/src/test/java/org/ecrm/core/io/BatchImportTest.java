package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.ecrm.core.Crm;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.spi.ForwardingStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.HookedDataSource;
import org.ecrm.core.jdbc.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Customer imports on the JDBC storages run each chunk as a batch (the chunk's keys read ahead, its
 * writes sent together): a bad row is still rejected alone with its line and field, whether the batch
 * can tell at once (an invalid value, a key another row of the chunk or a stored customer holds) or the
 * database tells only when the batch is sent (a key or a row a concurrent writer took or changed
 * meanwhile: the chunk then runs again row by row); and a batch leaves the same customers, audit trail and
 * events as the row-by-row path.
 */
class BatchImportTest {
  private final TestStores stores = new TestStores();

  @AfterEach
  void close() throws Exception {
    stores.close();
  }

  private static ImportRequest request() {
    return ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build();
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#databases")
  void badRowsOfABatchAreRejectedAloneWithLineAndField(String kind) {
    List<CrmEvent> events = new CopyOnWriteArrayList<>();
    Crm crm = TestStores.importer(stores.storage(stores.database(kind)), events);
    crm.customers().create(Customer.builder().id("pre-1").email("taken@example.com").externalId("crm", "X1"));
    events.clear();
    int n = 600; // a full chunk and part of another
    StringBuilder csv = new StringBuilder("id,email,givenName,familyName,external.crm\n");
    for (int i = 0; i < n; i++) {
      String email = switch (i) {
        case 9 -> "not-an-address"; // line 11: invalid
        case 19 -> "user5@example.com"; // line 21: the e-mail of line 7, in the same chunk
        case 29 -> "taken@example.com"; // line 31: a stored customer's
        case 549 -> "user520@example.com"; // line 551: the e-mail of line 522, in the second chunk
        default -> "user" + i + "@example.com";
      };
      String external = i == 39 ? "X1" : "E" + i; // line 41: a stored customer's external id
      csv.append("c-").append(i).append(',').append(email).append(",Ada,Lovelace,").append(external).append('\n');
    }

    ImportResult r = crm.imports().run(request(), new StringReader(csv.toString()));

    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        tuple(11L, "email"), tuple(21L, "email"), tuple(31L, "email"), tuple(41L, "external.crm"),
        tuple(551L, "email"));
    assertThat(r.rejections().get(1).reason()).contains("user5@example.com", "c-5");
    assertThat(r.rejections().get(2).reason()).contains("taken@example.com", "pre-1");
    assertThat(r.rejections().get(3).reason()).contains("X1", "pre-1");
    assertThat(r.rejections().get(4).reason()).contains("user520@example.com", "c-520");
    assertThat(r.created()).isEqualTo(n - 5);
    assertThat(crm.customers().count()).isEqualTo(n - 5 + 1);
    for (int i : new int[] {9, 19, 29, 39, 549}) {
      assertThat(crm.customers().get(CustomerId.of("c-" + i))).as("c-" + i).isEmpty();
      assertThat(crm.audit().forEntity("Customer", "c-" + i)).as("audit of c-" + i).isEmpty();
    }
    assertThat(crm.customers().findByEmail(EmailAddress.of("user5@example.com"))).map(c -> c.id().value())
        .contains("c-5");
    assertThat(crm.customers().findByExternalId(ExternalId.of("crm", "E40"))).map(c -> c.id().value())
        .contains("c-40");
    assertThat(crm.customers().require(CustomerId.of("pre-1")).version()).isEqualTo(1);
    assertThat(crm.audit().forEntity("Customer", "c-18")).hasSize(1);
    assertThat(crm.audit().forEntity("Customer", "c-599")).hasSize(1);
    assertThat(events).hasSize(n - 5).allMatch(e -> e instanceof CrmEvent.CustomerCreated);
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#databases")
  void aKeyAConcurrentWriterTakesBeforeTheBatchIsSentFailsThatRowAlone(String kind) {
    HikariDataSource db = stores.database(kind);
    HookedDataSource hooked = new HookedDataSource(db);
    List<CrmEvent> events = new CopyOnWriteArrayList<>();
    Crm crm = TestStores.importer(stores.storage(hooked.dataSource()), events);
    Crm other = TestStores.importer(stores.storage(db), new ArrayList<>());
    // the other writer commits a customer holding line 9's e-mail after the chunk looked its keys up,
    // just before the chunk sends its e-mail keys
    hooked.before("INSERT INTO customer_emails", () ->
        other.customers().create(Customer.builder().id("other").email("user7@example.com")));

    ImportResult r = crm.imports().run(request(), new StringReader(customers(0, 300, "Lovelace")));

    assertThat(hooked.fired()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(tuple(9L, "email"));
    assertThat(r.rejections().get(0).reason()).contains("user7@example.com", "other");
    assertThat(r.created()).isEqualTo(299);
    assertThat(crm.customers().count()).isEqualTo(300);
    assertThat(crm.customers().get(CustomerId.of("c-7"))).isEmpty();
    assertThat(crm.audit().forEntity("Customer", "c-7")).isEmpty();
    assertThat(crm.audit().forEntity("Customer", "c-8")).hasSize(1);
    assertThat(crm.customers().findByEmail(EmailAddress.of("user7@example.com"))).map(c -> c.id().value())
        .contains("other");
    assertThat(events).hasSize(299).allMatch(e -> e instanceof CrmEvent.CustomerCreated);
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#databases")
  void updatesCheckVersionsAndAConcurrentUpdateBeforeTheBatchIsSentIsKept(String kind) {
    HikariDataSource db = stores.database(kind);
    HookedDataSource hooked = new HookedDataSource(db);
    List<CrmEvent> events = new CopyOnWriteArrayList<>();
    Crm crm = TestStores.importer(stores.storage(hooked.dataSource()), events);
    Crm other = TestStores.importer(stores.storage(db), new ArrayList<>());
    assertThat(crm.imports().run(request(), new StringReader(customers(0, 100, "Lovelace"))).created())
        .isEqualTo(100);
    events.clear();
    hooked.before("UPDATE customers", () -> other.customers().tag(CustomerId.of("c-50"), "vip"));

    // every row renames; c-3 twice in the chunk
    String csv = customers(0, 100, "Byron") + "c-3,user3@example.com,Ada,King\n";
    ImportResult r = crm.imports().run(request(), new StringReader(csv));

    assertThat(hooked.fired()).isEqualTo(1);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.updated()).isEqualTo(101);
    Customer tagged = crm.customers().require(CustomerId.of("c-50"));
    assertThat(tagged.tags()).contains("vip"); // the concurrent change is not lost
    assertThat(tagged.name().family()).isEqualTo("Byron");
    assertThat(tagged.version()).isEqualTo(3);
    assertThat(crm.customers().require(CustomerId.of("c-49")).version()).isEqualTo(2);
    Customer twice = crm.customers().require(CustomerId.of("c-3"));
    assertThat(twice.version()).isEqualTo(3);
    assertThat(twice.name().family()).isEqualTo("King");
    assertThat(crm.audit().forEntity("Customer", "c-50")).hasSize(3);
    assertThat(crm.audit().forEntity("Customer", "c-3")).hasSize(3);
    assertThat(events).hasSize(101).allMatch(e -> e instanceof CrmEvent.CustomerUpdated);
    assertThat(events.stream().map(e -> ((CrmEvent.CustomerUpdated) e).after().id().value())
        .filter("c-3"::equals)).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#databases")
  void aBatchLeavesTheSameCustomersAuditAndEventsAsRowByRow(String kind) {
    List<CrmEvent> batchEvents = new CopyOnWriteArrayList<>();
    List<CrmEvent> rowEvents = new CopyOnWriteArrayList<>();
    Crm batch = TestStores.importer(stores.storage(stores.database(kind)), batchEvents);
    Crm rows = TestStores.importer(new RowByRow(stores.storage(stores.database(kind))), rowEvents);
    String before = """
        id,email,givenName,familyName,external.crm
        c-1,a@example.com,Ada,Lovelace,A1
        c-2,b@example.com,Grace,Hopper,B2
        c-3,c@example.com,Alan,Turing,C3
        """;
    String csv = """
        id,email,givenName,familyName,phone,tags,external.crm
        c-1,a@example.com,Ada,King,,,
        c-2,b@example.com,Grace,Hopper,,,B2
        c-4,d@example.com,Edsger,Dijkstra,,,D4
        c-4,d@example.com,Edsger,Wybe,,vip,
        c-5,e@example.com,Bad,Phone,not a phone,,
        c-6,a@example.com,Dup,Email,,,
        ,f@example.com,No,Id,,,
        c-7,g@example.com,Dup,External,,,C3
        c-3,h@example.com,Alan,Turing,+44 20 7946 0000,,
        c-8,i@example.com,Barbara,Liskov,,x;y,I8
        c-8,j@example.com,Barbara,Liskov,,,
        c-9,j@example.com,Dup,Within,,,
        """;
    List<ImportResult> results = new ArrayList<>();
    for (Crm crm : List.of(batch, rows)) {
      crm.imports().run(request(), new StringReader(before));
      crm.customers().tag(CustomerId.of("c-2"), "kept");
      results.add(crm.imports().run(request(), new StringReader(csv)));
    }

    ImportResult b = results.get(0);
    ImportResult r = results.get(1);
    assertThat(b.rejections()).isEqualTo(r.rejections());
    assertThat(b.rejections()).extracting(RejectedRow::line).containsExactly(6L, 7L, 8L, 9L, 13L);
    assertThat(List.of(b.rows(), b.created(), b.updated(), b.unchanged()))
        .isEqualTo(List.of(r.rows(), r.created(), r.updated(), r.unchanged()));
    assertThat(b.created()).isEqualTo(2);
    assertThat(b.updated()).isEqualTo(4);
    assertThat(b.unchanged()).isEqualTo(1);
    assertThat(batch.customers().stream(org.ecrm.core.model.CustomerFilter.all()).toList())
        .isEqualTo(rows.customers().stream(org.ecrm.core.model.CustomerFilter.all()).toList());
    for (String id : List.of("c-1", "c-2", "c-3", "c-4", "c-5", "c-6", "c-7", "c-8", "c-9")) {
      assertThat(batch.audit().forEntity("Customer", id)).as("audit of " + id)
          .isEqualTo(rows.audit().forEntity("Customer", id));
    }
    assertThat(batch.audit().byActor(Actor.service("import")))
        .isEqualTo(rows.audit().byActor(Actor.service("import")));
    assertThat(batchEvents).isEqualTo(rowEvents).hasSize(3 + 1 + 2 + 4);
  }

  /** {@code id,email,givenName,familyName} rows {@code c-<i>} for i in [from, to). */
  private static String customers(int from, int to, String family) {
    StringBuilder csv = new StringBuilder("id,email,givenName,familyName\n");
    for (int i = from; i < to; i++) {
      csv.append("c-").append(i).append(",user").append(i).append("@example.com,Ada,").append(family).append('\n');
    }
    return csv.toString();
  }

  /** A storage that runs a batch as a plain transaction: the row-by-row path, each row a savepoint. */
  private static final class RowByRow extends ForwardingStorage {
    RowByRow(Storage delegate) {
      super(delegate);
    }

    @Override
    public boolean batchesWrites() {
      return false;
    }

    @Override
    public <T> T batchTransaction(String operation, Supplier<T> work) {
      return transaction(operation, work);
    }
  }
}
