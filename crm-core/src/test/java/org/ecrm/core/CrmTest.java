package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.LifecycleStage;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.ReturnLine;
import org.ecrm.core.model.Sku;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.service.TimelineEntry;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrmTest {
  private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final List<CrmEvent> events = new CopyOnWriteArrayList<>();
  private Crm crm;

  @BeforeEach
  void setUp() {
    crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential()).discoverStorage(false)
        .listener(events::add).build();
  }

  private Customer ada() {
    return crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com")
        .phone("+44 20 7946 0000").externalId("web", "u-ada"));
  }

  @Test
  void create_assignsIdTimesAndVersion_andPublishesEvent() {
    Customer ada = ada();
    assertThat(ada.id()).isEqualTo(CustomerId.of("customer-1"));
    assertThat(ada.createdAt()).isEqualTo(T0);
    assertThat(ada.updatedAt()).isEqualTo(T0);
    assertThat(ada.version()).isEqualTo(1);
    assertThat(ada.stage()).isEqualTo(LifecycleStage.LEAD);
    assertThat(events).containsExactly(new CrmEvent.CustomerCreated(ada, T0));
  }

  @Test
  void create_doesNotChangeTheCallersBuilder() {
    Customer.Builder b = Customer.builder().email("x@example.com");
    crm.customers().create(b);
    assertThat(b.id()).isEmpty();
  }

  @Test
  void find_byEmailPhoneAndExternalId() {
    Customer ada = ada();
    assertThat(crm.customers().findByEmail(EmailAddress.of("ADA@example.com"))).contains(ada);
    assertThat(crm.customers().findByPhone(PhoneNumber.parse("0044 20 7946 0000"))).containsExactly(ada);
    assertThat(crm.customers().findByExternalId(ExternalId.of("web", "u-ada"))).contains(ada);
    assertThat(crm.customers().require(ada.id())).isEqualTo(ada);
    assertThatThrownBy(() -> crm.customers().require(CustomerId.of("nope")))
        .isInstanceOf(NotFoundException.class).hasMessage("Customer 'nope' not found");
  }

  @Test
  void create_duplicateEmail_failsAndKeepsTheFirst() {
    Customer ada = ada();
    assertThatThrownBy(() -> crm.customers().create(Customer.builder().email("ada@example.com")))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessage("Customer.emails: 'ada@example.com' already belongs to Customer 'customer-1'");
    assertThat(crm.customers().count()).isEqualTo(1);
    assertThat(crm.customers().findByEmail(ada.primaryEmail().orElseThrow())).contains(ada);
  }

  @Test
  void update_withCurrentVersion_storesNextVersion_staleUpdateFails() {
    Customer ada = ada();
    clock.advanceSeconds(60);
    Customer v2 = crm.customers().update(ada.toBuilder().stage(LifecycleStage.CUSTOMER).build());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(v2.createdAt()).isEqualTo(T0);
    Customer stale = ada.toBuilder().name("Stale", "Write").build();
    assertThatThrownBy(() -> crm.customers().update(stale)).isInstanceOf(VersionConflictException.class)
        .hasMessage("Customer 'customer-1' was changed concurrently: update based on version 1 but the"
            + " stored version is 2");
    assertThat(crm.customers().require(ada.id())).isEqualTo(v2);
    assertThat(events.get(events.size() - 1)).isEqualTo(new CrmEvent.CustomerUpdated(ada, v2, T0.plusSeconds(60)));
  }

  @Test
  void update_cannotRewriteCreationInstant() {
    Customer ada = ada();
    Customer forged = ada.toBuilder().createdAt(Instant.EPOCH).build();
    assertThat(crm.customers().update(forged).createdAt()).isEqualTo(T0);
  }

  @Test
  void tagAndUntag_retryOnConflict() {
    Customer ada = ada();
    crm.customers().tag(ada.id(), "vip", "newsletter");
    Customer untagged = crm.customers().untag(ada.id(), "newsletter");
    assertThat(untagged.tags()).containsExactly("vip");
    assertThat(untagged.version()).isEqualTo(3);
  }

  @Test
  void list_pagesWithCursor_andFilters() {
    for (int i = 0; i < 25; i++) {
      Customer.Builder b = Customer.builder().id(String.format("c%02d", i)).email("c" + i + "@example.com");
      if (i % 5 == 0) {
        b.tag("vip");
      }
      crm.customers().create(b);
    }
    Page<Customer> first = crm.customers().list(CustomerFilter.all(), 10, "");
    assertThat(first.items()).hasSize(10);
    assertThat(first.nextCursor()).contains("c09");
    Page<Customer> second = crm.customers().list(CustomerFilter.all(), 10, first.nextCursor().orElseThrow());
    Page<Customer> third = crm.customers().list(CustomerFilter.all(), 10, second.nextCursor().orElseThrow());
    assertThat(third.items()).hasSize(5);
    assertThat(third.hasNext()).isFalse();
    assertThat(crm.customers().stream(CustomerFilter.all().withTag("vip")).map(c -> c.id().value()))
        .containsExactly("c00", "c05", "c10", "c15", "c20");
    assertThat(crm.customers().stream(CustomerFilter.all())).hasSize(25);
    assertThatThrownBy(() -> crm.customers().list(CustomerFilter.all(), 0, ""))
        .hasMessage("limit: must be between 1 and 10000 '0'");
  }

  @Test
  void stream_readsMoreThanOnePage() {
    for (int i = 0; i < 1234; i++) {
      crm.customers().create(Customer.builder().id(String.format("c%05d", i)));
    }
    assertThat(crm.customers().stream(CustomerFilter.all()).count()).isEqualTo(1234);
  }

  @Test
  void placeOrder_unknownCustomer_isRejectedAndNothingStored() {
    assertThatThrownBy(() -> crm.orders().place(Order.builder(CustomerId.of("ghost"))
        .line("SKU", 1, Money.of("1.00", "EUR")))).isInstanceOf(NotFoundException.class)
        .hasMessage("Customer 'ghost' not found");
    assertThat(crm.orders().count()).isZero();
  }

  @Test
  void orders_placePayRefundCancel() {
    Customer ada = ada();
    Order o = crm.orders().place(Order.builder(ada.id()).line("BOOK", 2, Money.of("12.50", "EUR"))
        .line("PEN", 1, Money.of("3.00", "EUR")).channel(Channel.STORE));
    assertThat(o.id()).isEqualTo(OrderId.of("order-1"));
    assertThat(o.placedAt()).isEqualTo(T0);
    assertThat(o.total()).isEqualTo(Money.of("28.00", "EUR"));
    assertThat(crm.orders().markPaid(o.id()).status()).isEqualTo(OrderStatus.PAID);
    clock.advanceSeconds(3600);
    Order partly = crm.orders().refund(o.id(), Money.of("3.00", "EUR"),
        List.of(new ReturnLine(Sku.of("PEN"), 1)), "broken");
    assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    assertThat(partly.refunds().get(0).refundedAt()).isEqualTo(T0.plusSeconds(3600));
    assertThatThrownBy(() -> crm.orders().cancel(o.id())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PARTIALLY_REFUNDED");
    Order all = crm.orders().refundRemaining(o.id(), "goodwill");
    assertThat(all.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(all.netTotal().isZero()).isTrue();
    assertThat(all.version()).isEqualTo(4);
    assertThat(events).filteredOn(e -> e instanceof CrmEvent.OrderRefunded).hasSize(2);
  }

  @Test
  void refund_badInput_isRejectedAndOrderUnchanged() {
    Customer ada = ada();
    Order o = crm.orders().place(Order.builder(ada.id()).line("BOOK", 1, Money.of("10.00", "EUR")));
    assertThatThrownBy(() -> crm.orders().refund(o.id(), Money.of("10.01", "EUR"), "too much"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the order order-1 total 10.00 EUR");
    assertThatThrownBy(() -> crm.orders().refund(o.id(), Money.of("1.00", "USD"), "wrong currency"))
        .hasMessageContaining("mixes currencies");
    assertThatThrownBy(() -> crm.orders().refund(o.id(), Money.of("0.00", "EUR"), "zero"))
        .hasMessage("Refund.amount: must be positive '0.00 EUR'");
    assertThatThrownBy(() -> crm.orders().refund(o.id(), Money.of("1.00", "EUR"),
        List.of(new ReturnLine(Sku.of("BOOK"), 2)), "two back")).hasMessageContaining("returns 2 of BOOK");
    assertThatThrownBy(() -> crm.orders().refund(OrderId.of("nope"), Money.of("1.00", "EUR"), ""))
        .isInstanceOf(NotFoundException.class);
    assertThat(crm.orders().require(o.id())).isEqualTo(o);
    Order cancelled = crm.orders().cancel(o.id());
    assertThat(cancelled.netTotal().isZero()).isTrue();
    assertThatThrownBy(() -> crm.orders().refund(o.id(), Money.of("1.00", "EUR"), ""))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CANCELLED");
  }

  @Test
  void concurrentRefunds_neverExceedTheTotal() throws Exception {
    Customer ada = ada();
    Order o = crm.orders().place(Order.builder(ada.id()).line("X", 1, Money.of("100.00", "EUR")));
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 20; i++) {
          try {
            crm.orders().refund(o.id(), Money.of("1.00", "EUR"), "");
          } catch (IllegalArgumentException | IllegalStateException e) {
            failures.add(e); // the order is used up
          }
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    Order after = crm.orders().require(o.id());
    assertThat(after.refunds()).hasSize(100);
    assertThat(after.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(failures).hasSize(60);
  }

  @Test
  void accounts_decisionMakingUnit() {
    Customer ada = ada();
    var acme = crm.accounts().create("ACME Ltd", "acme.example");
    crm.accounts().addContact(acme.id(), ada.id(), BuyingRole.DECISION_MAKER);
    var updated = crm.accounts().addContact(acme.id(), ada.id(), BuyingRole.INFLUENCER);
    assertThat(updated.rolesOf(ada.id())).containsExactly(BuyingRole.DECISION_MAKER, BuyingRole.INFLUENCER);
    assertThat(crm.accounts().ofContact(ada.id())).containsExactly(updated);
    assertThatThrownBy(() -> crm.accounts().addContact(acme.id(), CustomerId.of("ghost"), BuyingRole.USER))
        .isInstanceOf(NotFoundException.class);
    assertThat(crm.accounts().removeContact(acme.id(), ada.id()).contacts()).isEmpty();
    assertThat(crm.accounts().ofContact(ada.id())).isEmpty();
  }

  @Test
  void products_createUpdateAndCategory() {
    var p = crm.products().create(Sku.of("BOOK-1"), "A book", "books", Money.of("12.50", "EUR"));
    var cheaper = crm.products().update(p.withDetails("A book", "books", Money.of("9.99", "EUR"), true));
    assertThat(cheaper.version()).isEqualTo(2);
    assertThat(crm.products().inCategory("books")).containsExactly(cheaper);
    assertThatThrownBy(() -> crm.products().update(p)).isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> crm.products().create(Sku.of("BOOK-1"), "Again", "", Money.of("1", "EUR")))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void consents_latestRecordDecides() {
    Customer ada = ada();
    assertThat(crm.consents().canContact(ada.id(), Channel.EMAIL, "newsletter")).isFalse();
    crm.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "signup-form");
    assertThat(crm.consents().canContact(ada.id(), Channel.EMAIL, "newsletter")).isTrue();
    assertThat(crm.consents().canContact(ada.id(), Channel.SMS, "newsletter")).isFalse();
    clock.advanceSeconds(10);
    crm.consents().withdraw(ada.id(), Channel.EMAIL, "newsletter", "unsubscribe-link");
    assertThat(crm.consents().canContact(ada.id(), Channel.EMAIL, "newsletter")).isFalse();
    assertThat(crm.consents().history(ada.id())).hasSize(2);
    assertThat(crm.consents().current(ada.id())).singleElement()
        .satisfies(r -> assertThat(r.granted()).isFalse());
    assertThatThrownBy(() -> crm.consents().grant(CustomerId.of("ghost"), Channel.EMAIL, "newsletter",
        LawfulBasis.CONSENT, "")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void timeline_mergesEverythingInTimeOrder() {
    Customer ada = ada();
    clock.advanceSeconds(10);
    crm.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "form");
    clock.advanceSeconds(10);
    Order o = crm.orders().place(Order.builder(ada.id()).line("X", 1, Money.of("10.00", "EUR")));
    clock.advanceSeconds(10);
    crm.interactions().record(Interaction.builder(ada.id(), Channel.EMAIL, InteractionType.COMPLAINT)
        .direction(Direction.INBOUND).subject("Late delivery").attribute("severity", AttributeValue.of(3)));
    clock.advanceSeconds(10);
    crm.orders().refund(o.id(), Money.of("2.00", "EUR"), "late");
    // an interaction recorded now but dated before everything else
    crm.interactions().record(Interaction.builder(ada.id(), Channel.WEB, InteractionType.VISIT)
        .occurredAt(T0.minusSeconds(5)));
    List<TimelineEntry> timeline = crm.timeline(ada.id());
    assertThat(timeline.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList()))
        .containsExactly("InteractionRecorded", "ConsentChanged", "OrderPlaced", "InteractionRecorded",
            "OrderRefunded");
    assertThat(timeline).extracting(TimelineEntry::at).isSorted();
    assertThatThrownBy(() -> crm.timeline(CustomerId.of("ghost"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void throwingListener_isIsolated_changeStandsAndOthersRun() {
    List<CrmEvent> seen = new ArrayList<>();
    Crm c = Crm.builder().discoverStorage(false).listener(e -> {
      throw new IllegalStateException("listener bug");
    }).listener(seen::add).build();
    Customer x = c.customers().create(Customer.builder().email("x@example.com"));
    assertThat(c.customers().get(x.id())).contains(x);
    assertThat(seen).hasSize(1);
  }

  @Test
  void builder_failsFastOnSecondSettingAndNull() {
    Crm.Builder b = Crm.builder().clock(Clock.systemUTC());
    assertThatThrownBy(() -> b.clock(Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("clock was already set to");
    assertThatThrownBy(() -> b.idGenerator(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("idGenerator must not be null");
    Crm.Builder s = Crm.builder().storage(MemoryStorage.create());
    assertThatThrownBy(() -> s.storage(MemoryStorage.create()))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("storage was already set");
  }

  @Test
  void toBuilder_sharesStorage() {
    Customer ada = ada();
    Crm copy = crm.toBuilder().clock(Clock.fixed(T0.plusSeconds(999), ZoneOffset.UTC)).build();
    assertThat(copy.customers().get(ada.id())).contains(ada);
    assertThat(copy.clock().instant()).isEqualTo(T0.plusSeconds(999));
  }

  @Test
  void interactions_unknownCustomer_isRejected() {
    assertThatThrownBy(() -> crm.interactions().record(Interaction.builder(CustomerId.of("ghost"),
        Channel.PHONE, InteractionType.QUERY))).isInstanceOf(NotFoundException.class);
    assertThat(crm.interactions().stream()).isEmpty();
  }
}
