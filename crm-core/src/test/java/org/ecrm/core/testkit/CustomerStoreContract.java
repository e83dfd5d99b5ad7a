package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.CustomerStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link CustomerStore}: CRUD, unique keys, index consistency, versions, iteration. */
public abstract class CustomerStoreContract extends StoreContractSupport {

  private CustomerStore store() {
    return storage.customers();
  }

  @Test
  void insert_thenGet_returnsEqualCustomer() {
    Customer c = customer("c1");
    assertThat(store().insert(c)).isEqualTo(c);
    assertThat(store().get(c.id())).contains(c);
    assertThat(store().count()).isEqualTo(1);
  }

  @Test
  void findAll_byIdsEmailsAndExternalIds_eachOnceInIdOrder() {
    Customer c1 = store().insert(customer("c1"));
    Customer c2 = store().insert(customer("c2").toBuilder().externalId("crm", "X2").build());
    Customer c3 = store().insert(customer("c3"));
    store().insert(customer("c4"));
    List<Customer> found = store().findAll(List.of(CustomerId.of("c3"), CustomerId.of("nobody"), CustomerId.of("c1")),
        List.of(EmailAddress.of("c1@example.com"), EmailAddress.of("none@example.com")),
        List.of(ExternalId.of("crm", "X2"), ExternalId.of("crm", "none")));
    assertThat(found).containsExactly(c1, c2, c3);
    assertThat(store().findAll(List.of(), List.of(), List.of())).isEmpty();
  }

