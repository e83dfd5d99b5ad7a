package org.ecrm.tracking.weblog;

import java.util.List;
import java.util.Map;
import org.ecrm.tracking.session.SessionizerStats;

/**
 * The outcome of one web-log import. Immutable and thread-safe.
 *
 * @param read lines read, parsed and malformed
 * @param classes parsed lines per traffic class (every class present, zero if none)
 * @param sessions the sessionizer's counts (page views are its hits; visitors have at least one session)
 * @param errors the first rejected lines (at most the configured number; {@link ReadStats#malformed()}
 *     has the total, and the error consumer saw every one)
 */
public record ImportReport(ReadStats read, Map<TrafficClass, Long> classes, SessionizerStats sessions,
    List<LogLineError> errors) {
  /** Copies the collections. */
  public ImportReport {
    classes = Map.copyOf(classes);
    errors = List.copyOf(errors);
  }

  /** Parsed lines of one class. */
  public long count(TrafficClass c) {
    return classes.getOrDefault(c, 0L);
  }

  /** Human page views (bots, assets, errors, redirects and other methods excluded). */
  public long pageViews() {
    return count(TrafficClass.PAGE_VIEW);
  }
}
