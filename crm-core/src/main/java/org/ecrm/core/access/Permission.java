package org.ecrm.core.access;

/**
 * What a role allows. Every operation of every service of a {@link org.ecrm.core.Crm} made with an
 * {@link AccessPolicy} needs exactly one of these (reads of customers: {@link #READ_CUSTOMERS} or
 * {@link #READ_CUSTOMERS_PSEUDONYMISED}); the table of which operation needs which is in
 * {@code SECURITY.md} of crm-core. {@link #EXPORT_ALL}, {@link #IMPORT_ALL} and {@link #READ_AUDIT}
 * reach the whole database and are granted apart from the per-area permissions.
 */
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
  PRIVACY_REQUESTS,
  /** Read B2B accounts and their contacts. */
  READ_ACCOUNTS,
  /** Create and change accounts and their contacts. */
  WRITE_ACCOUNTS,
  /** Read the product catalogue. */
  READ_PRODUCTS,
  /** Create and change products. */
  WRITE_PRODUCTS,
  /** Read customers' preferences and their history. */
  READ_PREFERENCES,
  /** Change customers' preferences. */
  WRITE_PREFERENCES,
  /** Read survey responses and answer statistics. */
  READ_SURVEYS,
  /** Define questionnaires and record responses. */
  WRITE_SURVEYS,
  /** Read support cases, their messages, clocks and reports. */
  READ_CASES,
  /** Open, answer, assign and close support cases. */
  WRITE_CASES,
  /** Read and search the knowledge base. */
  READ_KNOWLEDGE_BASE,
  /** Write knowledge-base articles and mark them as solving a case. */
  WRITE_KNOWLEDGE_BASE,
  /** Read loyalty balances, ledgers, tiers, the programme and ROI reports. */
  READ_LOYALTY,
  /** Earn, redeem, adjust and expire loyalty points. */
  WRITE_LOYALTY,
  /** Read opportunities, the pipeline, decision-making units and listening summaries. */
  READ_B2B,
  /** Open, move and forecast opportunities. */
  WRITE_B2B,
  /** Read the audit trail (every change and every read of personal data, by anyone). */
  READ_AUDIT,
  /** Export the whole database ({@link org.ecrm.core.service.Archive#exportAll}). */
  EXPORT_ALL,
  /** Import a whole-database archive ({@link org.ecrm.core.service.Archive#importAll}), bypassing events and audit. */
  IMPORT_ALL
}
