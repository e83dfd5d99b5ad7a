package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.ecrm.core.b2b.Opportunity;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.OpportunityStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link OpportunityStore}: CRUD, versions, lookup by account. */
public abstract class OpportunityStoreContract extends StoreContractSupport {

  @Test
  void insertMoveFind() {
    OpportunityStore store = storage.opportunities();
    Opportunity o = store.insert(new Opportunity("o1", AccountId.of("a1"), "Deal", Money.of("10.00", "EUR"),
        LocalDate.of(2024, 5, 1), List.of(new Opportunity.StageChange("Prospecting", T0)), 1));
    store.insert(new Opportunity("o2", AccountId.of("a2"), "Other", Money.of("5.00", "EUR"),
        LocalDate.of(2024, 5, 1), List.of(new Opportunity.StageChange("Prospecting", T0)), 1));
    Opportunity moved = store.update(o.movedTo("Won", T0.plusSeconds(60)));
    assertThat(store.findByAccount(AccountId.of("a1"))).containsExactly(moved);
    assertThatThrownBy(() -> store.update(o.movedTo("Lost", T0))).isInstanceOf(VersionConflictException.class);
    assertThat(store.scan("o1", 5)).extracting(Opportunity::id).containsExactly("o2");
  }
}
