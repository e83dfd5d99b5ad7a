package org.ecrm.examples.report;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.weblog.LogRecord;
import org.ecrm.tracking.weblog.TrafficClass;
import org.ecrm.tracking.weblog.TrafficFilter;

/**
 * What the report shows of a web log beyond sessions per day: referrer domains and UTM sources and
 * campaigns, entry and exit pages with their bounce rate, the hour-of-day × weekday heat map, and, from
 * the log lines, status codes, the most requested missing pages (404) and browsers and operating
 * systems of page views. Sessions arrive as a {@link SessionSink}; log lines through {@link #record}.
 * Client addresses are not kept. Memory grows with distinct pages, referrers and visitor-days.
 *
 * <p>Thread-safe (synchronized).
 */
public final class WebDetails implements SessionSink {
  private final ZoneId zone;
  private final TrafficFilter filter;
  private final Map<String, Long> referrers = new HashMap<>();
  private final Map<String, Long> sources = new HashMap<>();
  private final Map<String, Long> campaigns = new HashMap<>();
  private final Map<String, long[]> entries = new HashMap<>();
  private final Map<String, Long> exits = new HashMap<>();
  private final long[][] hourByWeekday = new long[7][24];
  private final TreeMap<LocalDate, long[]> days = new TreeMap<>();
  private final Map<LocalDate, Set<String>> visitorsByDay = new HashMap<>();
  private final TreeMap<Integer, Long> statuses = new TreeMap<>();
  private final Map<String, Long> notFound = new HashMap<>();
  private final Map<String, Long> browsers = new HashMap<>();
  private final Map<String, Long> systems = new HashMap<>();
  private long lines;
  private long bots;

  /**
   * Details in {@code zone} (days, hours and weekdays), page views told by the default traffic filter.
   *
   * @param zone the zone of the day and hour figures
   */
  public WebDetails(ZoneId zone) {
    this(zone, TrafficFilter.defaults());
  }

  /**
   * Details in {@code zone}, page views and bots told by {@code filter}.
   *
   * @param zone the zone of the day and hour figures
   * @param filter the classification of log lines (use the import's)
   */
  public WebDetails(ZoneId zone, TrafficFilter filter) {
    this.zone = Objects.requireNonNull(zone, "WebDetails.zone");
    this.filter = Objects.requireNonNull(filter, "WebDetails.filter");
  }

  @Override
  public synchronized void accept(Session s) {
    ZonedDateTime start = s.start().atZone(zone);
    hourByWeekday[start.getDayOfWeek().getValue() - 1][start.getHour()]++;
    long[] d = days.computeIfAbsent(start.toLocalDate(), k -> new long[2]);
    d[0]++;
    if (s.bounce()) {
      d[1]++;
    }
    visitorsByDay.computeIfAbsent(start.toLocalDate(), k -> new HashSet<>()).add(s.visitorId());
    referrers.merge(referrerDomain(s.referrer()), 1L, Long::sum);
    Campaign c = s.campaign();
    if (!c.isEmpty()) {
      sources.merge((c.source().isEmpty() ? "(no source)" : c.source())
          + (c.medium().isEmpty() ? "" : " / " + c.medium()), 1L, Long::sum);
      campaigns.merge(c.name().isEmpty() ? "(no campaign name)" : c.name(), 1L, Long::sum);
    }
    s.entryPage().ifPresent(p -> {
      long[] e = entries.computeIfAbsent(p, k -> new long[2]);
      e[0]++;
      if (s.bounce()) {
        e[1]++;
      }
    });
    s.exitPage().ifPresent(p -> exits.merge(p, 1L, Long::sum));
  }

