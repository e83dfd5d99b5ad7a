package org.ecrm.segmentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Segment membership between two snapshots (for example RFM at two as-of dates): the transition matrix
 * and who moved. A customer in only one snapshot moves from or to {@value #ABSENT}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SegmentTransitions {
  /** The pseudo-segment of a customer missing from a snapshot. */
  public static final String ABSENT = "(absent)";

  private final Map<String, Map<String, List<Long>>> moves = new LinkedHashMap<>();
  private final List<String> from;
  private final List<String> to;

  private SegmentTransitions(RfmResult before, RfmResult after) {
    Set<String> f = new LinkedHashSet<>(before.segmentTable().segmentNames());
    f.add(ABSENT);
    Set<String> t = new LinkedHashSet<>(after.segmentTable().segmentNames());
    t.add(ABSENT);
    from = List.copyOf(f);
    to = List.copyOf(t);
    int i = 0;
    int j = 0;
    while (i < before.size() || j < after.size()) {
      long a = i < before.size() ? before.customer(i) : Long.MAX_VALUE;
      long b = j < after.size() ? after.customer(j) : Long.MAX_VALUE;
      if (i < before.size() && (j >= after.size() || a < b)) {
        put(before.segment(i), ABSENT, a);
        i++;
      } else if (j < after.size() && (i >= before.size() || b < a)) {
        put(ABSENT, after.segment(j), b);
        j++;
      } else {
        put(before.segment(i), after.segment(j), a);
        i++;
        j++;
      }
    }
  }

  private void put(String a, String b, long customer) {
    moves.computeIfAbsent(a, k -> new LinkedHashMap<>()).computeIfAbsent(b, k -> new ArrayList<>()).add(customer);
  }

  /** Transitions from {@code before} to {@code after}. */
  public static SegmentTransitions between(RfmResult before, RfmResult after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    return new SegmentTransitions(before, after);
  }

  /** Row labels: the first snapshot's segments, then {@value #ABSENT}. */
  public List<String> fromSegments() {
    return from;
  }

  /** Column labels: the second snapshot's segments, then {@value #ABSENT}. */
  public List<String> toSegments() {
    return to;
  }

  /** How many customers moved from {@code a} to {@code b}. */
  public int count(String a, String b) {
    return customers(a, b).length;
  }

  /** The customers who moved from {@code a} to {@code b}, ascending. */
  public long[] customers(String a, String b) {
    List<Long> l = moves.getOrDefault(a, Map.of()).getOrDefault(b, List.of());
    return l.stream().mapToLong(Long::longValue).toArray();
  }
}
