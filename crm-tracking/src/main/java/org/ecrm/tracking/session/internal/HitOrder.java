package org.ecrm.tracking.session.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import org.ecrm.tracking.Campaign;

/**
 * The total order of hits used wherever the order of equal times matters: time, then visitor, kind, path,
 * referrer and campaign. Two hits equal in this order are equal records, so sorting by it gives the same
 * sequence whatever order the hits came in. The order is built from the hit's accessors, so this package
 * does not depend on the hit type. Thread-safe (stateless).
 */
public final class HitOrder {
  private HitOrder() {}

  private static final Comparator<Campaign> CAMPAIGN = Comparator.comparing(Campaign::source)
      .thenComparing(Campaign::medium).thenComparing(Campaign::name).thenComparing(Campaign::term)
      .thenComparing(Campaign::content);

  /**
   * Time first, then the other fields, read with the given accessors.
   *
   * @param <H> the hit type
   * @param <K> the hit kind (compared in declaration order)
   * @param time the hit's time
   * @param visitorId the hit's visitor id
   * @param kind the hit's kind
   * @param path the hit's path
   * @param referrer the hit's referrer
   * @param campaign the hit's campaign
   * @return the order
   */
  public static <H, K extends Enum<K>> Comparator<H> of(Function<H, Instant> time, Function<H, String> visitorId,
      Function<H, K> kind, Function<H, String> path, Function<H, String> referrer,
      Function<H, Campaign> campaign) {
    return Comparator.comparing(time).thenComparing(visitorId).thenComparing(kind).thenComparing(path)
        .thenComparing(referrer).thenComparing(campaign, CAMPAIGN);
  }
}
