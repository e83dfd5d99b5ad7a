package org.ecrm.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event the tracker could not deliver or refused, with why and the original payload. Immutable and
 * thread-safe.
 *
 * @param reason why, e.g. {@code "delivery failed after 3 attempts: java.io.IOException: down"}
 * @param payload the original JSON (as received, or as encoded for events built in code)
 * @param event the event, if it was valid
 * @param at when it failed
 */
public record FailedEvent(String reason, String payload, Optional<TrackingEvent> event, Instant at) {
  /** Checks for nulls. */
  public FailedEvent {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(at, "at");
  }
}
