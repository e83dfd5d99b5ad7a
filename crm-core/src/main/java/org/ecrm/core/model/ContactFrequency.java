package org.ecrm.core.model;

/** How often a customer wants to hear from the company. */
public enum ContactFrequency {
  /** At most once a day. */
  DAILY,

  /** At most once a week. */
  WEEKLY,

  /** At most once a month. */
  MONTHLY,

  /** Not at all (transactional messages only). */
  NEVER,

  /** The customer has not said. */
  UNSPECIFIED
}
