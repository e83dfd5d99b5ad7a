package org.ecrm.tracking.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SessionSink} that builds a {@link VisitorProfile} per visitor: return visits and days between
 * them, visit frequency, top pages, interest categories (via {@link PathCategories}), last seen.
 * Days between visits are taken between the session starts in time order, whatever order the sessions
 * come in. Memory grows with visitors, their sessions (8 bytes each) and their distinct pages.
 * Thread-safe (synchronized).
 */
public final class VisitorProfiles implements SessionSink {
  private final PathCategories categories;
  private final int topN;
  private final HashMap<String, Acc> visitors = new HashMap<>();

  private static final class Acc {
    int sessions;
    long views;
    Instant first;
    Instant last;
    /** Session starts (epoch millis), kept in time order whatever order the sessions came in. */
    long[] starts = new long[2];
    final HashMap<String, Long> pages = new HashMap<>();
    final HashMap<String, Long> interests = new HashMap<>();
  }

  /**
   * Profiles with these categories, keeping the {@code topPages} most viewed pages.
   *
   * @throws IllegalArgumentException if {@code topPages} is not positive
   */
  public VisitorProfiles(PathCategories categories, int topPages) {
    if (topPages <= 0) {
      throw new IllegalArgumentException("topPages must be positive: " + topPages);
    }
    this.categories = java.util.Objects.requireNonNull(categories, "categories");
    this.topN = topPages;
  }

  @Override
  public synchronized void accept(Session s) {
    Acc a = visitors.computeIfAbsent(s.visitorId(), k -> new Acc());
    a.sessions++;
    a.views += s.pageViews();
    if (a.first == null || s.start().isBefore(a.first)) {
      a.first = s.start();
    }
    if (a.last == null || s.end().isAfter(a.last)) {
      a.last = s.end();
    }
    addStart(a, s.start().toEpochMilli());
    for (PageView p : s.pages()) {
      a.pages.merge(p.path(), 1L, Long::sum);
      categories.categoryOf(p.path()).ifPresent(c -> a.interests.merge(c, 1L, Long::sum));
    }
  }

  /** Inserts a start in order; a.sessions already counts it. */
  private static void addStart(Acc a, long start) {
    int n = a.sessions - 1;
    if (n == a.starts.length) {
      a.starts = Arrays.copyOf(a.starts, n * 2);
    }
    int i = n;
    while (i > 0 && a.starts[i - 1] > start) {
      a.starts[i] = a.starts[i - 1];
      i--;
    }
    a.starts[i] = start;
  }

  /**
   * Moves everything known about {@code fromVisitorId} onto {@code intoVisitorId} (sessions, page views,
   * pages, interests, first and last seen; days between visits recomputed over both): for an anonymous id
   * whose user became known after some of its sessions were profiled. Does nothing if the first has no
   * profile or both ids are the same.
   *
   * @return true if a profile was moved
   */
  public synchronized boolean merge(String fromVisitorId, String intoVisitorId) {
    java.util.Objects.requireNonNull(intoVisitorId, "intoVisitorId");
    if (fromVisitorId.equals(intoVisitorId)) {
      return false;
    }
    Acc from = visitors.remove(fromVisitorId);
    if (from == null) {
      return false;
    }
    Acc into = visitors.get(intoVisitorId);
    if (into == null) {
      visitors.put(intoVisitorId, from);
      return true;
    }
    into.views += from.views;
    into.first = into.first.isBefore(from.first) ? into.first : from.first;
    into.last = into.last.isAfter(from.last) ? into.last : from.last;
    for (int i = 0; i < from.sessions; i++) {
      into.sessions++;
      addStart(into, from.starts[i]);
    }
    from.pages.forEach((k, v) -> into.pages.merge(k, v, Long::sum));
    from.interests.forEach((k, v) -> into.interests.merge(k, v, Long::sum));
    return true;
  }

  @Override
  public synchronized long erase(Set<String> visitorIds) {
    long n = 0;
    for (String id : visitorIds) {
      if (visitors.remove(id) != null) {
        n++;
      }
    }
    return n;
  }

  /** The profile of a visitor, empty if none of their sessions was seen. */
  public synchronized Optional<VisitorProfile> profile(String visitorId) {
    Acc a = visitors.get(visitorId);
    if (a == null) {
      return Optional.empty();
    }
    List<Long> gaps = new ArrayList<>(Math.max(0, a.sessions - 1));
    for (int i = 1; i < a.sessions; i++) {
      gaps.add(Duration.ofMillis(a.starts[i] - a.starts[i - 1]).toDays());
    }
    return Optional.of(new VisitorProfile(visitorId, a.sessions, a.views, a.first, a.last, gaps,
        top(a.pages, topN), top(a.interests, Integer.MAX_VALUE)));
  }

  /** Number of visitors. */
  public synchronized int visitors() {
    return visitors.size();
  }

  /** Number of visitors with more than one session. */
  public synchronized long returningVisitors() {
    return visitors.values().stream().filter(a -> a.sessions > 1).count();
  }

  static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
    List<Map.Entry<String, Long>> l = new ArrayList<>(counts.size());
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      l.add(Map.entry(e.getKey(), e.getValue()));
    }
    l.sort(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed()
        .thenComparing(Map.Entry::getKey));
    return l.size() > n ? List.copyOf(l.subList(0, n)) : l;
  }
}
