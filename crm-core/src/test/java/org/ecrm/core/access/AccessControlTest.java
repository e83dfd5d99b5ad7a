package org.ecrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecrm.core.access.Permission.MANAGE_CONSENT;
import static org.ecrm.core.access.Permission.PRIVACY_REQUESTS;
import static org.ecrm.core.access.Permission.READ_CUSTOMERS;
import static org.ecrm.core.access.Permission.READ_CUSTOMERS_PSEUDONYMISED;
import static org.ecrm.core.access.Permission.READ_INTERACTIONS;
import static org.ecrm.core.access.Permission.READ_ORDERS;
import static org.ecrm.core.access.Permission.WRITE_CUSTOMERS;
import static org.ecrm.core.access.Permission.WRITE_INTERACTIONS;

import java.io.StringReader;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.junit.jupiter.api.Test;

class AccessControlTest {
  private static final Actor ALICE = Actor.user("alice"); // support
  private static final Actor BOB = Actor.user("bob"); // analyst
  private static final Actor EVE = Actor.user("eve"); // no roles

  private final Crm crm = Crm.builder().discoverStorage(false).accessPolicy(AccessPolicy.builder()
      .role("support", READ_CUSTOMERS, WRITE_CUSTOMERS, READ_INTERACTIONS, WRITE_INTERACTIONS, MANAGE_CONSENT)
      .role("analyst", READ_CUSTOMERS_PSEUDONYMISED, READ_ORDERS)
      .role("dpo", READ_CUSTOMERS, PRIVACY_REQUESTS)
      .grant(ALICE, "support").grant(BOB, "analyst").grant(Actor.user("dora"), "dpo").build()).build();
  private final Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace")
      .email("ada@example.com").phone("+44 20 7946 0000"));

  @Test
  void support_seesContactDetailsButNotOrderValues_andReadsAreAudited() {
    Crm support = crm.as(ALICE);
    assertThat(support.customers().require(ada.id()).primaryEmail()).contains(EmailAddress.of("ada@example.com"));
    assertThat(support.customers().findByEmail(EmailAddress.of("ada@example.com"))).isPresent();
    support.customers().tag(ada.id(), "called");
    support.interactions().record(Interaction.builder(ada.id(), Channel.PHONE, InteractionType.QUERY).subject("hi"));
    support.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "call");
    assertThatThrownBy(() -> support.orders().ofCustomer(ada.id())).isInstanceOf(AccessDeniedException.class)
        .hasMessage("user:alice may not call Orders.ofCustomer(" + ada.id() + "): the permission READ_ORDERS is not in its roles");
    assertThatThrownBy(() -> support.timeline(ada.id())).isInstanceOf(AccessDeniedException.class);
    assertThat(crm.audit().byActor(ALICE)).extracting(AuditRecord::action).contains("read", "update", "create");
    assertThat(crm.audit().byActor(ALICE).stream().filter(r -> r.action().equals("read")).count()).isEqualTo(2);
  }

  @Test
  void analyst_seesPseudonymisedCustomersAndOrders_butCannotWriteOrLookUpByEmail() {
    crm.orders().place(Order.builder(ada.id()).line("X", 1, Money.of("10.00", "EUR")));
    Crm analyst = crm.as(BOB);
    Customer seen = analyst.customers().require(ada.id());
    assertThat(seen.name().isUnknown()).isTrue();
    assertThat(seen.emails()).isEmpty();
    assertThat(seen.phones()).isEmpty();
    assertThat(analyst.customers().stream(CustomerFilter.all())).allMatch(c -> c.emails().isEmpty());
    assertThat(analyst.orders().ofCustomer(ada.id())).hasSize(1);
    assertThatThrownBy(() -> analyst.customers().findByEmail(EmailAddress.of("ada@example.com")))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("READ_CUSTOMERS");
    assertThatThrownBy(() -> analyst.customers().tag(ada.id(), "x")).hasMessageContaining("WRITE_CUSTOMERS");
    assertThatThrownBy(() -> analyst.orders().place(Order.builder(ada.id()).line("X", 1, Money.of("1.00", "EUR"))))
        .hasMessageContaining("WRITE_ORDERS");
    // an import through the analyst's view is a write too, refused before a row is read
    assertThatThrownBy(() -> analyst.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build(),
        new StringReader("id,email\nc9,c9@example.com\n"))).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("WRITE_CUSTOMERS").hasMessageContaining("Imports.run");
    assertThat(crm.audit().byActor(BOB)).isEmpty(); // pseudonymised reads carry no personal data
  }

  @Test
  void noRoles_meansNothing_systemMeansEverything_privacyNeedsItsPermission() {
    Crm eve = crm.as(EVE);
    assertThatThrownBy(() -> eve.customers().get(ada.id())).isInstanceOf(AccessDeniedException.class)
        .satisfies(e -> assertThat(((AccessDeniedException) e).permission()).isEqualTo(READ_CUSTOMERS_PSEUDONYMISED));
    assertThatThrownBy(() -> eve.consents().canContact(ada.id(), Channel.EMAIL, "x")).hasMessageContaining("MANAGE_CONSENT");
    assertThatThrownBy(() -> crm.as(ALICE).privacy().export(ada.id())).hasMessageContaining("PRIVACY_REQUESTS");
    assertThat(crm.as(Actor.user("dora")).privacy().export(ada.id())).contains("ada@example.com");
    assertThat(crm.timeline(ada.id())).isNotNull();
    assertThat(crm.orders().count()).isZero();
    assertThatThrownBy(() -> AccessPolicy.builder().grant(EVE, "admin")).hasMessageStartingWith("role: is not defined");
    assertThatThrownBy(() -> AccessPolicy.builder().role("a", READ_ORDERS).role("a", READ_ORDERS))
        .hasMessage("role 'a' is already defined");
  }

  @Test
  void aServiceInterfaceWithoutRules_cannotBeHandedOut() {
    assertThatThrownBy(() -> org.ecrm.core.internal.Guarded.view(Runnable.class, () -> { }, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no access rules");
  }

  @Test
  void importsNeedTheWritePermissionOfTheirKind() {
    Crm support = crm.as(ALICE); // may write customers, not accounts
    assertThatThrownBy(() -> support.imports().run(ImportRequest.builder(EntityKind.ACCOUNT, ImportFormat.CSV).build(),
        new StringReader("id,name,domain\na1,Acme,acme.example\n"))).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("WRITE_ACCOUNTS");
    var r = support.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build(),
        new StringReader("id,email\nc9,c9@example.com\n"));
    assertThat(r.rejections()).isEmpty();
    assertThat(crm.customers().count()).isEqualTo(2);
    assertThatThrownBy(() -> support.archive().exportAll(new java.io.StringWriter()))
        .hasMessageContaining("EXPORT_ALL").hasMessageContaining("Archive.exportAll");
    assertThatThrownBy(() -> support.audit().byActor(ALICE)).hasMessageContaining("READ_AUDIT");
  }

  @Test
  void guardedViews_underContention_allowAndDenyEveryCall() throws Exception {
    Crm support = crm.as(ALICE);
    Crm eve = crm.as(EVE);
    java.util.concurrent.atomic.AtomicInteger denied = new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 100; i++) {
          support.customers().tag(ada.id(), "t" + n + "-" + i);
          try {
            eve.customers().get(ada.id());
          } catch (AccessDeniedException e) {
            denied.incrementAndGet();
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(denied).hasValue(400);
    assertThat(crm.customers().require(ada.id()).tags()).hasSize(400);
    assertThat(crm.audit().byActor(EVE)).isEmpty();
  }
}
