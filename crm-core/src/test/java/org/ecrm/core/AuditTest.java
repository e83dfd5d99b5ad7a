package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.FieldChange;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.junit.jupiter.api.Test;

class AuditTest {
  private static final Instant T = Instant.parse("2024-05-01T09:00:00Z");

  private static Crm crm(boolean mask) {
    return Crm.builder().clock(Clock.fixed(T, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential())
        .discoverStorage(false).maskPersonalDataInAudit(mask).build();
  }

  @Test
  void everyChange_recordsActorEntityAndChangedFields() {
    Crm crm = crm(false);
    Crm alice = crm.as(Actor.user("alice"));
    Customer ada = alice.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
    crm.as(Actor.service("import")).customers().tag(ada.id(), "vip");
    alice.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "form");
    Order o = alice.orders().place(Order.builder(ada.id()).line("X", 1, Money.of("9.00", "EUR")));
    alice.orders().refund(o.id(), Money.of("1.00", "EUR"), "scratch");

    var trail = crm.audit().forEntity("Customer", ada.id().value());
    assertThat(trail).extracting(AuditRecord::action).containsExactly("create", "update");
    assertThat(trail.get(0).actor()).isEqualTo(Actor.user("alice"));
    assertThat(trail.get(0).changes()).contains(new FieldChange("name", "", "Ada Lovelace"),
        new FieldChange("emails", "", "[ada@example.com]"), new FieldChange("stage", "", "LEAD"));
    assertThat(trail.get(1).actor()).isEqualTo(Actor.service("import"));
    assertThat(trail.get(1).changes()).containsExactly(new FieldChange("tags", "", "[vip]"));
    assertThat(crm.audit().forEntity("Consent", ada.id().value())).singleElement()
        .satisfies(r -> assertThat(r.changes()).containsExactly(new FieldChange("newsletter/EMAIL", "", "GRANTED")));
    assertThat(crm.audit().forEntity("Order", o.id().value())).extracting(AuditRecord::action)
        .containsExactly("create", "refund");
    assertThat(crm.audit().byActor(Actor.user("alice"))).hasSize(4);
    assertThat(crm.actor()).isEqualTo(Actor.SYSTEM);
    assertThat(alice.actor()).isEqualTo(Actor.user("alice"));
  }

  @Test
  void masking_hidesPersonalValuesButNotOtherFields() {
    Crm crm = crm(true);
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
    crm.customers().update(ada.toBuilder().email("ada2@example.com").build());
    var trail = crm.audit().forEntity("Customer", ada.id().value());
    assertThat(trail.get(0).changes()).contains(new FieldChange("name", "", "***"),
        new FieldChange("stage", "", "LEAD"));
    assertThat(trail.get(1).changes()).containsExactly(new FieldChange("emails", "", "***")); // one added
    assertThat(trail.toString()).doesNotContain("ada@example.com").doesNotContain("Lovelace");
  }

  @Test
  void collectionChanges_areRecordedAsRemovedAndAddedElements_notWholeLists() {
    Crm crm = crm(false);
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
    for (int i = 0; i < 50; i++) {
      crm.customers().tag(ada.id(), "t" + i);
    }
    crm.customers().untag(ada.id(), "t7", "t8");
    crm.customers().modify(ada.id(), b -> b.attribute("tier", org.ecrm.core.model.AttributeValue.of("gold")));
    crm.customers().modify(ada.id(), b -> b.attribute("tier", org.ecrm.core.model.AttributeValue.of("silver")));
    crm.customers().modify(ada.id(), b -> b.email("ada2@example.com"));
    var trail = crm.audit().forEntity("Customer", ada.id().value());
    assertThat(trail.get(50).changes()).containsExactly(new FieldChange("tags", "", "[t49]"));
    assertThat(trail.get(51).changes()).containsExactly(new FieldChange("tags", "[t7, t8]", ""));
    assertThat(trail.get(52).changes()).singleElement().satisfies(f -> {
      assertThat(f.field()).isEqualTo("attributes");
      assertThat(f.oldValue()).isEmpty();
      assertThat(f.newValue()).contains("tier");
    });
    assertThat(trail.get(53).changes()).singleElement().satisfies(f -> {
      assertThat(f.oldValue()).contains("gold").doesNotContain("silver");
      assertThat(f.newValue()).contains("silver").doesNotContain("gold");
    });
    assertThat(trail.get(54).changes()).containsExactly(new FieldChange("emails", "", "[ada2@example.com]"));
    // each record holds what changed, not the whole list: total size grows linearly with the tags
    long chars = trail.stream().flatMap(r -> r.changes().stream())
        .mapToLong(f -> f.oldValue().length() + f.newValue().length()).sum();
    assertThat(chars).isLessThan(1_000);
  }
}
