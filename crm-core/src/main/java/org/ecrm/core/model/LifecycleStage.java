package org.ecrm.core.model;

/** Where a customer stands in the relationship. */
public enum LifecycleStage {
  /** Known contact details, no qualified interest yet. */
  LEAD,

  /** Qualified interest, no purchase yet. */
  PROSPECT,

  /** Has bought. */
  CUSTOMER,

  /** Has bought but not recently. */
  INACTIVE,

  /** Has left (closed account, or lost by the host's rule). */
  CHURNED
}
