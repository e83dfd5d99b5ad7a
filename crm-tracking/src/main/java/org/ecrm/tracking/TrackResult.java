package org.ecrm.tracking;

/** The outcome of {@link Tracker#track}. Immutable and thread-safe. */
public enum TrackResult {
  /** Buffered; it will be delivered or reach the failed-events sink. */
  ACCEPTED,
  /** Its message id was seen within the dedupe window: dropped and counted. */
  DUPLICATE,
  /** The buffer was full (policy REJECT, or BLOCK timed out): sent to the failed-events sink. */
  BUFFER_FULL,
  /** Invalid (bad JSON, bad field, too large): sent to the failed-events sink with the reason. */
  INVALID,
  /** Consent is required and not given, or Do Not Track is honoured: not stored at all, counted. */
  NO_CONSENT
}
