package org.ecrm.examples.spark;

import java.io.Serializable;
import org.ecrm.tracking.session.Session;

/**
 * One session as a flat Spark bean (for CSV or Parquet output and for comparing runs): the visitor, the
 * session number, start and end in epoch milliseconds, the counts, the page views (path, time and time
 * on page, as text), the referrer and the campaign. A mutable bean because Spark's bean encoder needs
 * setters; not thread-safe.
 */
public class SessionRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private String visitorId = "";
  private int index;
  private long startMillis;
  private long endMillis;
  private int pageViews;
  private int events;
  private int pings;
  private String pages = "";
  private String referrer = "";
  private String campaign = "";

  /** An empty bean (for the encoder). */
  public SessionRow() {
  }

  /** The row of {@code s}. */
  public static SessionRow of(Session s) {
    SessionRow r = new SessionRow();
    r.visitorId = s.visitorId();
    r.index = s.index();
    r.startMillis = s.start().toEpochMilli();
    r.endMillis = s.end().toEpochMilli();
    r.pageViews = s.pageViews();
    r.events = s.events();
    r.pings = s.pings();
    r.pages = s.pages().toString();
    r.referrer = s.referrer();
    r.campaign = s.campaign().equals(org.ecrm.tracking.Campaign.NONE) ? "" : s.campaign().toString();
    return r;
  }

  /** The fields as one line (for comparisons and checksums). */
  @Override
  public String toString() {
    return visitorId + '\t' + index + '\t' + startMillis + '\t' + endMillis + '\t' + pageViews + '\t' + events + '\t'
        + pings + '\t' + pages + '\t' + referrer + '\t' + campaign;
  }

  public String getVisitorId() {
    return visitorId;
  }

  public void setVisitorId(String visitorId) {
    this.visitorId = visitorId;
  }

  public int getIndex() {
    return index;
  }

  public void setIndex(int index) {
    this.index = index;
  }

  public long getStartMillis() {
    return startMillis;
  }

  public void setStartMillis(long startMillis) {
    this.startMillis = startMillis;
  }

  public long getEndMillis() {
    return endMillis;
  }

  public void setEndMillis(long endMillis) {
    this.endMillis = endMillis;
  }

  public int getPageViews() {
    return pageViews;
  }

  public void setPageViews(int pageViews) {
    this.pageViews = pageViews;
  }

  public int getEvents() {
    return events;
  }

  public void setEvents(int events) {
    this.events = events;
  }

  public int getPings() {
    return pings;
  }

  public void setPings(int pings) {
    this.pings = pings;
  }

  public String getPages() {
    return pages;
  }

  public void setPages(String pages) {
    this.pages = pages;
  }

  public String getReferrer() {
    return referrer;
  }

  public void setReferrer(String referrer) {
    this.referrer = referrer;
  }

  public String getCampaign() {
    return campaign;
  }

  public void setCampaign(String campaign) {
    this.campaign = campaign;
  }
}
