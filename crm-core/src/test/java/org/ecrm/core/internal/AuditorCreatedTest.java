package org.ecrm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ecrm.core.internal.check.LazyList;
import org.ecrm.core.model.PostalAddress;
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

  private static final List<String> PIECES = List.of("c-1", "c-10", "xc-1", "c_1", "c%1", "c\\1", "c\"1", "c[1]",
      "Ada", "Lovelace", "ada@example.com", "web", ", ", "[", "]", "=", " ", "score", "vip", "LEAD");

  @Test
  void aCreatedRecordIsSearchedWithoutRendering_findingExactlyWhatTheRenderedChangesHold() throws Exception {
    Random random = new Random(42);
    for (int n = 0; n < 300; n++) {
      String id = PIECES.get(random.nextInt(8)) + (random.nextBoolean() ? "" : String.valueOf(random.nextInt(20)));
      Customer.Builder b = Customer.builder().id("id" + n).name(random.nextBoolean() ? "Ada" : "Bo " + id,
          "Lovelace").createdAt(T).updatedAt(T);
      if (random.nextBoolean()) {
        b.email("x" + n + "@example.com");
      }
      if (random.nextBoolean()) {
        b.externalId("web", id);
      }
      if (random.nextBoolean()) {
        b.attribute("note", AttributeValue.of("call " + id));
      }
      if (random.nextBoolean()) {
        b.address(PostalAddress.of(id + " Street", "N1", "London", "GB"));
      }
      if (random.nextBoolean()) {
        b.source("import " + id);
      }
      Customer c = b.build();
      for (boolean mask : List.of(false, true)) {
        AuditRecord lazy = Auditor.record(new CrmEvent.CustomerCreated(c, T), ALICE, mask);
        List<FieldChange> eager = Auditor.diff(null, c, mask);
        for (int k = 0; k < 6; k++) {
          List<String> tokens = new ArrayList<>();
          for (int t = 1 + random.nextInt(2); t > 0; t--) {
            String piece = PIECES.get(random.nextInt(PIECES.size()));
            tokens.add(random.nextBoolean() ? piece : piece + random.nextInt(20));
          }
          boolean rendered = eager.stream().anyMatch(ch -> tokens.stream()
              .anyMatch(t -> ch.oldValue().contains(t) || ch.newValue().contains(t)));
          boolean idHas = tokens.stream().anyMatch(lazy.entityId()::contains);
          assertThat(lazy.containsAny(tokens)).as("%s in %s", tokens, eager).isEqualTo(rendered || idHas);
        }
        if (!mask) {
          assertThat(renderedYet(lazy)).as("searching does not render the changes").isFalse();
          assertThat(lazy.changes()).isEqualTo(eager);
          assertThat(renderedYet(lazy)).isTrue();
          assertThat(lazy.containsAny(List.of("Lovelace"))).as("a rendered record is searched too").isTrue();
        }
      }
    }
  }

  /** Whether a lazily rendered list of changes has been rendered (and is kept). */
  private static boolean renderedYet(AuditRecord r) throws ReflectiveOperationException {
    assertThat(r.changes()).isInstanceOf(LazyList.class);
    Field value = LazyList.class.getDeclaredField("value");
    value.setAccessible(true);
    return value.get(r.changes()) != null;
  }
}
