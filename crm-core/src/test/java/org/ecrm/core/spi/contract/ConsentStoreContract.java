package org.ecrm.core.spi.contract;

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
}
