package org.ecrm.tracking.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What is known about one visitor's behaviour. Immutable and thread-safe.
 *
 * @param visitorId the visitor
 * @param sessions number of sessions
 * @param pageViews number of page views over all sessions
 * @param firstSeen start of the first session
 * @param lastSeen end of the last session
 * @param daysBetweenVisits for each return visit, whole days since the previous session started
 * @param topPages most viewed paths, most first (ties by path), at most the configured number
 * @param interests page views per interest category, most first (ties by name)
 */
public record VisitorProfile(
    String visitorId,
    int sessions,
    long pageViews,
    Instant firstSeen,
    Instant lastSeen,
    List<Long> daysBetweenVisits,
    List<Map.Entry<String, Long>> topPages,
    List<Map.Entry<String, Long>> interests) {

  /** Copies the lists. */
  public VisitorProfile {
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    daysBetweenVisits = List.copyOf(daysBetweenVisits);
    topPages = List.copyOf(topPages);
    interests = List.copyOf(interests);
  }

  /** Sessions after the first: return visits. */
  public int returnVisits() {
    return Math.max(0, sessions - 1);
  }

  /** True if the visitor came back at least once. */
  public boolean returning() {
    return sessions > 1;
  }

  /** Mean days between visits, empty without a return visit. */
  public OptionalDouble meanDaysBetweenVisits() {
    return daysBetweenVisits.stream().mapToLong(Long::longValue).average();
  }

  /** Visit frequency: sessions per 30 days between first and last seen (at least one day counted). */
  public double visitsPer30Days() {
    double days = Math.max(1.0, java.time.Duration.between(firstSeen, lastSeen).toSeconds() / 86_400.0);
    return sessions * 30.0 / days;
  }
}
