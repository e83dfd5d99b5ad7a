package org.ecrm.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecrm.core.Crm;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.spi.Storage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After erasure nothing the in-memory storage holds names the erased person: not the rows, not the
 * audit trail's records, nor any object they keep (a lazily rendered record included), masked or not.
 */
class ErasedCustomerRetentionTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anErasedCustomersEmailAndName_areInNoObjectTheStorageHolds(boolean mask) {
    Storage storage = MemoryStorage.create();
    Crm crm = Crm.builder().storage(storage).idGenerator(IdGenerator.sequential()).discoverStorage(false)
        .maskPersonalDataInAudit(mask).build();
    Customer ada = crm.customers().create(Customer.builder().name("Adaqx", "Lovelaceqx")
        .email("adaqx@example.com").externalId("web", "qxweb"));
    crm.customers().modify(ada.id(), b -> b.tag("vip"));
    Customer other = crm.customers().create(Customer.builder().name("Grace", "Hopper")
        .email("grace@example.com"));
    Account acme = crm.accounts().create("Acme", "acme.example");
    crm.accounts().addContact(acme.id(), ada.id(), BuyingRole.values()[0]);
    crm.orders().place(Order.builder(ada.id()).line("SKU-1", 1, Money.of("5.00", "EUR")));

    crm.privacy().erase(ada.id());

    String raw = org.ecrm.core.testkit.ErasureScanContract.deepText(storage);
    assertThat(raw).contains("grace@example.com");
    assertThat(raw).doesNotContain("adaqx@example.com", "Adaqx", "Lovelaceqx", "qxweb");
    assertThat(crm.customers().get(other.id())).isPresent();
  }
}
