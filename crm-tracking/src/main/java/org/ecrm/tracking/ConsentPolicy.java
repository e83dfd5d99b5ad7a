package org.ecrm.tracking;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whether an event may be tracked at all. Events refused here are not stored anywhere (counted as
 * {@link TrackResult#NO_CONSENT}). Immutable and thread-safe if the predicate is.
 *
 * @param honourDoNotTrack refuse events whose context carries Do Not Track
 * @param consentRequired when true, only events for which {@code hasConsent} is true are tracked
 * @param hasConsent the host's consent check (e.g. backed by crm-core consents or a cookie banner flag)
 */
public record ConsentPolicy(boolean honourDoNotTrack, boolean consentRequired,
    Predicate<TrackingEvent> hasConsent) {
  /** Track everything except Do Not Track. */
  public static final ConsentPolicy DEFAULT = new ConsentPolicy(true, false, e -> true);

  /** Checks for null. */
  public ConsentPolicy {
    Objects.requireNonNull(hasConsent, "hasConsent");
  }

  /** Consent required, checked by {@code hasConsent}; Do Not Track honoured. */
  public static ConsentPolicy requireConsent(Predicate<TrackingEvent> hasConsent) {
    return new ConsentPolicy(true, true, hasConsent);
  }

  /** True if the event may be tracked. */
  public boolean allows(TrackingEvent e) {
    if (honourDoNotTrack && e.context().doNotTrack()) {
      return false;
    }
    return !consentRequired || hasConsent.test(e);
  }
}