  /** Removes the visitors from the distinct-visitor sets per day; returns the visitor-days removed. */
  @Override
  public synchronized long erase(Set<String> visitorIds) {
    long n = 0;
    for (Set<String> v : visitorsByDay.values()) {
      for (String id : visitorIds) {
        if (v.remove(id)) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Counts one log line: its status code, a 404's path, and for a page view its browser and operating
   * system (bots counted apart).
   *
   * @param r a parsed log line
   */
  public synchronized void record(LogRecord r) {
    lines++;
    statuses.merge(r.status(), 1L, Long::sum);
    if (r.status() == 404) {
      notFound.merge(r.path(), 1L, Long::sum);
    }
    TrafficClass k = filter.classify(r);
    if (k == TrafficClass.BOT) {
      bots++;
    } else if (k == TrafficClass.PAGE_VIEW) {
      browsers.merge(browser(r.userAgent()), 1L, Long::sum);
      systems.merge(system(r.userAgent()), 1L, Long::sum);
    }
  }

  /** The host of a referrer URL without "www.", or "(direct)" when there is none. */
  static String referrerDomain(String referrer) {
    String r = referrer.strip();
    if (r.isEmpty() || r.equals("-")) {
      return "(direct)";
    }
    try {
      String host = URI.create(r.replace(" ", "%20")).getHost();
      if (host == null || host.isBlank()) {
        return "(other)";
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return "(unreadable referrer)";
    }
  }

  /** The browser family of a user agent (order matters: Edge and Opera also say Chrome, Chrome says Safari). */
  static String browser(String ua) {
    if (ua.isBlank() || ua.equals("-")) {
      return "(none)";
    }
    if (ua.contains("Feed") || ua.contains("RSS") || ua.contains("feedparser") || ua.contains("Liferea")
        || ua.contains("LiveJournal")) {
      return "Feed readers";
    }
    if (ua.contains("Edg/") || ua.contains("Edge/")) {
      return "Edge";
    }
    if (ua.contains("OPR/") || ua.contains("Opera")) {
      return "Opera";
    }
    if (ua.contains("Firefox/")) {
      return "Firefox";
    }
    if (ua.contains("MSIE") || ua.contains("Trident/")) {
      return "Internet Explorer";
    }
    if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
      return "Chrome";
    }
    if (ua.contains("Safari/")) {
      return "Safari";
    }
    if (ua.startsWith("curl/") || ua.startsWith("Wget/") || ua.contains("python") || ua.contains("Java/")
        || ua.startsWith("Chef Client") || ua.startsWith("Go-http-client") || ua.startsWith("Ruby")) {
      return "Tools (curl, wget, scripts)";
    }
    return "Other";
  }

  /** The operating system of a user agent (Android before Linux, iOS before macOS). */
  static String system(String ua) {
    if (ua.contains("Android")) {
      return "Android";
    }
    if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
      return "iOS";
    }
    if (ua.contains("Windows")) {
      return "Windows";
    }
    if (ua.contains("CrOS")) {
      return "Chrome OS";
    }
    if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
      return "macOS";
    }
    if (ua.contains("Linux") || ua.contains("X11")) {
      return "Linux";
    }
    return "Other";
  }

  ZoneId zone() {
    return zone;
  }

  synchronized Snapshot snapshot() {
    Map<String, long[]> e = new HashMap<>();
    entries.forEach((k, v) -> e.put(k, v.clone()));
    long[][] hw = new long[7][];
    for (int i = 0; i < 7; i++) {
      hw[i] = hourByWeekday[i].clone();
    }
    TreeMap<LocalDate, long[]> d = new TreeMap<>();
    days.forEach((k, v) -> d.put(k, v.clone()));
    Map<LocalDate, Set<String>> v = new HashMap<>();
    visitorsByDay.forEach((k, s) -> v.put(k, Set.copyOf(s)));
    return new Snapshot(Map.copyOf(referrers), Map.copyOf(sources), Map.copyOf(campaigns), e, Map.copyOf(exits), hw,
        d, v, new TreeMap<>(statuses), Map.copyOf(notFound), Map.copyOf(browsers), Map.copyOf(systems), lines, bots);
  }

  /** A copy of the counts for the report. */
  record Snapshot(Map<String, Long> referrers, Map<String, Long> sources, Map<String, Long> campaigns,
      Map<String, long[]> entries, Map<String, Long> exits, long[][] hourByWeekday, TreeMap<LocalDate, long[]> days,
      Map<LocalDate, Set<String>> visitorsByDay, TreeMap<Integer, Long> statuses, Map<String, Long> notFound,
      Map<String, Long> browsers, Map<String, Long> systems, long lines, long bots) {

    /** Sessions, distinct visitors and bounce rate from {@code from} to {@code to}, both included. */
    long[] figures(LocalDate from, LocalDate to) {
      long sessions = 0;
      long bounces = 0;
      Set<String> visitors = new HashSet<>();
      for (Map.Entry<LocalDate, long[]> en : days.subMap(from, true, to, true).entrySet()) {
        sessions += en.getValue()[0];
        bounces += en.getValue()[1];
        visitors.addAll(visitorsByDay.getOrDefault(en.getKey(), Set.of()));
      }
      return new long[] {sessions, visitors.size(), bounces};
    }
  }
}
