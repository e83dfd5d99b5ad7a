package org.ecrm.core.survey;

/** How often a customer wants to be contacted. */
public enum Frequency {
  /** At most once a day. */
  DAILY,
  /** At most once a week. */
  WEEKLY,
  /** At most once a month. */
  MONTHLY,
  /** Not at all (marketing); service messages are not affected. */
  NEVER
}
