package org.ecrm.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * A link from an anonymous id to a user id, made by an identify (or any event carrying both) or an alias.
 * Immutable and thread-safe.
 *
 * @param anonymousId the anonymous (cookie or device) id
 * @param userId the known user id
 * @param since the event time of the first event that linked them
 */
public record IdentityLink(String anonymousId, String userId, Instant since) {
  /** Checks for nulls. */
  public IdentityLink {
    Objects.requireNonNull(anonymousId, "anonymousId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(since, "since");
  }
}
