package org.ecrm.tracking;

import java.util.Objects;

/**
 * A refused event: where it was, which field, why, and the original payload, so nothing is lost
 * silently. Immutable and thread-safe.
 *
 * @param index the event's position in its batch (0 for a single event, -1 for the whole batch)
 * @param field the JSON field (dotted path), or {@code "$"} for the whole event
 * @param reason why it was refused
 * @param payload the original JSON text of the event (or batch)
 */
public record Rejection(int index, String field, String reason, String payload) {
  /** Checks for nulls. */
  public Rejection {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(payload, "payload");
  }

  /** {@code "event 3: userId: placeholder id refused: \"null\""}. */
  public String message() {
    return "event " + index + ": " + field + ": " + reason;
  }
}
