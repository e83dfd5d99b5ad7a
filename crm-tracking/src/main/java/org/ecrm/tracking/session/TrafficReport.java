package org.ecrm.tracking.session;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link SessionSink} that aggregates page views, sessions, visitors and bounce rate per day and per
 * page, and ranks entry and exit pages. Memory grows with days, distinct pages, and visitors per day.
 * Thread-safe (synchronized).
 */
public final class TrafficReport implements SessionSink {
  private final ZoneId zone;
  private final TreeMap<LocalDate, Day> days = new TreeMap<>();
  private final HashMap<String, Page> pages = new HashMap<>();

  private static final class Day {
    long views;
    long sessions;
    long bounces;
    final HashSet<String> visitors = new HashSet<>();
  }

  private static final class Page {
    long views;
    long sessions;
    long entries;
    long exits;
    long bounces;
    long timed;
    long timeMillis;
  }

  /** A report whose days are taken in {@code zone}. */
  public TrafficReport(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public synchronized void accept(Session s) {
    Day d = days.computeIfAbsent(LocalDate.ofInstant(s.start(), zone), k -> new Day());
    d.sessions++;
    d.visitors.add(s.visitorId());
    if (s.bounce()) {
      d.bounces++;
    }
    HashSet<String> seenHere = new HashSet<>();
    for (PageView p : s.pages()) {
      days.computeIfAbsent(LocalDate.ofInstant(p.at(), zone), k -> new Day()).views++;
      Page pg = pages.computeIfAbsent(p.path(), k -> new Page());
      pg.views++;
      if (seenHere.add(p.path())) {
        pg.sessions++;
      }
      if (p.timeOnPage().isPresent()) {
        pg.timed++;
        pg.timeMillis += p.timeOnPage().get().toMillis();
      }
    }
    s.entryPage().ifPresent(e -> {
      Page pg = pages.get(e);
      pg.entries++;
      if (s.bounce()) {
        pg.bounces++;
      }
    });
    s.exitPage().ifPresent(e -> pages.get(e).exits++);
  }

  /** Per-day statistics in date order. */
  public synchronized List<DailyStats> daily() {
    List<DailyStats> out = new ArrayList<>(days.size());
    days.forEach((date, d) -> out.add(new DailyStats(date, d.views, d.sessions, d.visitors.size(), d.bounces)));
    return out;
  }

  /** Per-page statistics, most viewed first (ties by path). */
  public synchronized List<PageStats> pages() {
    List<PageStats> out = new ArrayList<>(pages.size());
    pages.forEach((path, p) -> out.add(new PageStats(path, p.views, p.sessions, p.entries, p.exits, p.bounces,
        p.timed, Duration.ofMillis(p.timeMillis))));
    out.sort(Comparator.comparingLong(PageStats::views).reversed().thenComparing(PageStats::path));
    return out;
  }

  /** The {@code n} pages most sessions started on (ties by path). */
  public List<PageStats> topEntryPages(int n) {
    return top(Comparator.comparingLong(PageStats::entries), n, true);
  }

  /** The {@code n} pages most sessions ended on (ties by path). */
  public List<PageStats> topExitPages(int n) {
    return top(Comparator.comparingLong(PageStats::exits), n, false);
  }

  private List<PageStats> top(Comparator<PageStats> by, int n, boolean entries) {
    List<PageStats> all = new ArrayList<>(pages());
    all.removeIf(p -> (entries ? p.entries() : p.exits()) == 0);
    all.sort(by.reversed().thenComparing(PageStats::path));
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }
}
