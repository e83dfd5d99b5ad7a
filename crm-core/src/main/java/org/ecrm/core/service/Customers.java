package org.ecrm.core.service;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.VersionConflictException;

/**
 * The customer database. Thread-safe: every method may be called from any thread. Every change is
 * stored before the {@link org.ecrm.core.event.CrmEvent} about it is published.
 */
public interface Customers {

  /**
   * Creates a customer from the builder (which is not changed): the id comes from the builder or the
   * id generator, both instants from the clock, the version is 1.
   *
   * @throws DuplicateKeyException if the id, an e-mail address or an external identity is taken
   * @throws IllegalArgumentException naming the field if a value is invalid
   */
  Customer create(Customer.Builder customer);

  /**
   * The customer with {@code id}, if any. The id of a customer merged into another resolves to the
   * survivor.
   */
  Optional<Customer> get(CustomerId id);

  /**
   * The customer with {@code id}.
   *
   * @throws NotFoundException if there is none
   */
  Customer require(CustomerId id);

  /** The customer with this e-mail address (normalised first), if any. */
  Optional<Customer> findByEmail(EmailAddress email);

  /** The customers with this phone number, in id order. */
  List<Customer> findByPhone(PhoneNumber phone);

  /** The customer with this external identity, if any. */
  Optional<Customer> findByExternalId(ExternalId externalId);

  /**
   * Stores a changed customer read earlier: its version must still be the stored version (optimistic
   * concurrency). The id and creation instant cannot change; the version grows by one.
   *
   * @return the stored customer
   * @throws NotFoundException if the customer does not exist
   * @throws VersionConflictException if someone changed the customer since it was read; nothing is
   *     written
   * @throws DuplicateKeyException if a new e-mail address or external identity belongs to another customer
   */
  Customer update(Customer changed);

  /**
   * Reads the customer, applies {@code change} to a builder of it and stores the result, re-reading
   * and re-applying on a concurrent change (up to 32 times).
   *
   * @throws NotFoundException if the customer does not exist
   * @throws VersionConflictException if every attempt met a concurrent change
   */
  Customer modify(CustomerId id, UnaryOperator<Customer.Builder> change);

  /** Adds tags, retrying on concurrent changes as {@link #modify} does. */
  Customer tag(CustomerId id, String... tags);

  /** Removes tags, retrying on concurrent changes as {@link #modify} does. */
  Customer untag(CustomerId id, String... tags);

  /**
   * Merges {@code merged} into {@code survivor}. Fields combine by this policy: the survivor's
   * single values win (name parts, stage, source) and the merged customer's fill the survivor's empty
   * ones; e-mails, phones, addresses, external identities and tags are unioned (survivor's first);
   * attributes keep the survivor's value per key and add the merged customer's other keys. The merged
   * customer's orders, interactions, consent history and account roles move to the survivor (its
   * preferences only when the survivor has stated none); where the
   * two disagree on a consent (one granted, one withdrawn) the most restrictive state wins (a withdrawal
   * is recorded). The merged id keeps resolving to the survivor. A merge record (who, when, what came
   * from where) is kept in the audit trail and shown on the timeline; a {@code CustomerMerged} event fires.
   *
   * @return the survivor after the merge
   * @throws NotFoundException if either customer does not exist
   * @throws IllegalArgumentException if both ids name the same customer
   */
  Customer merge(CustomerId survivor, CustomerId merged);

  /**
   * A page of customers matching {@code filter} in id order.
   *
   * @param limit page size, 1 to 10,000
   * @param cursor {@link Page#nextCursor()} of the previous page, or {@code ""} for the first page
   */
  Page<Customer> list(CustomerFilter filter, int limit, String cursor);

  /** A lazy stream over the customers matching {@code filter} in id order, read page by page. */
  Stream<Customer> stream(CustomerFilter filter);

  /** How many customers are stored. */
  long count();
}
