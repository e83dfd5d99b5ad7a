package org.ecrm.tracking.session.internal;

import java.util.Comparator;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.session.Hit;

/**
 * The total order of hits used wherever the order of equal times matters: time, then visitor, kind, path,
 * referrer and campaign. Two hits equal in this order are equal records, so sorting by it gives the same
 * sequence whatever order the hits came in. Thread-safe (stateless).
 */
public final class HitOrder {
  private HitOrder() {}

  private static final Comparator<Campaign> CAMPAIGN = Comparator.comparing(Campaign::source)
      .thenComparing(Campaign::medium).thenComparing(Campaign::name).thenComparing(Campaign::term)
      .thenComparing(Campaign::content);

  /** Time first, then the other fields. */
  public static final Comparator<Hit> ORDER = Comparator.comparing(Hit::time).thenComparing(Hit::visitorId)
      .thenComparing(Hit::kind).thenComparing(Hit::path).thenComparing(Hit::referrer)
      .thenComparing(Hit::campaign, CAMPAIGN);
}
