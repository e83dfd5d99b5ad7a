package org.ecrm.core.spi;

import java.util.ArrayList;
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
   * Up to {@code limit} customers matching {@code filter} with ids after {@code after}, in id order.
   * The default pages through {@link #scan(Comparable, int)} and tests each customer; adapters over a
   * query language should push the filter down.
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
      if (batch.size() < Math.max(limit, 256)) {
        return out;
      }
      cursor = batch.get(batch.size() - 1).id();
    }
    return out;
  }
}
