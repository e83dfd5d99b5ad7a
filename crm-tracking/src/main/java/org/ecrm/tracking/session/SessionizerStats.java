package org.ecrm.tracking.session;

/**
 * Counts of one sessionizer run. Immutable and thread-safe.
 *
 * @param hits hits offered
 * @param lateHits hits older than the watermark (latest time − allowed lateness): not sessionized, counted
 *     and given to the {@link LateHitSink}
 * @param sessions sessions emitted
 * @param visitors distinct visitors with at least one session
 * @param futureHits hits dated beyond now plus the allowed future skew: not sessionized, counted and given
 *     to the {@link LateHitSink}; they never move the watermark
 */
public record SessionizerStats(long hits, long lateHits, long sessions, long visitors, long futureHits) {
  /** Counts without future hits. */
  public SessionizerStats(long hits, long lateHits, long sessions, long visitors) {
    this(hits, lateHits, sessions, visitors, 0);
  }

  /** Hits that were sessionized: offered minus late minus too far ahead. */
  public long sessionizedHits() {
    return hits - lateHits - futureHits;
  }
}
