package org.ecrm.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ErasureScanContract;
import org.junit.jupiter.api.Test;

/**
 * With {@code maskPersonalDataInAudit(true)} the audit trail holds no personal value: not in the text
 * it shows, and not in any object an audit record keeps. A customer's old e-mail, changed since,
 * must be gone from everything the storage holds (the row has the new one; the trail only masks).
 */
class MaskedAuditRetentionTest {

  private static Crm crm(Storage storage) {
    return Crm.builder().storage(storage).idGenerator(IdGenerator.sequential()).discoverStorage(false)
        .maskPersonalDataInAudit(true).build();
  }

  @Test
  void theRecordsOfAMaskedTrail_keepNoPersonalValue_inAnyObjectTheyHold() {
    Crm crm = crm(MemoryStorage.create());
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace")
        .email("ada.old@example.com").phone("+44 20 7946 0000"));
    crm.customers().modify(ada.id(), b -> b.emails(List.of()).email("ada.new@example.com"));

    List<AuditRecord> trail = crm.audit().forEntity("Customer", ada.id().value());
    assertThat(trail).extracting(AuditRecord::action).containsExactly("create", "update");
    assertThat(trail.toString()).doesNotContain("ada.old@example.com", "Lovelace");
    assertThat(ErasureScanContract.deepText(trail)).doesNotContain("ada.old@example.com", "Lovelace", "7946");
    assertThat(ErasureScanContract.deepText(crm.audit().byActor(Actor.SYSTEM))).doesNotContain("ada.old@example.com", "Lovelace");
  }

  @Test
  void anEmailTheCustomerChangedAway_isGoneFromEverythingTheMaskedStorageHolds() {
    Storage storage = MemoryStorage.create();
    Crm crm = crm(storage);
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace")
        .email("ada.old@example.com"));
    crm.customers().modify(ada.id(), b -> b.emails(List.of()).email("ada.new@example.com"));
    String raw = ErasureScanContract.deepText(storage);
    assertThat(raw).contains("ada.new@example.com");
    assertThat(raw).doesNotContain("ada.old@example.com");
  }
}
