package org.ecrm.tracking.pipeline;

import java.util.Objects;
import org.ecrm.tracking.TrackerMetrics;
import org.ecrm.tracking.session.SessionizerStats;

/**
 * A snapshot of a {@link TrackingPipeline}'s counters. Immutable and thread-safe.
 *
 * @param tracker the tracker's counters: accepted, delivered, failed, duplicates, invalid, no consent...
 * @param sessions the sessionizer's counters: hits, late hits, hits too far ahead, sessions; its visitor
 *     count is of browsers and devices (anonymous ids), before identity resolution
 * @param openVisitors browsers and devices whose session is still open (live; historic: none, the hits wait
 *     in the sort until close)
 * @param visitors visitors with a profile (after identity resolution)
 * @param sessionSinkFailures sessions the host's session sink threw on (logged at ERROR with the session;
 *     the profiles and the report have them)
 */
public record PipelineStats(TrackerMetrics tracker, SessionizerStats sessions, int openVisitors, int visitors,
    long sessionSinkFailures) {
  /** Checks for nulls and negative counts. */
  public PipelineStats {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(sessions, "sessions");
    if (openVisitors < 0 || visitors < 0 || sessionSinkFailures < 0) {
      throw new IllegalArgumentException("counts must not be negative: " + openVisitors + ", " + visitors + ", "
          + sessionSinkFailures);
    }
  }
}
