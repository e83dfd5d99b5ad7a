package org.ecrm.tracking.session;

import java.time.LocalDate;

/**
 * Traffic of one day (sessions counted on their start day). Immutable and thread-safe.
 *
 * @param date the day in the report's zone
 * @param pageViews page views that day
 * @param sessions sessions started that day
 * @param visitors distinct visitors with a session started that day
 * @param bounces sessions with one page view
 */
public record DailyStats(LocalDate date, long pageViews, long sessions, long visitors, long bounces) {
  /** bounces / sessions, 0 without sessions. */
  public double bounceRate() {
    return sessions == 0 ? 0 : (double) bounces / sessions;
  }
}
