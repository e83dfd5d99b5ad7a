package org.ecrm.examples.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ecrm.tracking.session.DailyStats;
import org.ecrm.tracking.session.PageStats;
import org.ecrm.tracking.session.TrafficReport;

/**
 * The web-traffic part of a report: days, top pages, and the return-visit distribution.
 * Immutable and thread-safe.
 *
 * @param source where the traffic came from (e.g. the log file name), shown in the report
 * @param daily per-day figures in date order
 * @param topPages the most viewed pages, most first
 * @param visitorsBySessions visitors per number of sessions, keys 1..cap, the last key meaning "cap or more"
 * @param lateHits hits that came behind the sessionizer's watermark and are in no session (0 for a batch import,
 *     which sorts the lines first), stated in the report
 */
public record TrafficSummary(String source, List<DailyStats> daily, List<PageStats> topPages,
    SortedMap<Integer, Long> visitorsBySessions, long lateHits) {

  /** A summary without late hits. */
  public TrafficSummary(String source, List<DailyStats> daily, List<PageStats> topPages,
      SortedMap<Integer, Long> visitorsBySessions) {
    this(source, daily, topPages, visitorsBySessions, 0);
  }

  /** Copies the collections. */
  public TrafficSummary {
    Objects.requireNonNull(source, "TrafficSummary.source");
    daily = List.copyOf(daily);
    topPages = List.copyOf(topPages);
    if (visitorsBySessions.isEmpty() || visitorsBySessions.firstKey() != 1) {
      throw new IllegalArgumentException("TrafficSummary.visitorsBySessions: must start at 1 session '"
          + visitorsBySessions + "'");
    }
    visitorsBySessions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(visitorsBySessions));
    if (lateHits < 0) {
      throw new IllegalArgumentException("TrafficSummary.lateHits: must not be negative '" + lateHits + "'");
    }
  }

  /**
   * This summary with the import's late-hit count.
   *
   * @param count the late hits of the import
   * @return a copy stating {@code count}
   */
  public TrafficSummary withLateHits(long count) {
    return new TrafficSummary(source, daily, topPages, visitorsBySessions, count);
  }

  /**
   * The summary of a finished traffic report and visit counts: the {@code top} most viewed pages (ties
   * by path) and sessions per visitor capped at {@code cap}.
   */
  public static TrafficSummary of(String source, TrafficReport traffic, VisitCounts visits, int top, int cap) {
    if (top <= 0) {
      throw new IllegalArgumentException("TrafficSummary.top: must be positive '" + top + "'");
    }
    List<PageStats> pages = traffic.pages().stream()
        .sorted(Comparator.comparingLong(PageStats::views).reversed().thenComparing(PageStats::path))
        .limit(top).toList();
    return new TrafficSummary(source, traffic.daily(), pages, visits.distribution(cap));
  }
}
