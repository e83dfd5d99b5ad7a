package org.ecrm.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The table's insert: unique keys checked and claimed in one step, a refused insert leaving nothing. */
class VersionedTableTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
  private static final int EMAIL = 0;
  private static final int PHONE = 1;
  private static final int EXTERNAL = 2;
  private final Journal journal = new Journal();
  private final VersionedTable<CustomerId, Customer> table = new VersionedTable<>(journal, "Customer",
      Customer::id, Customer::version, List.of(
          new VersionedTable.Index<>("emails", Customer::emails, true),
          new VersionedTable.Index<>("phones", Customer::phones, false),
          new VersionedTable.Index<>("externalIds", Customer::externalIds, true)));

  private static Customer.Builder customer(String id) {
    return Customer.builder().id(id).createdAt(T).updatedAt(T);
  }

  @Test
  void anInsertRefusedOnALaterUniqueKey_leavesNoIndexEntryAndNoRow() {
    Customer a = table.insert(customer("a").email("a@example.com").phone("+44 20 7946 0000")
        .externalId("web", "wa").build());
    // b's e-mail and phone are claimed before its external id, which a holds
    Customer b = customer("b").email("b@example.com").email("b2@example.com").phone("+44 20 7946 0000")
        .externalId("web", "wb").externalId("web", "wa").build();
    assertThatThrownBy(() -> table.insert(b)).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("Customer.externalIds").hasMessageContaining("a");
    assertThat(table.get(CustomerId.of("b"))).isEmpty();
    assertThat(table.lookup(EMAIL, EmailAddress.of("b@example.com"))).isEmpty();
    assertThat(table.lookup(EMAIL, EmailAddress.of("b2@example.com"))).isEmpty();
    assertThat(table.lookup(EXTERNAL, ExternalId.of("web", "wb"))).isEmpty();
    assertThat(table.lookup(PHONE, PhoneNumber.parse("+44 20 7946 0000"))).containsExactly(a);
    assertThat(table.lookup(EXTERNAL, ExternalId.of("web", "wa"))).containsExactly(a);
    assertThat(table.count()).isEqualTo(1);
    // the keys b failed to keep are free again
    Customer c = table.insert(customer("c").email("b@example.com").externalId("web", "wb")
        .phone("+44 20 7946 0000").build());
    assertThat(table.lookup(EMAIL, EmailAddress.of("b@example.com"))).containsExactly(c);
    assertThat(table.lookup(PHONE, PhoneNumber.parse("+44 20 7946 0000"))).containsExactly(a, c);
  }

  @Test
  void aDuplicateId_isReportedAsTheId_evenWhenAKeyIsTakenToo() {
    table.insert(customer("a").email("a@example.com").build());
    table.insert(customer("x").email("x@example.com").build());
    assertThatThrownBy(() -> table.insert(customer("a").email("x@example.com").build()))
        .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("Customer.id");
    assertThat(table.lookup(EMAIL, EmailAddress.of("x@example.com"))).extracting(Customer::id)
        .containsExactly(CustomerId.of("x"));
    assertThat(table.get(CustomerId.of("a")).orElseThrow().emails()).extracting(EmailAddress::value)
        .containsExactly("a@example.com");
  }

  @Test
  void aSavepointRolledBack_restoresExactlyWhatWasThere() {
    Customer a = table.insert(customer("a").email("a@example.com").phone("+44 20 7946 0000").build());
    journal.run(() -> {
      table.insert(customer("b").email("b@example.com").phone("+44 20 7946 0000").build());
      assertThatThrownBy(() -> journal.run(() -> {
        table.update(a.toBuilder().emails(List.of(EmailAddress.of("new@example.com"))).version(2).build());
        table.insert(customer("c").email("a@example.com").build()); // a's old address: free now
        table.delete(CustomerId.of("b"), 1);
        throw new IllegalStateException("the savepoint fails");
      })).hasMessage("the savepoint fails");
      return null;
    });
    assertThat(table.get(CustomerId.of("a"))).contains(a);
    assertThat(table.get(CustomerId.of("c"))).isEmpty();
    assertThat(table.lookup(EMAIL, EmailAddress.of("a@example.com"))).containsExactly(a);
    assertThat(table.lookup(EMAIL, EmailAddress.of("new@example.com"))).isEmpty();
    assertThat(table.lookup(EMAIL, EmailAddress.of("b@example.com"))).extracting(Customer::id)
        .containsExactly(CustomerId.of("b"));
    assertThat(table.lookup(PHONE, PhoneNumber.parse("+44 20 7946 0000"))).extracting(Customer::id)
        .containsExactly(CustomerId.of("a"), CustomerId.of("b"));
    assertThat(table.scan(null, 10)).extracting(Customer::id)
        .containsExactly(CustomerId.of("a"), CustomerId.of("b"));
  }
}
