package org.ecrm.tracking.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One page view inside a session. Immutable and thread-safe.
 *
 * @param path the page path
 * @param at when it was viewed
 * @param timeOnPage time to the next page view in the session; empty for the last page
 * @param engagedTime from the view to its last page ping before the next view; empty without pings
 */
public record PageView(String path, Instant at, Optional<Duration> timeOnPage, Optional<Duration> engagedTime) {
  /** Checks for nulls. */
  public PageView {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(timeOnPage, "timeOnPage");
    Objects.requireNonNull(engagedTime, "engagedTime");
  }
}
