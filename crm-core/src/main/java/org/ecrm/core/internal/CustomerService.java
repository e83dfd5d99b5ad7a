package org.ecrm.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ecrm.core.CustomerFilter;
import org.ecrm.core.Customers;
import org.ecrm.core.NotFoundException;
import org.ecrm.core.Page;
import org.ecrm.core.VersionConflictException;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.spi.CustomerStore;

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
    Customer created = store.insert(b.createdAt(now).updatedAt(now).version(1).build());
    ctx.publish(new CrmEvent.CustomerCreated(created, now));
    return created;
  }

  @Override
  public Optional<Customer> get(CustomerId id) {
    return store.get(Checks.notNull("customerId", id));
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
    return CrmContext.retrying(() -> {
      Customer current = require(id);
      Customer.Builder changed = Checks.notNull("change result", change.apply(current.toBuilder()));
      return update(changed.id(current.id()).version(current.version()).build());
    });
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
