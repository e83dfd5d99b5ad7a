package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.FieldChange;
import org.ecrm.core.spi.AuditStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link AuditStore}: append order, lookups by entity and actor, replacement, scan. */
public abstract class AuditStoreContract extends StoreContractSupport {

  private static AuditRecord record(String actor, String entity, String action, int second) {
    return new AuditRecord(T0.plusSeconds(second), Actor.user(actor), "Customer", entity, action,
        List.of(new FieldChange("tags", "", "vip")));
  }

  @Test
  void lookupsReturnRecordsInAppendOrder() {
    AuditStore store = storage.audit();
    AuditRecord a = record("alice", "c1", "create", 0);
    AuditRecord b = record("bob", "c1", "update", 1);
    AuditRecord c = record("alice", "c2", "create", 2);
    store.append(a);
    store.append(b);
    store.append(c);
    assertThat(store.forEntity("Customer", "c1")).containsExactly(a, b);
    assertThat(store.byActor(Actor.user("alice"))).containsExactly(a, c);
    assertThat(store.forEntity("Order", "c1")).isEmpty();
    assertThat(store.scan(1, 5)).containsExactly(b, c);
  }

  @Test
  void replaceEntity_dropsEveryOldRecordOfThatEntity() {
    AuditStore store = storage.audit();
    store.append(record("alice", "c1", "create", 0));
    store.append(record("bob", "c2", "create", 1));
    AuditRecord erased = new AuditRecord(T0.plusSeconds(5), Actor.SYSTEM, "Customer", "p-1", "erase", List.of());
    store.replaceEntity("Customer", "c1", List.of(erased));
    assertThat(store.forEntity("Customer", "c1")).isEmpty();
    assertThat(store.forEntity("Customer", "p-1")).containsExactly(erased);
    assertThat(store.byActor(Actor.user("alice"))).isEmpty();
    assertThat(store.scan(0, 10)).hasSize(2);
  }
}
