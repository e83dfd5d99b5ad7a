package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountContact;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.AccountStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link AccountStore}: CRUD, versions, the contact index. */
public abstract class AccountStoreContract extends StoreContractSupport {

  private AccountStore store() {
    return storage.accounts();
  }

  @Test
  void insertAndUpdate_keepContactIndexConsistent() {
    CustomerId ada = CustomerId.of("ada");
    CustomerId bob = CustomerId.of("bob");
    Account a = store().insert(account("a1").withContact(new AccountContact(ada, BuyingRole.DECISION_MAKER)));
    store().insert(account("a2").withContact(new AccountContact(ada, BuyingRole.USER)));
    assertThat(store().findByContact(ada)).extracting(Account::id)
        .containsExactly(AccountId.of("a1"), AccountId.of("a2"));
    Account moved = a.withoutContact(ada).withContact(new AccountContact(bob, BuyingRole.BUYER))
        .withVersion(2, Instant.parse("2024-03-02T00:00:00Z"));
    store().update(moved);
    assertThat(store().findByContact(ada)).extracting(Account::id).containsExactly(AccountId.of("a2"));
    assertThat(store().findByContact(bob)).containsExactly(moved);
  }

  @Test
  void insert_duplicateId_andStaleUpdate_fail() {
    Account a = store().insert(account("a1"));
    assertThatThrownBy(() -> store().insert(account("a1"))).isInstanceOf(DuplicateKeyException.class);
    store().update(a.withVersion(2, T0));
    assertThatThrownBy(() -> store().update(a.withVersion(2, T0)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store().get(a.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(store().scan(null, 10)).hasSize(1);
  }
}
