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
 *     plus {@code futureLines} is the total, and the error consumer saw every one)
 * @param futureLines parsed lines dated beyond now plus the allowed future skew: rejected (each in the
 *     errors with its line number), not classified and not sessionized
 */
public record ImportReport(ReadStats read, Map<TrafficClass, Long> classes, SessionizerStats sessions,
    List<LogLineError> errors, long futureLines) {
  /** Copies the collections. */
  public ImportReport {
    classes = Map.copyOf(classes);
    errors = List.copyOf(errors);
  }

  /** A report without future lines. */
  public ImportReport(ReadStats read, Map<TrafficClass, Long> classes, SessionizerStats sessions,
      List<LogLineError> errors) {
    this(read, classes, sessions, errors, 0);
  }

  /**
   * Page views left out of sessions because they came behind the watermark ({@link ImportMode#STREAMING}
   * only; always 0 in {@link ImportMode#BATCH}).
   */
  public long lateHits() {
    return sessions.lateHits();
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
