package org.ecrm.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ecrm.core.internal.check.Checks;

/**
 * A B2B organisation with the people of its decision-making unit. A customer may be a contact of
 * several accounts, and may hold several roles in one. Immutable and thread-safe.
 *
 * @param id the account's id
 * @param name the organisation's name, not blank
 * @param domain the organisation's web domain, may be empty
 * @param contacts the contacts and their buying roles; no duplicate (customer, role) pairs
 * @param attributes typed custom attributes
 * @param createdAt when the account was created
 * @param updatedAt when it was last changed
 * @param version the optimistic-concurrency version: 1 on create, +1 on each update
 */
public record Account(
    AccountId id,
    String name,
    String domain,
    List<AccountContact> contacts,
    Map<String, AttributeValue> attributes,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Validates every field.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field for a blank name or a bad version
   */
  public Account {
    Checks.notNull("Account.id", id);
    name = Checks.line("Account.name", name);
    if (name.isEmpty()) {
      throw Checks.invalid("Account.name", "must not be blank", name);
    }
    domain = Checks.line("Account.domain", domain);
    contacts = Checks.distinctList("Account.contacts", contacts);
    attributes = Checks.tokenMap("Account.attributes", attributes, v -> { });
    Checks.notNull("Account.createdAt", createdAt);
    Checks.notNull("Account.updatedAt", updatedAt);
    Checks.positive("Account.version", version);
  }

  /** A copy with {@code contact} added (no change if present). */
  public Account withContact(AccountContact contact) {
    if (contacts.contains(contact)) {
      return this;
    }
    List<AccountContact> next = new java.util.ArrayList<>(contacts);
    next.add(contact);
    return new Account(id, name, domain, next, attributes, createdAt, updatedAt, version);
  }

  /** A copy without any role of {@code customerId}. */
  public Account withoutContact(CustomerId customerId) {
    return new Account(id, name, domain,
        contacts.stream().filter(c -> !c.customerId().equals(customerId)).toList(), attributes,
        createdAt, updatedAt, version);
  }

  /** The roles {@code customerId} holds in this account. */
  public List<BuyingRole> rolesOf(CustomerId customerId) {
    return contacts.stream().filter(c -> c.customerId().equals(customerId))
        .map(AccountContact::role).toList();
  }

  /** A copy with another name, domain and attributes (used for updates). */
  public Account withDetails(String name, String domain, Map<String, AttributeValue> attributes) {
    return new Account(id, name, domain, contacts, attributes, createdAt, updatedAt, version);
  }

  /** A copy stamped with a new version and change instant (used by the facade). */
  public Account withVersion(long version, Instant updatedAt) {
    return new Account(id, name, domain, contacts, attributes, createdAt, updatedAt, version);
  }
}
