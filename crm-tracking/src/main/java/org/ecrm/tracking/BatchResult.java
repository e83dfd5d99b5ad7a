package org.ecrm.tracking;

import java.util.List;

/**
 * The outcome of decoding a batch: the good events in their order and every refused one with its reason.
 * Immutable and thread-safe.
 *
 * @param accepted the valid events
 * @param rejected every refused event
 */
public record BatchResult(List<TrackingEvent> accepted, List<Rejection> rejected) {
  /** Copies both lists. */
  public BatchResult {
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
  }
}
