package org.ecrm.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.InteractionStore;
import org.ecrm.core.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Storage#batchTransaction} through the SPI: "inside it, as inside transaction, reads see the
 * work's own writes". The in-memory storage (a plain transaction) is the reference; the JDBC storage
 * holds writes back and answers reads from what it read or wrote in the batch, so a write it does not
 * hold back (a delete) must not leave those answers stale.
 */
class BatchTransactionOwnWritesTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private final TestStores stores = new TestStores();

  @AfterEach
  void close() throws Exception {
    stores.close();
  }

  private static Customer customer(String id, String email) {
    return Customer.builder().id(id).email(email).createdAt(T).updatedAt(T).version(1).build();
  }

  private static Customer withEmail(Customer c, String email) {
    return c.toBuilder().emails(List.of(EmailAddress.of(email))).version(c.version() + 1).updatedAt(T).build();
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void aCustomerDeletedInTheBatch_isGoneForTheBatchsReads_andItsEmailIsFree(String kind) {
    Storage s = stores.storage(kind);
    CustomerStore customers = s.customers();
    customers.insert(customer("a", "x@example.com"));
    EmailAddress x = EmailAddress.of("x@example.com");

    s.batchTransaction("delete then take the e-mail", () -> {
      customers.findAll(List.of(CustomerId.of("a"), CustomerId.of("b")), List.of(x), List.of());
      Customer a = customers.get(CustomerId.of("a")).orElseThrow();
      assertThat(customers.delete(a.id(), a.version())).isTrue();
      assertThat(customers.get(CustomerId.of("a"))).as("get after delete").isEmpty();
      assertThat(customers.findByEmail(x)).as("findByEmail after delete").isEmpty();
      customers.insert(customer("b", "x@example.com"));
      return null;
    });

    assertThat(customers.get(CustomerId.of("a"))).isEmpty();
    assertThat(customers.findByEmail(x)).map(Customer::id).contains(CustomerId.of("b"));
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void aCustomerDeletedInTheBatch_canBeInsertedAgainUnderItsId(String kind) {
    Storage s = stores.storage(kind);
    CustomerStore customers = s.customers();
    customers.insert(customer("a", "x@example.com"));

    s.batchTransaction("delete and insert again", () -> {
      Customer a = customers.get(CustomerId.of("a")).orElseThrow();
      customers.delete(a.id(), a.version());
      customers.insert(customer("a", "y@example.com"));
      return null;
    });

    assertThat(customers.get(CustomerId.of("a"))).map(c -> c.emails().get(0).value()).contains("y@example.com");
    assertThat(customers.findByEmail(EmailAddress.of("x@example.com"))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void anEmailFreedByAnUpdate_isTakenByAnInsert_andAFailedUnitLeavesNothing(String kind) {
    Storage s = stores.storage(kind);
    CustomerStore customers = s.customers();
    Customer a = customers.insert(customer("a", "x@example.com"));
    EmailAddress x = EmailAddress.of("x@example.com");
    EmailAddress y = EmailAddress.of("y@example.com");
    EmailAddress z = EmailAddress.of("z@example.com");

    s.batchTransaction("swap", () -> {
      customers.findAll(List.of(CustomerId.of("a"), CustomerId.of("b")), List.of(x, y, z), List.of());
      Customer a2 = customers.update(withEmail(a, "y@example.com"));
      customers.insert(customer("b", "x@example.com"));
      assertThat(customers.findByEmail(x)).map(Customer::id).contains(CustomerId.of("b"));
      assertThat(customers.findByEmail(y)).contains(a2);
      assertThatThrownBy(() -> s.transaction("failing unit", () -> {
        customers.insert(customer("c", "z@example.com"));
        customers.update(withEmail(a2, "w@example.com"));
        throw new IllegalStateException("unit fails");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(customers.get(CustomerId.of("c"))).isEmpty();
      assertThat(customers.get(CustomerId.of("a"))).contains(a2);
      customers.insert(customer("d", "z@example.com"));
      customers.update(withEmail(a2, "v@example.com"));
      return null;
    });

    assertThat(customers.findByEmail(x)).map(Customer::id).contains(CustomerId.of("b"));
    assertThat(customers.findByEmail(y)).isEmpty();
    assertThat(customers.findByEmail(EmailAddress.of("v@example.com"))).map(c -> c.version()).contains(3L);
    assertThat(customers.findByEmail(z)).map(Customer::id).contains(CustomerId.of("d"));
    assertThat(customers.get(CustomerId.of("c"))).isEmpty();
    assertThat(customers.findByEmail(EmailAddress.of("w@example.com"))).isEmpty();
    assertThat(customers.count()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void aDeleteInAFailedUnit_isUndone_andItsEmailStaysTaken(String kind) {
    Storage s = stores.storage(kind);
    CustomerStore customers = s.customers();
    Customer a = customers.insert(customer("a", "x@example.com"));
    EmailAddress x = EmailAddress.of("x@example.com");

    s.batchTransaction("a failing unit deletes", () -> {
      customers.findAll(List.of(CustomerId.of("a")), List.of(x), List.of());
      assertThatThrownBy(() -> s.transaction("failing unit", () -> {
        assertThat(customers.delete(a.id(), a.version())).isTrue();
        assertThat(customers.get(a.id())).isEmpty();
        customers.insert(customer("b", "x@example.com"));
        throw new IllegalStateException("unit fails");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(customers.get(a.id())).contains(a);
      assertThat(customers.findByEmail(x)).contains(a);
      assertThat(customers.get(CustomerId.of("b"))).isEmpty();
      assertThatThrownBy(() -> customers.insert(customer("b", "x@example.com")))
          .isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> customers.delete(a.id(), a.version() + 1))
          .isInstanceOf(VersionConflictException.class);
      return null;
    });

    assertThat(customers.get(a.id())).contains(a);
    assertThat(customers.findByEmail(x)).contains(a);
    assertThat(customers.count()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void rowsWrittenThenDeletedInTheBatch_areGone_andADeletedRowIsNotDeletedTwice(String kind) {
    Storage s = stores.storage(kind);
    CustomerStore customers = s.customers();
    Customer a = customers.insert(customer("a", "x@example.com"));

    s.batchTransaction("write then delete", () -> {
      Customer n = customers.insert(customer("n", "n@example.com"));
      assertThat(customers.delete(n.id(), n.version())).isTrue();
      Customer a2 = customers.update(withEmail(a, "y@example.com"));
      assertThat(customers.delete(a2.id(), a2.version())).isTrue();
      assertThat(customers.delete(a2.id(), a2.version())).as("a second delete").isFalse();
      assertThat(customers.findByEmail(EmailAddress.of("y@example.com"))).isEmpty();
      customers.insert(customer("b", "y@example.com"));
      customers.insert(customer("c", "x@example.com"));
      return null;
    });

    assertThat(customers.get(CustomerId.of("n"))).isEmpty();
    assertThat(customers.get(a.id())).isEmpty();
    assertThat(customers.findByEmail(EmailAddress.of("n@example.com"))).isEmpty();
    assertThat(customers.findByEmail(EmailAddress.of("y@example.com"))).map(Customer::id).contains(CustomerId.of("b"));
    assertThat(customers.findByEmail(EmailAddress.of("x@example.com"))).map(Customer::id).contains(CustomerId.of("c"));
    assertThat(customers.count()).isEqualTo(2);
  }

  private static Interaction interaction(String id, String customer) {
    return Interaction.builder(CustomerId.of(customer), Channel.PHONE, InteractionType.QUERY)
        .id(InteractionId.of(id)).occurredAt(T).build();
  }

  @ParameterizedTest
  @MethodSource("org.ecrm.core.jdbc.TestStores#all")
  void interactionsDeletedOrMovedByCustomerInTheBatch_areSeenSo_byTheBatchsReads(String kind) {
    Storage s = stores.storage(kind);
    InteractionStore interactions = s.interactions();
    interactions.insert(interaction("i-1", "a"));
    interactions.insert(interaction("i-2", "b"));

    s.batchTransaction("delete and move by customer", () -> {
      assertThat(interactions.get(InteractionId.of("i-1"))).isPresent();
      assertThat(interactions.get(InteractionId.of("i-2"))).map(i -> i.customerId().value()).contains("b");
      assertThat(interactions.deleteByCustomer(CustomerId.of("a"))).isEqualTo(1);
      assertThat(interactions.get(InteractionId.of("i-1"))).as("get after deleteByCustomer").isEmpty();
      interactions.insert(interaction("i-1", "c"));
      assertThat(interactions.reassign(CustomerId.of("b"), CustomerId.of("c"))).isEqualTo(1);
      assertThat(interactions.get(InteractionId.of("i-2"))).map(i -> i.customerId().value()).contains("c");
      return null;
    });

    assertThat(interactions.get(InteractionId.of("i-1"))).map(i -> i.customerId().value()).contains("c");
    assertThat(interactions.findByCustomer(CustomerId.of("c"))).hasSize(2);
    assertThat(interactions.findByCustomer(CustomerId.of("a"))).isEmpty();
  }
}