  @Test
  void batchTransaction_readsItsOwnWrites_refusesKnownClashes_andKeepsWhatItReturned() {
    Customer stored = store().insert(customer("c0"));
    Customer c1 = customer("c1");
    Customer c2 = customer("c2");
    storage.batchTransaction("batch", () -> {
      store().findAll(List.of(CustomerId.of("c0"), CustomerId.of("c1"), CustomerId.of("c2")),
          List.of(EmailAddress.of("c0@example.com"), EmailAddress.of("c1@example.com")), List.of());
      store().insert(c1);
      assertThat(store().get(c1.id())).contains(c1);
      assertThat(store().findByEmail(EmailAddress.of("c1@example.com"))).contains(c1);
      assertThatThrownBy(() -> store().insert(customer("c9").toBuilder().email("c0@example.com").build()))
          .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("c0");
      assertThatThrownBy(() -> store().update(stored)).isInstanceOf(VersionConflictException.class);
      store().update(nextVersion(stored).toBuilder().email("new@example.com").build());
      assertThat(store().findByEmail(EmailAddress.of("new@example.com")).map(Customer::id)).contains(stored.id());
      if (storage.nestedTransactionsAreSavepoints()) {
        assertThatThrownBy(() -> storage.transaction("unit", () -> {
          store().insert(c2);
          throw new IllegalStateException("the unit fails after its write");
        })).hasMessage("the unit fails after its write");
        assertThat(store().get(c2.id())).isEmpty();
        assertThat(store().findByEmail(EmailAddress.of("c2@example.com"))).isEmpty();
      }
      return null;
    });
    assertThat(store().get(c1.id())).contains(c1);
    assertThat(store().get(c2.id())).isEmpty();
    assertThat(store().get(stored.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(store().findByEmail(EmailAddress.of("new@example.com")).map(Customer::id)).contains(stored.id());
    assertThat(store().count()).isEqualTo(2);
  }

  @Test
  void get_unknownId_isEmpty() {
    assertThat(store().get(CustomerId.of("nobody"))).isEmpty();
  }

  @Test
  void insert_duplicateId_failsAndKeepsFirst() {
    Customer first = customer("c1");
    store().insert(first);
    Customer other = customer("c1").toBuilder().emails(List.of(EmailAddress.of("x@example.com"))).build();
    assertThatThrownBy(() -> store().insert(other)).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("c1");
    assertThat(store().get(first.id())).contains(first);
    assertThat(store().findByEmail(EmailAddress.of("x@example.com"))).isEmpty();
  }

  @Test
  void insert_keepsTheGivenVersion_asAnImportNeeds() {
    Customer c = customer("c1").toBuilder().version(7).build();
    store().insert(c);
    assertThat(store().get(c.id()).orElseThrow().version()).isEqualTo(7);
    assertThatThrownBy(() -> store().update(c.toBuilder().version(7).build()))
        .isInstanceOf(VersionConflictException.class);
    store().update(c.toBuilder().version(8).build());
  }

  @Test
  void aliases_resolveAndRetarget() {
    CustomerId a = CustomerId.of("a");
    CustomerId b = CustomerId.of("b");
    CustomerId c = CustomerId.of("c");
    store().addAlias(a, b);
    assertThat(store().resolveAlias(a)).contains(b);
    assertThat(store().resolveAlias(b)).isEmpty();
    assertThat(store().aliasesOf(b)).containsExactly(a);
    assertThat(store().retargetAliases(b, c)).isEqualTo(1);
    assertThat(store().resolveAlias(a)).contains(c);
    assertThat(store().retargetAliases(c, null)).isEqualTo(1);
    assertThat(store().resolveAlias(a)).isEmpty();
  }

  @Test
  void insert_emailOfAnotherCustomer_failsAndWritesNothing() {
    store().insert(customer("c1"));
    Customer clash = customer("c2").toBuilder().email("c1@example.com").build();
    assertThatThrownBy(() -> store().insert(clash)).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("c1@example.com");
    assertThat(store().get(CustomerId.of("c2"))).isEmpty();
    assertThat(store().findByEmail(EmailAddress.of("c2@example.com"))).isEmpty();
  }

  @Test
  void insert_externalIdOfAnotherCustomer_fails() {
    store().insert(customer("c1").toBuilder().externalId("web", "u1").build());
    Customer clash = customer("c2").toBuilder().externalId("web", "u1").build();
    assertThatThrownBy(() -> store().insert(clash)).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("web:u1");
    assertThat(store().count()).isEqualTo(1);
  }

  @Test
  void findByEmail_phone_externalId_findTheCustomer() {
    Customer c = customer("c1").toBuilder().phone("+44 20 7946 0000").externalId("shop", "S-9").build();
    store().insert(c);
    Customer sameHousehold = customer("c2").toBuilder().phone("+44 20 7946 0000").build();
    store().insert(sameHousehold);
    assertThat(store().findByEmail(EmailAddress.of("C1@Example.com"))).contains(c);
    assertThat(store().findByPhone(PhoneNumber.parse("+442079460000")))
        .containsExactly(c, sameHousehold);
    assertThat(store().findByExternalId(ExternalId.of("shop", "S-9"))).contains(c);
    assertThat(store().findByExternalId(ExternalId.of("shop", "S-10"))).isEmpty();
  }

  @Test
  void update_keepsIndexesConsistent() {
    Customer c = store().insert(customer("c1").toBuilder().externalId("web", "u1").build());
    Customer next = nextVersion(c).toBuilder()
        .emails(List.of(EmailAddress.of("new@example.com"))).externalIds(List.of(ExternalId.of("web", "u2")))
        .build();
    assertThat(store().update(next)).isEqualTo(next);
    assertThat(store().get(c.id())).contains(next);
    assertThat(store().findByEmail(EmailAddress.of("c1@example.com"))).isEmpty();
    assertThat(store().findByEmail(EmailAddress.of("new@example.com"))).contains(next);
    assertThat(store().findByExternalId(ExternalId.of("web", "u1"))).isEmpty();
    assertThat(store().findByExternalId(ExternalId.of("web", "u2"))).contains(next);
    // the freed e-mail can be taken by someone else
    store().insert(customer("c2").toBuilder().email("c1@example.com").build());
    assertThat(store().findByEmail(EmailAddress.of("c1@example.com")).map(Customer::id))
        .contains(CustomerId.of("c2"));
  }

  @Test
  void update_staleVersion_failsWithConflictAndWritesNothing() {
    Customer c = store().insert(customer("c1"));
    Customer v2 = store().update(nextVersion(c));
    Customer stale = nextVersion(c).toBuilder().email("stale@example.com").build();
    assertThatThrownBy(() -> store().update(stale)).isInstanceOf(VersionConflictException.class)
        .satisfies(e -> {
          VersionConflictException v = (VersionConflictException) e;
          assertThat(v.expectedVersion()).isEqualTo(1);
          assertThat(v.actualVersion()).isEqualTo(2);
        });
    assertThat(store().get(c.id())).contains(v2);
    assertThat(store().findByEmail(EmailAddress.of("stale@example.com"))).isEmpty();
  }

  @Test
  void update_unknownCustomer_failsWithNotFound() {
    assertThatThrownBy(() -> store().update(nextVersion(customer("ghost"))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
  }

  @Test
  void update_takingAnotherCustomersEmail_failsAndKeepsBoth() {
    Customer a = store().insert(customer("a"));
    Customer b = store().insert(customer("b"));
    Customer clash = nextVersion(b).toBuilder().email("a@example.com").build();
    assertThatThrownBy(() -> store().update(clash)).isInstanceOf(DuplicateKeyException.class);
    assertThat(store().get(b.id())).contains(b);
    assertThat(store().findByEmail(EmailAddress.of("a@example.com"))).contains(a);
  }

  @Test
  void delete_withVersion_removesCustomerAndIndexEntries() {
    Customer c = store().insert(customer("c1"));
    assertThatThrownBy(() -> store().delete(c.id(), 5)).isInstanceOf(VersionConflictException.class);
    assertThat(store().delete(c.id(), 1)).isTrue();
    assertThat(store().get(c.id())).isEmpty();
    assertThat(store().findByEmail(EmailAddress.of("c1@example.com"))).isEmpty();
    assertThat(store().delete(c.id(), 1)).isFalse();
    assertThat(store().count()).isZero();
  }

  @Test
  void scan_pagesInIdOrderWithoutGapsOrRepeats() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 57; i++) {
      String id = String.format("c%03d", (i * 37) % 57);
      ids.add(id);
      store().insert(customer(id));
    }
    ids.sort(null);
    List<String> seen = new ArrayList<>();
    CustomerId after = null;
    while (true) {
      List<Customer> page = store().scan(after, 10);
      page.forEach(c -> seen.add(c.id().value()));
      if (page.size() < 10) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    assertThat(seen).isEqualTo(ids);
  }

  @Test
  void scan_withFilter_returnsOnlyMatches() {
    for (int i = 0; i < 30; i++) {
      Customer c = customer("c" + (100 + i));
      store().insert(i % 3 == 0 ? c.toBuilder().tag("vip").build() : c);
    }
    List<Customer> vip = store().scan(CustomerFilter.all().withTag("vip"), null, 100);
    assertThat(vip).hasSize(10).allMatch(c -> c.hasTag("vip"));
    assertThat(store().scan(CustomerFilter.all().withTag("vip"), vip.get(4).id(), 3))
        .extracting(c -> c.id().value()).containsExactly("c115", "c118", "c121");
  }

  @Test
  void scan_limitBelowOne_isRejected() {
    assertThatThrownBy(() -> store().scan(null, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
