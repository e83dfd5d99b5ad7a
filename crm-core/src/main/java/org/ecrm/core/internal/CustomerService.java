package org.ecrm.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountContact;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.ConsentStatus;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.service.Customers;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.support.SupportCase;

/** {@link Customers} over a {@link CustomerStore}. Thread-safe. */
public final class CustomerService implements Customers {
  private final CrmContext ctx;
  private final CustomerStore store;

  /** @param ctx the shared context */
  public CustomerService(CrmContext ctx) {
    this.ctx = ctx;
    this.store = ctx.storage().customers();
  }

  @Override
  public Customer create(Customer.Builder customer) {
    Checks.notNull("customer", customer);
    Instant now = ctx.now();
    Customer.Builder b = customer.copy();
    if (b.id().isEmpty()) {
      b.id(CustomerId.of(ctx.newId("customer")));
    }
    Customer toStore = b.createdAt(now).updatedAt(now).version(1).build();
    return ctx.atomically("create customer", toStore.id(), () -> {
      Customer created = store.insert(toStore);
      ctx.publish(new CrmEvent.CustomerCreated(created, now));
      return created;
    });
  }

  @Override
  public Optional<Customer> get(CustomerId id) {
    Checks.notNull("customerId", id);
    Optional<Customer> direct = store.get(id);
    if (direct.isPresent()) {
      return direct;
    }
    CustomerId at = id;
    for (int hops = 0; hops < 16; hops++) { // aliases are retargeted on each merge; 16 is a guard
      Optional<CustomerId> next = store.resolveAlias(at);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      at = next.get();
      Optional<Customer> c = store.get(at);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  @Override
  public Customer merge(CustomerId survivorId, CustomerId mergedId) {
    Checks.notNull("survivorId", survivorId);
    Checks.notNull("mergedId", mergedId);
    return ctx.atomically("merge customer " + mergedId + " into " + survivorId,
        () -> mergeOnce(survivorId, mergedId));
  }

  private Customer mergeOnce(CustomerId survivorId, CustomerId mergedId) {
    Customer survivor = require(survivorId);
    Customer merged = require(mergedId);
    if (survivor.id().equals(merged.id())) {
      throw Checks.invalid("merge", "a customer cannot be merged into itself", survivorId);
    }
    Instant now = ctx.now();
    var consents = ctx.storage().consents();
    List<ConsentRecord> restrict = mostRestrictive(consents.history(survivor.id()),
        consents.history(merged.id()), survivor.id(), now);
    // 1. free the merged customer's unique keys so the survivor can take them
    Customer stripped = store.update(merged.toBuilder().emails(List.of()).externalIds(List.of())
        .updatedAt(later(now, merged.createdAt())).version(merged.version() + 1).build());
    // 2. the survivor takes the combined values (retrying on concurrent changes)
    Customer[] before = new Customer[1];
    Customer after;
    try {
      after = CrmContext.retrying(() -> {
        Customer s = require(survivor.id());
        before[0] = s;
        return store.update(MergePolicy.combine(s, merged).updatedAt(later(now, s.createdAt()))
            .version(s.version() + 1).build());
      });
    } catch (RuntimeException e) {
      // give the merged customer its keys back: a failed merge leaves both customers as they were
      // (a transactional storage rolls back anyway; this covers adapters without transactions)
      try {
        store.update(merged.toBuilder().updatedAt(stripped.updatedAt()).version(stripped.version() + 1).build());
      } catch (RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
    // 3. move what belonged to the merged customer
    var orders = ctx.storage().orders();
    for (Order o : orders.findByCustomer(merged.id())) {
      CrmContext.retrying(() -> {
        Order current = orders.get(o.id()).orElseThrow();
        return orders.update(current.withCustomer(after.id(), current.version() + 1, false));
      });
    }
    ctx.storage().interactions().reassign(merged.id(), after.id());
    ctx.storage().ledger().reassign(merged.id(), after.id());
    ctx.storage().surveys().reassign(merged.id(), after.id());
    var cases = ctx.storage().cases();
    for (SupportCase c : cases.findByCustomer(merged.id())) {
      CrmContext.retrying(() -> {
        SupportCase current = cases.get(c.id()).orElseThrow();
        return cases.update(current.forCustomer(after.id(), false));
      });
    }
    var preferences = ctx.storage().preferences();
    if (preferences.history(after.id()).isEmpty()) {
      preferences.reassign(merged.id(), after.id()); // the survivor stated none: keep the merged ones
    } else {
      preferences.deleteAll(merged.id()); // the survivor's stated preferences win
    }
    consents.reassign(merged.id(), after.id());
    restrict.forEach(consents::append);
    var accounts = ctx.storage().accounts();
    for (Account a : accounts.findByContact(merged.id())) {
      CrmContext.retrying(() -> {
        Account current = accounts.get(a.id()).orElseThrow();
        Account moved = current.withoutContact(merged.id());
        for (BuyingRole role : current.rolesOf(merged.id())) {
          moved = moved.withContact(new AccountContact(after.id(), role));
        }
        return accounts.update(moved.withVersion(current.version() + 1, later(now, current.createdAt())));
      });
    }
    // 4. the merged id resolves to the survivor from now on
    store.delete(stripped.id(), stripped.version());
    store.retargetAliases(merged.id(), after.id());
    store.addAlias(merged.id(), after.id());
    ctx.publish(new CrmEvent.CustomerMerged(before[0], after, merged, now));
    return after;
  }

  /** Withdrawals to record where one side withdrew what the other granted. */
  private static List<ConsentRecord> mostRestrictive(List<ConsentRecord> a, List<ConsentRecord> b,
      CustomerId survivor, Instant now) {
    Map<String, ConsentRecord> la = latest(a);
    Map<String, ConsentRecord> lb = latest(b);
    List<ConsentRecord> out = new ArrayList<>();
    for (Map.Entry<String, ConsentRecord> e : la.entrySet()) {
      ConsentRecord other = lb.get(e.getKey());
      if (other != null && e.getValue().granted() != other.granted()) {
        ConsentRecord withdrawn = e.getValue().granted() ? other : e.getValue();
        out.add(new ConsentRecord(survivor, withdrawn.purpose(), withdrawn.channel(),
            ConsentStatus.WITHDRAWN, withdrawn.lawfulBasis(), "merge: most restrictive state kept", now));
      }
    }
    return out;
  }

  private static Map<String, ConsentRecord> latest(List<ConsentRecord> history) {
    Map<String, ConsentRecord> m = new HashMap<>();
    for (ConsentRecord r : history) {
      m.merge(r.purpose() + "\u0000" + r.channel(), r,
          (x, y) -> y.recordedAt().isBefore(x.recordedAt()) ? x : y);
    }
    return m;
  }

  private static Instant later(Instant now, Instant floor) {
    return now.isBefore(floor) ? floor : now;
  }

  @Override
  public Customer require(CustomerId id) {
    return get(id).orElseThrow(() -> new NotFoundException("Customer", id));
  }

  @Override
  public Optional<Customer> findByEmail(EmailAddress email) {
    return store.findByEmail(Checks.notNull("email", email));
  }

  @Override
  public List<Customer> findByPhone(PhoneNumber phone) {
    return store.findByPhone(Checks.notNull("phone", phone));
  }

  @Override
  public Optional<Customer> findByExternalId(ExternalId externalId) {
    return store.findByExternalId(Checks.notNull("externalId", externalId));
  }

  @Override
  public Customer update(Customer changed) {
    Checks.notNull("customer", changed);
    return ctx.atomically("update customer " + changed.id(), () -> updateOnce(changed));
  }

  private Customer updateOnce(Customer changed) {
    Customer stored = require(changed.id());
    if (stored.version() != changed.version()) {
      throw new VersionConflictException("Customer", changed.id(), changed.version(), stored.version());
    }
    Instant now = ctx.now();
    Instant updatedAt = now.isBefore(stored.createdAt()) ? stored.createdAt() : now;
    Customer next = store.update(changed.toBuilder().createdAt(stored.createdAt()).updatedAt(updatedAt)
        .version(stored.version() + 1).build());
    ctx.publish(new CrmEvent.CustomerUpdated(stored, next, now));
    return next;
  }

  @Override
  public Customer modify(CustomerId id, UnaryOperator<Customer.Builder> change) {
    Checks.notNull("change", change);
    Checks.notNull("customerId", id);
    return ctx.atomically("update customer " + id, () -> CrmContext.retrying(() -> {
      Customer current = require(id);
      Customer.Builder changed = Checks.notNull("change result", change.apply(current.toBuilder()));
      return update(changed.id(current.id()).version(current.version()).build());
    }));
  }

  @Override
  public Customer tag(CustomerId id, String... tags) {
    return modify(id, b -> b.tag(tags));
  }

  @Override
  public Customer untag(CustomerId id, String... tags) {
    return modify(id, b -> b.untag(tags));
  }

  @Override
  public Page<Customer> list(CustomerFilter filter, int limit, String cursor) {
    Checks.notNull("filter", filter);
    return Paging.page((after, n) -> store.scan(filter, after, n), CustomerId::of, Customer::id, limit,
        cursor);
  }

  @Override
  public Stream<Customer> stream(CustomerFilter filter) {
    Checks.notNull("filter", filter);
    return Paging.stream((after, n) -> store.scan(filter, after, n), Customer::id);
  }

  @Override
  public long count() {
    return store.count();
  }
}
