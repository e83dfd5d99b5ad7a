package org.ecrm.tracking.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SessionSink} that builds a {@link VisitorProfile} per visitor: return visits and days between
 * them, visit frequency, top pages, interest categories (via {@link PathCategories}), last seen.
 * Memory grows with visitors and their distinct pages. Thread-safe (synchronized).
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
    Instant lastStart;
    final List<Long> gaps = new ArrayList<>();
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
    if (a.lastStart != null) {
      a.gaps.add(Duration.between(a.lastStart, s.start()).toDays());
    }
    a.lastStart = s.start();
    for (PageView p : s.pages()) {
      a.pages.merge(p.path(), 1L, Long::sum);
      categories.categoryOf(p.path()).ifPresent(c -> a.interests.merge(c, 1L, Long::sum));
    }
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
    return Optional.of(new VisitorProfile(visitorId, a.sessions, a.views, a.first, a.last, a.gaps,
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
