package org.ecrm.core.support;

/** Where a case stands. Service-level clocks pause while {@link #PENDING_CUSTOMER} and stop when resolved. */
public enum CaseStatus {
  /** Opened, nobody answered yet. */
  NEW,
  /** Being worked on. */
  OPEN,
  /** Waiting for the customer: clocks paused. */
  PENDING_CUSTOMER,
  /** Solved: the resolution clock stops. */
  RESOLVED,
  /** Done for good. */
  CLOSED,
  /** Opened again after it was resolved. */
  REOPENED
}
