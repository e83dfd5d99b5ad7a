package org.ecrm.tracking;

/**
 * Counters of a {@link Tracker} since it was built. Immutable snapshot; thread-safe.
 *
 * @param accepted events buffered
 * @param delivered events the sink took
 * @param failed events given to the failed-events sink after retries, or at close
 * @param dropped events dropped from a full buffer (drop-oldest) or refused because it was full
 * @param duplicates events dropped as duplicates
 * @param invalid events refused as invalid
 * @param noConsent events not tracked for lack of consent or Do Not Track
 * @param retries delivery attempts that were retried
 * @param buffered events in the buffer now
 */
public record TrackerMetrics(long accepted, long delivered, long failed, long dropped, long duplicates,
    long invalid, long noConsent, long retries, long buffered) {}
