package org.ecrm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.FieldChange;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.junit.jupiter.api.Test;

/**
 * The audit record of a created entity renders its changes when read: the same changes, masked or
 * not, as rendering them at once (what an update's record does).
 */
class AuditorCreatedTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
  private static final Actor ALICE = Actor.user("alice");

  @Test
  void aCreatedRecordsChanges_equalTheEagerRendering_maskedOrNot() {
    Customer c = Customer.builder().id("c1").name("Ada", "Lovelace").email("ada@example.com")
        .phone("+44 20 7946 0000").externalId("web", "u1").attribute("score", AttributeValue.of(3)).tag("vip")
        .source("form").createdAt(T).updatedAt(T).build();
    Order o = Order.builder(CustomerId.of("c1")).id("o1").line("X", 2, Money.of("9.00", "EUR")).placedAt(T)
        .build();
    Interaction i = Interaction.builder(CustomerId.of("c1"), Channel.EMAIL, InteractionType.CAMPAIGN_MESSAGE)
        .id(org.ecrm.core.model.InteractionId.of("i1")).occurredAt(T).subject("hello").build();
    for (boolean mask : List.of(false, true)) {
      check(new CrmEvent.CustomerCreated(c, T), c, mask);
      check(new CrmEvent.OrderPlaced(o, T), o, mask);
      check(new CrmEvent.InteractionRecorded(i, T), i, mask);
    }
    AuditRecord plain = Auditor.record(new CrmEvent.CustomerCreated(c, T), ALICE, false);
    assertThat(plain.changes()).contains(new FieldChange("name", "", "Ada Lovelace"),
        new FieldChange("emails", "", "[ada@example.com]"), new FieldChange("tags", "", "[vip]"));
    AuditRecord masked = Auditor.record(new CrmEvent.CustomerCreated(c, T), ALICE, true);
    assertThat(masked.changes()).contains(new FieldChange("name", "", Auditor.MASK),
        new FieldChange("emails", "", Auditor.MASK), new FieldChange("tags", "", "[vip]"));
  }

  private static void check(CrmEvent event, Record created, boolean mask) {
    AuditRecord lazy = Auditor.record(event, ALICE, mask);
    List<FieldChange> eager = Auditor.diff(null, created, mask);
    assertThat(eager).isNotEmpty();
    assertThat(lazy.changes()).isEqualTo(eager);
    assertThat(lazy.changes().toString()).isEqualTo(eager.toString());
    assertThat(lazy).isEqualTo(new AuditRecord(event.at(), ALICE, lazy.entityType(), lazy.entityId(), "create",
        eager)).hasSameHashCodeAs(new AuditRecord(event.at(), ALICE, lazy.entityType(), lazy.entityId(),
        "create", eager));
  }
}
