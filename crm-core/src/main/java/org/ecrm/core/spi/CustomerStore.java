package org.ecrm.core.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Stores customers. E-mail addresses and external identities are unique keys across customers
 * ({@link org.ecrm.core.model.DuplicateKeyException} otherwise); phone numbers are an index that may hold
 * several customers. Thread-safe and atomic per method, as {@link VersionedStore} says.
 */
public interface CustomerStore extends VersionedStore<CustomerId, Customer> {

  /** The customer holding {@code email}, if any. */
  Optional<Customer> findByEmail(EmailAddress email);

  /** The customers holding {@code phone}, in id order; possibly none. */
  List<Customer> findByPhone(PhoneNumber phone);

  /** The customer holding {@code externalId}, if any. */
  Optional<Customer> findByExternalId(ExternalId externalId);

  /** Records that {@code alias} (a merged customer's id) now means {@code target}. */
  void addAlias(CustomerId alias, CustomerId target);

  /** The customer id {@code alias} was merged into, if it is an alias. */
  Optional<CustomerId> resolveAlias(CustomerId alias);

  /** The aliases that resolve directly to {@code target}, in id order. */
  List<CustomerId> aliasesOf(CustomerId target);

  /** Points every alias of {@code from} at {@code to} ({@code to} absent: removes them); returns how many. */
  int retargetAliases(CustomerId from, @Nullable CustomerId to);

  /**
   * Deletes the customer if its stored version is {@code version}.
   *
   * @return false if no customer has the id
   * @throws org.ecrm.core.model.VersionConflictException if the stored version differs
   */
  boolean delete(CustomerId id, long version);

  /**
   * The customers holding any of {@code ids} (as their own id; aliases are not followed), any of
   * {@code emails} or any of {@code externalIds}, each once, in id order: a read ahead for a run of
   * lookups, e.g. the rows of an import chunk. The default looks each key up alone; the JDBC store
   * answers with one query per kind of key and, inside a {@link Storage#batchTransaction}, keeps the
   * answers (the keys nobody holds too, and the aliases among {@code ids}) for the lookups that follow.
   *
   * @param ids customer ids
   * @param emails e-mail addresses
   * @param externalIds external ids
   * @return the customers found
   */
  default List<Customer> findAll(Collection<CustomerId> ids, Collection<EmailAddress> emails,
      Collection<ExternalId> externalIds) {
    java.util.TreeMap<CustomerId, Customer> found = new java.util.TreeMap<>();
    for (CustomerId id : ids) {
      get(id).ifPresent(c -> found.put(c.id(), c));
    }
    for (EmailAddress e : emails) {
      findByEmail(e).ifPresent(c -> found.putIfAbsent(c.id(), c));
    }
    for (ExternalId x : externalIds) {
      findByExternalId(x).ifPresent(c -> found.putIfAbsent(c.id(), c));
    }
    return List.copyOf(found.values());
  }

  /**
   * Up to {@code limit} customers matching {@code filter} with ids after {@code after}, in id order.
   * The default pages through {@link #scan(Comparable, int)} until it returns an empty page (a shorter page
   * is not taken for the end) and tests each customer; adapters over a query language should push the
   * filter down.
   */
  default List<Customer> scan(CustomerFilter filter, @Nullable CustomerId after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    List<Customer> out = new ArrayList<>(Math.min(limit, 1024));
    CustomerId cursor = after;
    while (out.size() < limit) {
      List<Customer> batch = scan(cursor, Math.max(limit, 256));
      for (Customer c : batch) {
        if (filter.test(c)) {
          out.add(c);
          if (out.size() == limit) {
            return out;
          }
        }
      }
      if (batch.isEmpty()) { // only an empty page is the end: a store may page by less than asked
        return out;
      }
      cursor = batch.get(batch.size() - 1).id();
    }
    return out;
  }
}
