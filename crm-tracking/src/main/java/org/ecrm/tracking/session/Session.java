package org.ecrm.tracking.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ecrm.tracking.Campaign;

/**
 * One visit: a visitor's hits with no gap longer than the session timeout (and, if configured, no
 * midnight or campaign change in between). Immutable and thread-safe.
 *
 * @param visitorId the visitor
 * @param index 1 for the visitor's first session, 2 for the second (a return visit)...
 * @param start first hit
 * @param end last hit (page view, event or ping)
 * @param pageViews number of page views
 * @param events number of other events (pings not counted)
 * @param pings number of page pings
 * @param pages the page views in order, with time on page and engaged time
 * @param referrer the referrer of the session's first hit, empty if none
 * @param campaign the campaign the session started with (or first carried), {@link Campaign#NONE} if none
 */
public record Session(
    String visitorId,
    int index,
    Instant start,
    Instant end,
    int pageViews,
    int events,
    int pings,
    List<PageView> pages,
    String referrer,
    Campaign campaign) {

  /** Copies the page list; checks for nulls. */
  public Session {
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    pages = List.copyOf(pages);
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(campaign, "campaign");
  }

  /** {@code end − start}. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** A session with exactly one page view. */
  public boolean bounce() {
    return pageViews == 1;
  }

  /** The first page viewed, empty for a session without page views. */
  public Optional<String> entryPage() {
    return pages.isEmpty() ? Optional.empty() : Optional.of(pages.get(0).path());
  }

  /** The last page viewed, empty for a session without page views. */
  public Optional<String> exitPage() {
    return pages.isEmpty() ? Optional.empty() : Optional.of(pages.get(pages.size() - 1).path());
  }

  /** True if this is not the visitor's first session. */
  public boolean returnVisit() {
    return index > 1;
  }

  /** The sum of engaged time over the pages (pings), zero without pings. */
  public Duration engagedTime() {
    Duration d = Duration.ZERO;
    for (PageView p : pages) {
      d = d.plus(p.engagedTime().orElse(Duration.ZERO));
    }
    return d;
  }
}
