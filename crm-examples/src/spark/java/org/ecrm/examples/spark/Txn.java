package org.ecrm.examples.spark;

import java.io.Serializable;

/**
 * One transaction as a Spark bean: customer key, purchase day (days since 1970-01-01) and amount in minor
 * units of the analysis currency. A mutable bean because Spark's bean encoder needs setters; not
 * thread-safe.
 */
public class Txn implements Serializable {
  private static final long serialVersionUID = 1L;
  private long customer;
  private int epochDay;
  private long amountMinor;

  /** An empty bean (for the encoder). */
  public Txn() {
  }

  /** A filled bean. */
  public Txn(long customer, int epochDay, long amountMinor) {
    this.customer = customer;
    this.epochDay = epochDay;
    this.amountMinor = amountMinor;
  }

  public long getCustomer() {
    return customer;
  }

  public void setCustomer(long customer) {
    this.customer = customer;
  }

  public int getEpochDay() {
    return epochDay;
  }

  public void setEpochDay(int epochDay) {
    this.epochDay = epochDay;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public void setAmountMinor(long amountMinor) {
    this.amountMinor = amountMinor;
  }
}
