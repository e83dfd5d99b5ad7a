package org.ecrm.examples.spark;

import java.io.Serializable;
import org.ecrm.segmentation.CustomerRfm;

/**
 * One scored customer as a Spark bean (the columns of {@link CustomerRfm}). A mutable bean because
 * Spark's bean encoder needs setters; not thread-safe.
 */
public class RfmRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private long customer;
  private int recencyDays;
  private long frequency;
  private long monetaryMinor;
  private int r;
  private int f;
  private int m;
  private String segment = "";

  /** An empty bean (for the encoder). */
  public RfmRow() {
  }

  /** The row of {@code c}. */
  public static RfmRow of(CustomerRfm c) {
    RfmRow row = new RfmRow();
    row.customer = c.customer();
    row.recencyDays = c.recencyDays();
    row.frequency = c.frequency();
    row.monetaryMinor = c.monetaryMinor();
    row.r = c.r();
    row.f = c.f();
    row.m = c.m();
    row.segment = c.segment();
    return row;
  }

  /** Back to the library's record. */
  public CustomerRfm toCustomerRfm() {
    return new CustomerRfm(customer, recencyDays, frequency, monetaryMinor, r, f, m, segment,
        Long.toString(customer));
  }

  public long getCustomer() {
    return customer;
  }

  public void setCustomer(long customer) {
    this.customer = customer;
  }

  public int getRecencyDays() {
    return recencyDays;
  }

  public void setRecencyDays(int recencyDays) {
    this.recencyDays = recencyDays;
  }

  public long getFrequency() {
    return frequency;
  }

  public void setFrequency(long frequency) {
    this.frequency = frequency;
  }

  public long getMonetaryMinor() {
    return monetaryMinor;
  }

  public void setMonetaryMinor(long monetaryMinor) {
    this.monetaryMinor = monetaryMinor;
  }

  public int getR() {
    return r;
  }

  public void setR(int r) {
    this.r = r;
  }

  public int getF() {
    return f;
  }

  public void setF(int f) {
    this.f = f;
  }

  public int getM() {
    return m;
  }

  public void setM(int m) {
    this.m = m;
  }

  public String getSegment() {
    return segment;
  }

  public void setSegment(String segment) {
    this.segment = segment;
  }

  @Override
  public String toString() {
    return toCustomerRfm().toString();
  }
}
