package org.ecrm.tracking;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.Outcome;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;

/**
 * Feeds tracking events to {@link Interact#recordOutcome} as campaign opens and clicks:
 *
 * <ul>
 *   <li>a {@code track} event named {@code Email Opened} is an open, {@code Email Link Clicked} a click,
 *       of the campaign in its {@code campaign_id} property (the Segment e-mail event names);
 *   <li>a {@code page} event whose UTM campaign is set and whose medium is {@code email}, {@code sms} or
 *       {@code push} is a click of the campaign named by {@code utm_campaign} (the landing page of the
 *       message's link).
 * </ul>
 *
 * <p>The customer is the one behind the event's visitor ({@link IdentityResolver#visitorOf}, then
 * {@link IdentityResolver#customerFor}). Events that match no campaign message — another kind, an
 * unrecognised visitor, a campaign that was not sent, a customer who was not sent it — are counted in
 * {@link #unmatched()} and otherwise ignored. Thread-safe.
 */
public final class CampaignResponses {
  static final String OPENED = "email opened";
  static final String CLICKED = "email link clicked";
  private static final Set<String> MEDIA = Set.of("email", "sms", "push");

  private final Interact interact;
  private final IdentityResolver identities;
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong unmatched = new AtomicLong();

  private CampaignResponses(Interact interact, IdentityResolver identities) {
    this.interact = interact;
    this.identities = identities;
  }

  /** A feed into {@code interact}, recognising visitors with {@code identities}. */
  public static CampaignResponses of(Interact interact, IdentityResolver identities) {
    return new CampaignResponses(Objects.requireNonNull(interact, "interact"),
        Objects.requireNonNull(identities, "identities"));
  }

  /** Records the event's outcome if it is a response to a campaign message; returns what was recorded. */
  public Optional<Outcome> accept(TrackingEvent e) {
    Objects.requireNonNull(e, "event");
    Optional<Outcome> outcome = Optional.empty();
    String campaign = "";
    if (e.type() == EventType.TRACK && e.name().isPresent()) {
      String name = e.name().get().strip().toLowerCase(Locale.ROOT);
      Object id = e.properties().get("campaign_id");
      if ((name.equals(OPENED) || name.equals(CLICKED)) && id != null) {
        outcome = Optional.of(name.equals(OPENED) ? Outcome.OPENED : Outcome.CLICKED);
        campaign = id.toString();
      }
    } else if (e.type() == EventType.PAGE) {
      Campaign utm = e.context().campaign();
      if (!utm.name().isEmpty() && MEDIA.contains(utm.medium().toLowerCase(Locale.ROOT))) {
        outcome = Optional.of(Outcome.CLICKED);
        campaign = utm.name();
      }
    }
    if (outcome.isEmpty()) {
      unmatched.incrementAndGet();
      return Optional.empty();
    }
    Optional<CustomerId> customer = identities.customerFor(identities.visitorOf(e));
    if (customer.isEmpty()) {
      unmatched.incrementAndGet();
      return Optional.empty();
    }
    try {
      interact.recordOutcome(campaign, customer.get(), outcome.get(), e.timestamp());
    } catch (NotFoundException | IllegalArgumentException notThisCampaign) {
      unmatched.incrementAndGet();
      return Optional.empty();
    }
    recorded.incrementAndGet();
    return outcome;
  }

  /** Outcomes recorded so far. */
  public long recorded() {
    return recorded.get();
  }

  /** Events that were not a response to a campaign message sent to a known customer. */
  public long unmatched() {
    return unmatched.get();
  }
}
