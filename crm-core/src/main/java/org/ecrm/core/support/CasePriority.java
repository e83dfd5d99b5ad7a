package org.ecrm.core.support;

/** How urgent a case is. */
public enum CasePriority {
  /** Whenever possible. */
  LOW,
  /** The default. */
  NORMAL,
  /** Soon. */
  HIGH,
  /** Now. */
  URGENT
}
