package org.ecrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.FieldChange;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.testkit.AuditStoreContract;
import org.junit.jupiter.api.Test;

/**
 * The default {@link AuditStore#mentioning} over a store that implements only the abstract methods and
 * whose {@link AuditStore#scan} returns fewer records than asked for ("up to {@code limit}": a store that
 * pages by a smaller size of its own): every record that contains a token is found, so an erasure over
 * such a store leaves no mention behind.
 */
class AuditStoreDefaultMentioningTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  /** An audit store that hands out at most 100 records per scan, forwarding the rest to {@code inner}. */
  private static AuditStore capped(AuditStore inner) {
    return AuditStoreContract.scanOnly(inner, 100);
  }

  @Test
  void theDefault_findsRecordsBeyondAShortPage() {
    AuditStore store = capped(MemoryStorage.create().audit());
    List<AuditRecord> naming = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      AuditRecord r = new AuditRecord(T0.plusSeconds(i), Actor.SYSTEM, "Account", "a" + i, "update",
          List.of(new FieldChange("contacts", "", i % 2 == 0 ? "[c-7]" : "[c-8]")));
      store.append(r);
      if (i % 2 == 0) {
        naming.add(r);
      }
    }
    assertThat(store.mentioning(List.of("c-7"))).containsExactlyElementsOf(naming);
    assertThat(store.mentioning(List.of("nowhere"))).isEmpty();
  }

  @Test
  void anErasure_overAStoreWithShortPages_leavesNoMention() {
    Storage inner = MemoryStorage.create();
    AuditStore audit = capped(inner.audit());
    Storage storage = new ForwardingStorage(inner) {
      @Override
      public AuditStore audit() {
        return audit;
      }
    };
    Crm crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .idGenerator(org.ecrm.core.model.IdGenerator.sequential()).build();
    crm.customers().create(Customer.builder().id("c-7").name("Ada", "Lovelace"));
    crm.customers().create(Customer.builder().id("c-8").name("Alan", "Turing"));
    for (int i = 0; i < 300; i++) {
      crm.interactions().record(Interaction.builder(CustomerId.of("c-8"), Channel.PHONE, InteractionType.QUERY)
          .summary(i % 3 == 0 ? "asked about c-7" : "asked about the weather"));
    }

    crm.privacy().erase(CustomerId.of("c-7"));

    List<AuditRecord> trail = new ArrayList<>();
    for (long offset = 0; ; ) {
      List<AuditRecord> page = inner.audit().scan(offset, 1_000);
      trail.addAll(page);
      if (page.isEmpty()) {
        break;
      }
      offset += page.size();
    }
    assertThat(trail).hasSizeGreaterThan(300);
    assertThat(trail).allSatisfy(r -> assertThat(r.changes()).as("%s", r)
        .noneMatch(ch -> ch.oldValue().contains("c-7") || ch.newValue().contains("c-7")));
  }
}
