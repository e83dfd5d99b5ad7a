package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.spi.PreferenceStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link PreferenceStore}: append-only snapshots per customer, reassign, delete. */
public abstract class PreferenceStoreContract extends StoreContractSupport {

  private static Preferences prefs(String customer, String topic, int minutes) {
    return new Preferences(CustomerId.of(customer), Set.of(topic), List.of(Channel.SMS, Channel.EMAIL),
        ContactFrequency.WEEKLY, "en-GB", ZoneId.of("Europe/London"), "form", T0.plusSeconds(60L * minutes));
  }

  @Test
  void history_appendReassignDelete() {
    PreferenceStore store = storage.preferences();
    Preferences a = prefs("c1", "books", 0);
    Preferences b = prefs("c1", "music", 1);
    store.append(a);
    store.append(b);
    store.append(prefs("c0", "films", 2));
    assertThat(store.history(CustomerId.of("c1"))).containsExactly(a, b);
    assertThat(store.scanCustomers(null, 10)).containsExactly(CustomerId.of("c0"), CustomerId.of("c1"));
    assertThat(store.reassign(CustomerId.of("c0"), CustomerId.of("c2"))).isEqualTo(1);
    assertThat(store.history(CustomerId.of("c2"))).singleElement()
        .satisfies(p -> assertThat(p.customerId()).isEqualTo(CustomerId.of("c2")));
    assertThat(store.deleteAll(CustomerId.of("c1"))).isEqualTo(2);
    assertThat(store.history(CustomerId.of("c1"))).isEmpty();
  }
}
