package org.ecrm.tracking.session;

import java.time.Instant;
import java.util.Objects;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.TrackingEvent;

/**
 * One timed activity of a visitor, the sessionizer's input. Immutable and thread-safe.
 *
 * @param visitorId who (anonymous or user id for events; IP + user agent for logs, configurable)
 * @param time when, event time
 * @param kind page view, event or page ping
 * @param path the page path (empty for events without a page)
 * @param referrer the referrer (empty if none)
 * @param campaign the campaign, {@link Campaign#NONE} if none
 */
public record Hit(String visitorId, Instant time, HitKind kind, String path, String referrer, Campaign campaign) {
  /** Checks for nulls and an empty visitor id. */
  public Hit {
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(campaign, "campaign");
    if (visitorId.isEmpty()) {
      throw new IllegalArgumentException("visitorId must not be empty");
    }
  }

  /** A page view without referrer or campaign. */
  public static Hit pageView(String visitorId, Instant time, String path) {
    return new Hit(visitorId, time, HitKind.PAGE_VIEW, path, "", Campaign.NONE);
  }

  /**
   * The hit of a tracking event: page and screen events are page views, a {@code page_ping} track event
   * is a ping, anything else an event. The visitor is the anonymous id if present (the browser or device,
   * as Snowplow and Google Analytics key sessions), else the user id: an identify, or any event of a
   * logged-in user that carries the anonymous id, lands in the same session as the anonymous events
   * before it. Which user a session belongs to is the identity resolver's answer for that anonymous id
   * ({@code org.ecrm.tracking.pipeline.TrackingPipeline} applies it to every session).
   */
  public static Hit of(TrackingEvent e) {
    HitKind kind = e.type() == EventType.PAGE || e.type() == EventType.SCREEN ? HitKind.PAGE_VIEW
        : e.isPagePing() ? HitKind.PAGE_PING : HitKind.EVENT;
    String path = e.context().pagePath().orElseGet(() ->
        e.type() == EventType.SCREEN ? e.name().orElse("") : "");
    return new Hit(e.anonymousId().orElseGet(e.userId()::orElseThrow), e.timestamp(), kind, path, e.context().referrer().orElse(""),
        e.context().campaign());
  }
}
