package org.ecrm.core.loyalty;

import java.time.Instant;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;

/**
 * One ledger entry. The balance is the sum of the entries' points. Immutable and thread-safe.
 *
 * @param customerId the member
 * @param kind earn, redeem, expire or adjust
 * @param points signed points: positive for earn, negative for redeem and expire, either for adjust
 * @param reason why
 * @param sourceEvent the event that caused it (e.g. {@code "order:o-1"}); a second entry with the same
 *     source event of the same member is not written (idempotency)
 * @param at when
 * @param expiresAt for an earn entry, when its unspent points expire; otherwise {@code at}
 */
public record PointsEntry(CustomerId customerId, Kind kind, long points, String reason, String sourceEvent,
    Instant at, Instant expiresAt) {

  /** What an entry does. */
  public enum Kind {
    /** Points earned. */
    EARN,
    /** Points spent. */
    REDEEM,
    /** Unspent points that ran out. */
    EXPIRE,
    /** A manual correction. */
    ADJUST
  }

  /** @throws IllegalArgumentException if the sign does not fit the kind or points are zero */
  public PointsEntry {
    Checks.notNull("PointsEntry.customerId", customerId);
    Checks.notNull("PointsEntry.kind", kind);
    if (points == 0 || (kind == Kind.EARN && points < 0)
        || ((kind == Kind.REDEEM || kind == Kind.EXPIRE) && points > 0)) {
      throw Checks.invalid("PointsEntry.points", "has the wrong sign for " + kind, points);
    }
    reason = Checks.line("PointsEntry.reason", reason);
    sourceEvent = Checks.id("PointsEntry.sourceEvent", sourceEvent);
    Checks.notNull("PointsEntry.at", at);
    Checks.notNull("PointsEntry.expiresAt", expiresAt);
    if (expiresAt.isBefore(at)) {
      throw Checks.invalid("PointsEntry.expiresAt", "is before the entry " + at, expiresAt);
    }
  }

  /**
   * This entry after its member was erased: held by {@code pseudonym}, reason empty, source event
   * {@code erased-<n>}; kind, points and instants kept for accounting.
   */
  public PointsEntry pseudonymised(CustomerId pseudonym, int n) {
    return new PointsEntry(pseudonym, kind, points, "", "erased-" + n, at, expiresAt);
  }
}
