package org.ecrm.core.service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.VersionConflictException;

/** B2B accounts and their decision-making units. Thread-safe. */
public interface Accounts {

  /**
   * Creates an account with a generated id.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  Account create(String name, String domain);

  /**
   * Creates an account with the given id.
   *
   * @throws DuplicateKeyException if the id is taken
   */
  Account create(AccountId id, String name, String domain);

  /** The account with {@code id}, if any. */
  Optional<Account> get(AccountId id);

  /**
   * The account with {@code id}.
   *
   * @throws NotFoundException if there is none
   */
  Account require(AccountId id);

  /**
   * Stores changed details (name, domain, attributes, contacts) of an account read earlier.
   *
   * @throws VersionConflictException if the account changed since it was read
   * @throws NotFoundException if a contact is not a known customer
   */
  Account update(Account changed);

  /**
   * Adds a customer to the account's decision-making unit in a role (no change if already there),
   * retrying on concurrent changes.
   *
   * @throws NotFoundException if the account or the customer does not exist
   */
  Account addContact(AccountId id, CustomerId customerId, BuyingRole role);

  /** Removes every role of a customer from the account, retrying on concurrent changes. */
  Account removeContact(AccountId id, CustomerId customerId);

  /** The accounts a customer is a contact of. */
  List<Account> ofContact(CustomerId customerId);

  /** A page of accounts in id order; {@code cursor} is {@code ""} for the first page. */
  Page<Account> list(int limit, String cursor);

  /** A lazy stream over all accounts in id order. */
  Stream<Account> stream();
}
