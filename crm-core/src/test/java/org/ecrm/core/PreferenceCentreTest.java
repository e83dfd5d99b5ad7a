package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.service.TimelineEntry;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class PreferenceCentreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T09:00:00Z"));
  private final List<CrmEvent> events = new java.util.ArrayList<>();
  private final Crm crm = Crm.builder().clock(clock).discoverStorage(false).listener(events::add).build();

  @Test
  void update_keepsHistory_showsOnTimeline_firesEvent_andIsAudited() {
    Customer c = crm.customers().create(Customer.builder().email("p@example.com"));
    assertThat(crm.preferences().get(c.id())).isEqualTo(Preferences.none(c.id()));
    clock.advanceSeconds(10);
    Preferences p1 = crm.preferences().update(c.id(), p -> p.withTopics(Set.of("books", "jazz"))
        .withChannels(List.of(Channel.SMS, Channel.EMAIL)).withFrequency(ContactFrequency.WEEKLY)
        .withLocale("de-AT", ZoneId.of("Europe/Vienna")), "preference-form");
    assertThat(p1.preferredChannel()).contains(Channel.SMS);
    assertThat(p1.updatedAt()).isEqualTo(clock.instant());
    assertThat(p1.source()).isEqualTo("preference-form");
    clock.advanceSeconds(10);
    Preferences p2 = crm.preferences().update(c.id(), p -> p.withFrequency(ContactFrequency.MONTHLY), "call");
    assertThat(crm.preferences().get(c.id())).isEqualTo(p2);
    assertThat(crm.preferences().history(c.id())).containsExactly(p1, p2);
    assertThat(crm.timeline(c.id())).filteredOn(e -> e instanceof TimelineEntry.PreferencesChanged).hasSize(2);
    assertThat(events).filteredOn(e -> e instanceof CrmEvent.PreferencesChanged).hasSize(2);
    assertThat(crm.audit().forEntity("Preferences", c.id().value())).hasSize(2)
        .last().satisfies(r -> assertThat(r.changes()).extracting(ch -> ch.field()).contains("frequency", "source"));
  }

  @Test
  void badInput_isRejected() {
    Customer c = crm.customers().create(Customer.builder().email("p@example.com"));
    assertThatThrownBy(() -> crm.preferences().update(CustomerId.of("ghost"), p -> p, "x"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.preferences().update(c.id(), p -> p.withTopics(Set.of("no spaces please")), "x"))
        .hasMessageStartingWith("Preferences.topics:");
    assertThatThrownBy(() -> crm.preferences().update(c.id(), p -> p.withLocale("!!", ZoneId.of("UTC")), "x"))
        .hasMessage("Preferences.language: not a BCP 47 language tag '!!'");
    assertThatThrownBy(() -> crm.preferences().update(c.id(), p -> p.forCustomer(CustomerId.of("other")), "x"))
        .hasMessageStartingWith("Preferences.customerId: a change must keep the customer");
    assertThat(crm.preferences().history(c.id())).isEmpty();
  }
}
