package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.ConsentStatus;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.spi.ConsentStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConsentStore}: append-only history per customer, in append order. */
public abstract class ConsentStoreContract extends StoreContractSupport {

  private static ConsentRecord record(String customer, ConsentStatus status, int minutes) {
    return new ConsentRecord(CustomerId.of(customer), "newsletter", Channel.EMAIL, status,
        LawfulBasis.CONSENT, "form", T0.plusSeconds(60L * minutes));
  }

  @Test
  void history_keepsEveryRecordInAppendOrder() {
    ConsentStore store = storage.consents();
    ConsentRecord a = record("c1", ConsentStatus.GRANTED, 0);
    ConsentRecord b = record("c1", ConsentStatus.WITHDRAWN, 5);
    ConsentRecord c = record("c1", ConsentStatus.GRANTED, 3);
    store.append(a);
    store.append(b);
    store.append(c);
    store.append(record("c0", ConsentStatus.GRANTED, 1));
    assertThat(store.history(CustomerId.of("c1"))).containsExactly(a, b, c);
    assertThat(store.history(CustomerId.of("nobody"))).isEmpty();
    assertThat(store.scanCustomers(null, 10)).containsExactly(CustomerId.of("c0"), CustomerId.of("c1"));
    assertThat(store.scanCustomers(CustomerId.of("c0"), 10)).containsExactly(CustomerId.of("c1"));
  }

  @Test
  void reassignAndDeleteAll_moveOrRemoveAHistory() {
    ConsentStore store = storage.consents();
    store.append(record("c1", ConsentStatus.GRANTED, 0));
    store.append(record("c2", ConsentStatus.WITHDRAWN, 1));
    assertThat(store.reassign(CustomerId.of("c1"), CustomerId.of("c2"))).isEqualTo(1);
    assertThat(store.history(CustomerId.of("c1"))).isEmpty();
    assertThat(store.history(CustomerId.of("c2"))).extracting(ConsentRecord::status)
        .containsExactly(ConsentStatus.WITHDRAWN, ConsentStatus.GRANTED);
    assertThat(store.history(CustomerId.of("c2"))).allMatch(r -> r.customerId().equals(CustomerId.of("c2")));
    assertThat(store.deleteAll(CustomerId.of("c2"))).isEqualTo(2);
    assertThat(store.scanCustomers(null, 10)).isEmpty();
  }
}
