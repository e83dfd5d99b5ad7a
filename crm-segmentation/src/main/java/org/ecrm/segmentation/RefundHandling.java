package org.ecrm.segmentation;

/**
 * How refunds of crm-core orders enter an analysis ({@link TransactionSources#orders}).
 * Cancelled orders never count as purchases in either mode; they are skipped and counted.
 */
public enum RefundHandling {
  /**
   * An order counts with its net total (total minus refunds) on the day it was placed. A fully
   * refunded order (net 0) is skipped and counted as "fully refunded order".
   */
  NETTED,
  /** Refunds are ignored: an order counts with its gross total on the day it was placed. */
  EXCLUDED
}
