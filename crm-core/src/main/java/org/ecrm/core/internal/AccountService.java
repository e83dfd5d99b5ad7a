package org.ecrm.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountContact;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.service.Accounts;
import org.ecrm.core.spi.AccountStore;

/** {@link Accounts} over an {@link AccountStore}. Thread-safe. */
public final class AccountService implements Accounts {
  private final CrmContext ctx;
  private final AccountStore store;

  /** @param ctx the shared context */
  public AccountService(CrmContext ctx) {
    this.ctx = ctx;
    this.store = ctx.storage().accounts();
  }

  @Override
  public Account create(String name, String domain) {
    return create(AccountId.of(ctx.newId("account")), name, domain);
  }

  @Override
  public Account create(AccountId id, String name, String domain) {
    Instant now = ctx.now();
    Account toStore = new Account(id, name, domain, List.of(), Map.of(), now, now, 1);
    return ctx.atomically("create account " + id, () -> {
      Account created = store.insert(toStore);
      ctx.publish(new CrmEvent.AccountCreated(created, now));
      return created;
    });
  }

  @Override
  public Optional<Account> get(AccountId id) {
    return store.get(Checks.notNull("accountId", id));
  }

  @Override
  public Account require(AccountId id) {
    return get(id).orElseThrow(() -> new NotFoundException("Account", id));
  }

  @Override
  public Account update(Account changed) {
    Checks.notNull("account", changed);
    return ctx.atomically("update account " + changed.id(), () -> updateOnce(changed));
  }

  private Account updateOnce(Account changed) {
    Account stored = require(changed.id());
    if (stored.version() != changed.version()) {
      throw new VersionConflictException("Account", changed.id(), changed.version(), stored.version());
    }
    for (AccountContact c : changed.contacts()) {
      requireCustomer(c.customerId());
    }
    return save(stored, new Account(stored.id(), changed.name(), changed.domain(), changed.contacts(),
        changed.attributes(), stored.createdAt(), stored.updatedAt(), stored.version()));
  }

  @Override
  public Account addContact(AccountId id, CustomerId customerId, BuyingRole role) {
    AccountContact contact = new AccountContact(customerId, role);
    requireCustomer(customerId);
    return change(id, a -> a.withContact(contact));
  }

  @Override
  public Account removeContact(AccountId id, CustomerId customerId) {
    Checks.notNull("customerId", customerId);
    return change(id, a -> a.withoutContact(customerId));
  }

  private Account change(AccountId id, UnaryOperator<Account> change) {
    Checks.notNull("accountId", id);
    return ctx.atomically("update account " + id, () -> CrmContext.retrying(() -> {
      Account stored = require(id);
      Account changed = change.apply(stored);
      return changed.equals(stored) ? stored : save(stored, changed);
    }));
  }

  private Account save(Account stored, Account changed) {
    Instant now = ctx.now();
    Instant at = now.isBefore(stored.createdAt()) ? stored.createdAt() : now;
    Account next = store.update(changed.withVersion(stored.version() + 1, at));
    ctx.publish(new CrmEvent.AccountUpdated(stored, next, now));
    return next;
  }

  private void requireCustomer(CustomerId customerId) {
    if (ctx.storage().customers().get(customerId).isEmpty()) {
      throw new NotFoundException("Customer", customerId);
    }
  }

  @Override
  public List<Account> ofContact(CustomerId customerId) {
    return store.findByContact(Checks.notNull("customerId", customerId));
  }

  @Override
  public Page<Account> list(int limit, String cursor) {
    return Paging.page(store::scan, AccountId::of, Account::id, limit, cursor);
  }

  @Override
  public Stream<Account> stream() {
    return Paging.stream(store::scan, Account::id);
  }
}
