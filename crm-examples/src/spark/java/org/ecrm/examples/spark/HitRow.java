package org.ecrm.examples.spark;

import java.io.Serializable;

/**
 * One page view of a web log as a Spark bean: visitor, time (epoch milliseconds), path, referrer, the
 * request target when it carries campaign parameters (else empty), and the line number (the arrival
 * order). A mutable bean because Spark's bean encoder needs setters; not thread-safe.
 */
public class HitRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private String visitor = "";
  private long millis;
  private String path = "";
  private String referrer = "";
  private String campaignTarget = "";
  private long line;

  /** An empty bean (for the encoder). */
  public HitRow() {
  }

  HitRow(String visitor, long millis, String path, String referrer, String campaignTarget, long line) {
    this.visitor = visitor;
    this.millis = millis;
    this.path = path;
    this.referrer = referrer;
    this.campaignTarget = campaignTarget;
    this.line = line;
  }

  public String getVisitor() {
    return visitor;
  }

  public void setVisitor(String visitor) {
    this.visitor = visitor;
  }

  public long getMillis() {
    return millis;
  }

  public void setMillis(long millis) {
    this.millis = millis;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getReferrer() {
    return referrer;
  }

  public void setReferrer(String referrer) {
    this.referrer = referrer;
  }

  public String getCampaignTarget() {
    return campaignTarget;
  }

  public void setCampaignTarget(String campaignTarget) {
    this.campaignTarget = campaignTarget;
  }

  public long getLine() {
    return line;
  }

  public void setLine(long line) {
    this.line = line;
  }
}
