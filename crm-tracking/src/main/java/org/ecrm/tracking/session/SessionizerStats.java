package org.ecrm.tracking.session;

/**
 * Counts of one sessionizer run. Immutable and thread-safe.
 *
 * @param hits hits offered
 * @param lateHits hits older than the watermark (latest time − allowed lateness): not sessionized, counted
 * @param sessions sessions emitted
 * @param visitors distinct visitors with at least one session
 */
public record SessionizerStats(long hits, long lateHits, long sessions, long visitors) {}
