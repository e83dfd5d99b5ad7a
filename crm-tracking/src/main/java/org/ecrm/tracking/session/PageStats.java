package org.ecrm.tracking.session;

import java.time.Duration;

/**
 * Traffic of one page path. Immutable and thread-safe.
 *
 * @param path the page path
 * @param views page views
 * @param sessions sessions that viewed it at least once
 * @param entries sessions that started on it
 * @param exits sessions that ended on it
 * @param bounces one-page sessions on it
 * @param timedViews views with a time on page (not the last of their session)
 * @param totalTimeOnPage sum of time on page over the timed views
 */
public record PageStats(String path, long views, long sessions, long entries, long exits, long bounces,
    long timedViews, Duration totalTimeOnPage) {
  /** bounces / entries, 0 without entries. */
  public double bounceRate() {
    return entries == 0 ? 0 : (double) bounces / entries;
  }

  /** Mean time on page over the timed views, zero if none. */
  public Duration meanTimeOnPage() {
    return timedViews == 0 ? Duration.ZERO : totalTimeOnPage.dividedBy(timedViews);
  }
}
