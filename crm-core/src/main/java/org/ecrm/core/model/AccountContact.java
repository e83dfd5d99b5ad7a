package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * A customer's place in an account's decision-making unit. Immutable and thread-safe.
 *
 * @param customerId the contact person
 * @param role the contact's buying role in this account
 */
public record AccountContact(CustomerId customerId, BuyingRole role) {
  /** @throws NullPointerException naming the field if one is null */
  public AccountContact {
    Checks.notNull("AccountContact.customerId", customerId);
    Checks.notNull("AccountContact.role", role);
  }
}
