package org.ecrm.core.access;

/** What a role allows. */
public enum Permission {
  /** Read customers with their contact details (names, e-mails, phones, addresses, identities). */
  READ_CUSTOMERS,
  /** Read customers pseudonymised: contact details, identities and attributes removed. */
  READ_CUSTOMERS_PSEUDONYMISED,
  /** Create, change, tag and merge customers. */
  WRITE_CUSTOMERS,
  /** Read orders with their values. */
  READ_ORDERS,
  /** Place, pay, cancel and refund orders. */
  WRITE_ORDERS,
  /** Read interactions (their free text is personal data). */
  READ_INTERACTIONS,
  /** Record interactions. */
  WRITE_INTERACTIONS,
  /** Read and change consent. */
  MANAGE_CONSENT,
  /** Export or erase a person's data. */
  PRIVACY_REQUESTS
}
