package org.ecrm.tracking.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecrm.tracking.Campaign;
import org.jspecify.annotations.Nullable;

/** Cuts one visitor's time-ordered hits into sessions and computes their metrics. Thread-safe (stateless). */
final class SessionAssembler {
  private final long timeoutMillis;
  private final @Nullable ZoneRules midnightRules;
  private final boolean campaignSplit;

  /** Rules: gap > timeout; optional midnight in {@code zone}; optional campaign change. */
  public SessionAssembler(Duration timeout, @Nullable ZoneId zone, boolean campaignSplit) {
    this.timeoutMillis = timeout.toMillis();
    this.midnightRules = zone == null ? null : zone.getRules();
    this.campaignSplit = campaignSplit;
  }

  /** Sessions of {@code sorted} (time order), numbered from {@code firstIndex}. */
  public List<Session> assemble(List<Hit> sorted, int firstIndex) {
    List<Session> out = new ArrayList<>(2);
    int from = 0;
    int index = firstIndex;
    Campaign campaign = sorted.isEmpty() ? Campaign.NONE : sorted.get(0).campaign();
    for (int i = 1; i <= sorted.size(); i++) {
      boolean cut = i == sorted.size();
      if (!cut) {
        Hit prev = sorted.get(i - 1);
        Hit h = sorted.get(i);
        long gap = h.time().toEpochMilli() - prev.time().toEpochMilli();
        cut = gap > timeoutMillis
            || (midnightRules != null && day(prev.time()) != day(h.time()))
            || (campaignSplit && !h.campaign().isEmpty() && !h.campaign().equals(campaign));
        if (!cut && campaign.isEmpty() && !h.campaign().isEmpty()) {
          campaign = h.campaign();
        }
      }
      if (cut) {
        out.add(build(sorted.subList(from, i), index++, campaign));
        from = i;
        if (i < sorted.size()) {
          campaign = sorted.get(i).campaign();
        }
      }
    }
    return out;
  }

  private long day(Instant t) {
    return Math.floorDiv(t.getEpochSecond() + midnightRules.getOffset(t).getTotalSeconds(), 86_400L);
  }

  private static Session build(List<Hit> hits, int index, Campaign campaign) {
    int views = 0;
    int events = 0;
    int pings = 0;
    List<PageView> pages = new ArrayList<>();
    Hit currentView = null;
    Instant lastPing = null;
    for (Hit h : hits) {
      switch (h.kind()) {
        case PAGE_VIEW -> {
          if (currentView != null) {
            pages.add(view(currentView, Optional.of(h.time()), lastPing));
          }
          currentView = h;
          lastPing = null;
          views++;
        }
        case PAGE_PING -> {
          pings++;
          if (currentView != null) {
            lastPing = h.time();
          }
        }
        case EVENT -> events++;
      }
    }
    if (currentView != null) {
      pages.add(view(currentView, Optional.empty(), lastPing));
    }
    Hit first = hits.get(0);
    return new Session(first.visitorId(), index, first.time(), hits.get(hits.size() - 1).time(), views, events,
        pings, pages, first.referrer(), campaign);
  }

  private static PageView view(Hit v, Optional<Instant> next, @Nullable Instant lastPing) {
    return new PageView(v.path(), v.time(), next.map(n -> Duration.between(v.time(), n)),
        lastPing == null ? Optional.empty() : Optional.of(Duration.between(v.time(), lastPing)));
  }
}
