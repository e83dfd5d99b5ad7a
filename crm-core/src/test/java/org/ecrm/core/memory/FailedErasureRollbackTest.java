package org.ecrm.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Sku;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.ForwardingStorage;
import org.ecrm.core.spi.Storage;
import org.junit.jupiter.api.Test;

/**
 * An erasure that fails after it rewrote the audit trail (its last step, the customer's delete, throws)
 * leaves the in-memory trail exactly as it was: every record back in its place, read by scan, by entity,
 * by actor and by {@code mentioning}, also when the trail was read (indexed) part-way before; and the
 * erasure run again then succeeds.
 */
class FailedErasureRollbackTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  @Test
  void anErasureThatFailsAtItsLastStep_leavesTheTrailAsItWas_andARetrySucceeds() {
    AtomicBoolean failDelete = new AtomicBoolean();
    Storage inner = MemoryStorage.create();
    Storage storage = new ForwardingStorage(inner) {
      @Override
      public CustomerStore customers() {
        CustomerStore real = super.customers();
        return (CustomerStore) java.lang.reflect.Proxy.newProxyInstance(CustomerStore.class.getClassLoader(),
            new Class<?>[] {CustomerStore.class}, (proxy, method, args) -> {
              if (method.getName().equals("delete") && failDelete.get()) {
                throw new IllegalStateException("delete refused");
              }
              try {
                return method.invoke(real, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }
    };
    Crm crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .idGenerator(org.ecrm.core.model.IdGenerator.sequential()).build();
    crm.products().create(Sku.of("SKU-1"), "Book", "books", Money.of("10.00", "EUR"));
    Account acme = crm.accounts().create("Acme", "acme.example");
    List<String> ids = List.of("c-1", "c-1.a", "c-10", "c-2", "x-c-1");
    for (String id : ids) {
      crm.customers().create(Customer.builder().id(id).name("Given", "Family").source("referred by c-1"));
      crm.accounts().addContact(acme.id(), CustomerId.of(id), BuyingRole.values()[0]);
    }
    Crm bob = crm.as(Actor.user("bob"));
    for (int i = 0; i < 300; i++) {
      CustomerId who = CustomerId.of(ids.get(i % ids.size()));
      if (i % 3 == 0) {
        bob.interactions().record(Interaction.builder(who, Channel.PHONE, InteractionType.QUERY)
            .summary("about c-1 and " + who));
      } else {
        Order o = crm.orders().place(Order.builder(who).line("SKU-1", 1, Money.of("10.00", "EUR")));
        if (i % 5 == 0) {
          bob.orders().refund(o.id(), Money.of("1.00", "EUR"), "for c-1");
        }
      }
      if (i == 150) {
        crm.audit().forEntity("Customer", "c-2"); // the indexes take in the first half now
      }
    }
    crm.customers().merge(CustomerId.of("c-1"), CustomerId.of("c-1.a"));
    List<AuditRecord> trail = all(inner);
    Set<List<String>> entities = new LinkedHashSet<>();
    trail.forEach(r -> entities.add(List.of(r.entityType(), r.entityId())));
    List<List<AuditRecord>> byEntity = entities.stream().map(e -> inner.audit().forEntity(e.get(0), e.get(1))).toList();
    List<AuditRecord> ofBob = inner.audit().byActor(Actor.user("bob"));
    List<AuditRecord> ofSystem = inner.audit().byActor(Actor.SYSTEM);
    List<AuditRecord> mentioning = inner.audit().mentioning(List.of("c-1"));
    assertThat(ofBob).hasSizeGreaterThan(100);
    assertThat(mentioning).hasSizeGreaterThan(100);

    failDelete.set(true);
    assertThatThrownBy(() -> crm.privacy().erase(CustomerId.of("c-1"))).hasMessageContaining("delete refused");

    assertThat(all(inner)).containsExactlyElementsOf(trail);
    assertThat(entities.stream().map(e -> inner.audit().forEntity(e.get(0), e.get(1))).toList())
        .isEqualTo(byEntity);
    assertThat(inner.audit().byActor(Actor.user("bob"))).containsExactlyElementsOf(ofBob);
    assertThat(inner.audit().byActor(Actor.SYSTEM)).containsExactlyElementsOf(ofSystem);
    assertThat(inner.audit().mentioning(List.of("c-1"))).containsExactlyElementsOf(mentioning);

    failDelete.set(false);
    crm.privacy().erase(CustomerId.of("c-1"));
    assertThat(inner.audit().forEntity("Customer", "c-1")).isEmpty();
    assertThat(inner.audit().forEntity("Customer", "c-1.a")).isEmpty();
    assertThat(inner.audit().forEntity("Customer", "c-10")).isNotEmpty();
    java.util.regex.Pattern whole = java.util.regex.Pattern.compile("(?<![\\p{Alnum}_.:@-])(?:c-1|c-1\\.a)(?![\\p{Alnum}_.:@-])");
    assertThat(all(inner)).allSatisfy(r -> assertThat(r.changes()).noneMatch(ch ->
        whole.matcher(ch.oldValue()).find() || whole.matcher(ch.newValue()).find()));
  }

  private static List<AuditRecord> all(Storage s) {
    List<AuditRecord> out = new ArrayList<>();
    for (long offset = 0; ; ) {
      List<AuditRecord> page = s.audit().scan(offset, 500);
      out.addAll(page);
      if (page.size() < 500) {
        return out;
      }
      offset += page.size();
    }
  }
}
