package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.CaseStore;
import org.ecrm.core.support.CasePriority;
import org.ecrm.core.support.CaseStatus;
import org.ecrm.core.support.CaseType;
import org.ecrm.core.support.SupportCase;
import org.junit.jupiter.api.Test;

/** The contract of {@link CaseStore}: CRUD, versions, lookup by customer in time order. */
public abstract class CaseStoreContract extends StoreContractSupport {

  private static SupportCase supportCase(String id, String customer, int minutes) {
    return new SupportCase(id, CustomerId.of(customer), Channel.EMAIL, CaseType.QUERY, CasePriority.NORMAL,
        "subject", "", T0.plusSeconds(60L * minutes),
        List.of(new SupportCase.StatusChange(CaseStatus.NEW, T0.plusSeconds(60L * minutes))), List.of(),
        List.of(InteractionId.of("i-" + id)), 1);
  }

  @Test
  void insertUpdateFind() {
    CaseStore store = storage.cases();
    SupportCase a = store.insert(supportCase("k2", "c1", 5));
    store.insert(supportCase("k1", "c1", 10));
    store.insert(supportCase("k3", "c2", 0));
    assertThat(store.findByCustomer(CustomerId.of("c1"))).extracting(SupportCase::id).containsExactly("k2", "k1");
    SupportCase open = store.update(a.withStatus(CaseStatus.OPEN, T0.plusSeconds(3600)));
    assertThat(store.get("k2")).contains(open);
    assertThatThrownBy(() -> store.update(a.withStatus(CaseStatus.CLOSED, T0.plusSeconds(7200))))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.insert(supportCase("k3", "c9", 0))).isInstanceOf(DuplicateKeyException.class);
    SupportCase moved = store.update(open.forCustomer(CustomerId.of("c2"), false));
    assertThat(store.findByCustomer(CustomerId.of("c1"))).extracting(SupportCase::id).containsExactly("k1");
    assertThat(store.findByCustomer(CustomerId.of("c2"))).containsExactly(store.get("k3").orElseThrow(), moved);
    assertThat(store.scan("k1", 10)).extracting(SupportCase::id).containsExactly("k2", "k3");
  }
}
