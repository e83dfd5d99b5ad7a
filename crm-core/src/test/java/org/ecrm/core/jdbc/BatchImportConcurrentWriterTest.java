package org.ecrm.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ecrm.core.Crm;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.io.RejectedRow;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.testkit.HookedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch import chunk against a concurrent writer that acts after the chunk read its keys ahead and
 * before it sends its writes: a customer the chunk updates is erased, an external id the chunk claims
 * is taken, a customer with a new row's id is created. The chunk must then behave as if run row by row after that write: nothing
 * lost, no event or audit record for a write that was rolled back.
 */
class BatchImportConcurrentWriterTest {
  private final TestStores stores = new TestStores();

  @AfterEach
  void close() throws Exception {
    stores.close();
  }

  private static ImportRequest request() {
    return ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build();
  }

  private static String customers(int from, int to, String family) {
    StringBuilder csv = new StringBuilder("id,email,givenName,familyName,external.crm\n");
    for (int i = from; i < to; i++) {
      csv.append("c-").append(i).append(",user").append(i).append("@example.com,Ada,").append(family)
          .append(",E").append(i).append('\n');
    }
    return csv.toString();
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#databases")
  void aCustomerErasedBeforeTheBatchIsSent_isCreatedAgainByItsRow_asRowByRowWould(String kind) {
    HikariDataSource db = stores.database(kind);
    HookedDataSource hooked = new HookedDataSource(db);
    List<CrmEvent> events = new CopyOnWriteArrayList<>();
    Crm crm = TestStores.importer(stores.storage(hooked.dataSource()), events);
    Crm other = TestStores.importer(stores.storage(db), new ArrayList<>());
    assertThat(crm.imports().run(request(), new StringReader(customers(0, 100, "Lovelace"))).created())
        .isEqualTo(100);
    events.clear();
    hooked.before("UPDATE customers", () -> other.privacy().erase(CustomerId.of("c-50")));

    ImportResult r = crm.imports().run(request(), new StringReader(customers(0, 100, "Byron")));

    assertThat(hooked.fired()).isEqualTo(1);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.updated()).isEqualTo(99);
    assertThat(r.created()).isEqualTo(1);
    Customer again = crm.customers().require(CustomerId.of("c-50"));
    assertThat(again.version()).isEqualTo(1);
    assertThat(again.name().family()).isEqualTo("Byron");
    assertThat(crm.customers().count()).isEqualTo(100);
    assertThat(crm.audit().forEntity("Customer", "c-50")).extracting(AuditRecord::action).containsExactly("create");
    assertThat(crm.audit().forEntity("Customer", "c-49")).extracting(AuditRecord::action)
        .containsExactly("create", "update");
    assertThat(events).hasSize(100);
    assertThat(events).filteredOn(e -> e instanceof CrmEvent.CustomerCreated).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#databases")
  void anExternalIdOrRowIdTakenBeforeTheBatchIsSent_failsThoseRowsAlone(String kind) {
    HikariDataSource db = stores.database(kind);
    HookedDataSource hooked = new HookedDataSource(db);
    List<CrmEvent> events = new CopyOnWriteArrayList<>();
    Crm crm = TestStores.importer(stores.storage(hooked.dataSource()), events);
    Crm other = TestStores.importer(stores.storage(db), new ArrayList<>());
    hooked.before("INSERT INTO customers", () -> {
      other.customers().create(Customer.builder().id("other").email("other@example.com").externalId("crm", "E7"));
      other.customers().create(Customer.builder().id("c-12").email("twelve@example.com"));
    });

    ImportResult r = crm.imports().run(request(), new StringReader(customers(0, 300, "Lovelace")));

    assertThat(hooked.fired()).isEqualTo(1);
    // line 9's external id is the other writer's now: rejected alone; c-12 exists now: its row updates it
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(tuple(9L, "external.crm"));
    assertThat(r.created()).isEqualTo(298);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(crm.customers().count()).isEqualTo(300);
    assertThat(crm.customers().findByExternalId(ExternalId.of("crm", "E7"))).map(c -> c.id().value())
        .contains("other");
    Customer twelve = crm.customers().require(CustomerId.of("c-12"));
    assertThat(twelve.emails()).extracting(e -> e.value())
        .containsExactly("twelve@example.com", "user12@example.com");
    assertThat(twelve.version()).isEqualTo(2);
    assertThat(crm.customers().get(CustomerId.of("c-7"))).isEmpty();
    assertThat(crm.audit().forEntity("Customer", "c-7")).isEmpty();
    assertThat(crm.audit().forEntity("Customer", "c-12")).extracting(AuditRecord::action)
        .containsExactly("create", "update");
    assertThat(events).hasSize(299);
    assertThat(events).filteredOn(e -> e instanceof CrmEvent.CustomerUpdated).singleElement()
        .satisfies(e -> assertThat(((CrmEvent.CustomerUpdated) e).after().id().value()).isEqualTo("c-12"));
  }
}
