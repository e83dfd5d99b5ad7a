package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a {@link VersionedTable} by id: a {@link KeyIndex} for look-ups (one probe, no lock) and
 * an id order for keyset scans that is sorted when a scan needs it rather than on every insert.
 *
 * <p>The order is a sorted array of ids (never changed once built: a removal or a merge makes a new one)
 * plus the ids inserted since it was built. A scan takes a snapshot of both under the table's monitor:
 * when the newer ids are few (fewer than an eighth of the sorted ones, or 1,024) it sorts a copy of them
 * and walks both in step; otherwise it first merges them into a new sorted array. Each id a scan walks is
 * looked up, so a row removed meanwhile is skipped and a replaced one is seen as it is now (the scan is
 * weakly consistent, as a concurrent skip list's iterator was). A removal takes the id out of both at
 * once (a copy of the sorted array without it). A skip-list map paid a descent
 * with about twenty comparisons on every insert and look-up; with random ids (generated UUIDs) that
 * was half of recording an interaction.
 *
 * <p>Thread safety: {@link #get} and {@link #size} from any thread without a lock; the writes and
 * {@link #snapshot} under the owning table's monitor.
 *
 * @param <K> the id type
 * @param <V> the row type
 */
final class OrderedRows<K extends Comparable<K>, V> {
  /** Fewest newer ids that make a scan merge them into the sorted array. */
  private static final int MERGE_AT = 1024;
  private static final Object[] NONE = new Object[0];
  private final KeyIndex byId = new KeyIndex();
  /** Ids in order, from the last merge or removal; never changed, replaced (monitor). */
  private Object[] sorted = NONE;
  /** Ids inserted since the last merge, in insertion order (monitor). */
  private Object[] added = new Object[16];
  private int addedCount;

  /** A scan's view: ids in order, and the newer ids, sorted. Both immutable. */
  record Snapshot(Object[] sorted, Object[] newer) { }

  @SuppressWarnings("unchecked")
  @Nullable V get(K id) {
    return (V) byId.get(id);
  }

  /** How many rows there are. */
  long size() {
    return byId.size();
  }

  /** Adds the row unless its id has one; returns the row it has, or null. Under the monitor. */
  @SuppressWarnings("unchecked")
  @Nullable V putIfAbsent(K id, V row) {
    Object had = byId.putIfAbsent(id, row);
    if (had == null) {
      added(id);
    }
    return (V) had;
  }

  /** Sets the row of {@code id}; returns the one it replaces, or null. Under the monitor. */
  @SuppressWarnings("unchecked")
  @Nullable V put(K id, V row) {
    Object had = byId.put(id, row);
    if (had == null) {
      added(id);
    }
    return (V) had;
  }

  /**
   * Removes the row of {@code id}; returns it, or null. Its id leaves the order at once (an erased
   * customer's id must not linger): the sorted array is copied without it, so scans under way keep
   * theirs. Under the monitor.
   */
  @SuppressWarnings("unchecked")
  @Nullable V remove(K id) {
    Object had = byId.remove(id);
    if (had == null) {
      return null;
    }
    // a row's id is in exactly one of the two: the sorted array (found by halving) or the newer ids
    int at = firstAfter(sorted, id) - 1;
    if (at >= 0 && compare(sorted[at], id) == 0) {
      Object[] without = new Object[sorted.length - 1];
      System.arraycopy(sorted, 0, without, 0, at);
      System.arraycopy(sorted, at + 1, without, at, sorted.length - at - 1);
      sorted = without;
      return (V) had;
    }
    for (int i = addedCount - 1; i >= 0; i--) { // newest first: an undone insert is the last one
      if (compare(added[i], id) == 0) {
        System.arraycopy(added, i + 1, added, i, addedCount - i - 1);
        added[--addedCount] = null;
        break;
      }
    }
    return (V) had;
  }

  private void added(K id) {
    if (addedCount == added.length) {
      added = Arrays.copyOf(added, addedCount * 2);
    }
    added[addedCount++] = id;
  }

  /** The order as a scan sees it now. Under the monitor. */
  Snapshot snapshot() {
    if (addedCount == 0) {
      return new Snapshot(sorted, NONE);
    }
    if (addedCount < Math.max(MERGE_AT, sorted.length / 8)) {
      return new Snapshot(sorted, Arrays.copyOf(added, addedCount)); // sorted by the scan, outside
    }
    Object[] newer = Arrays.copyOf(added, addedCount);
    Arrays.sort(newer);
    Object[] merged = new Object[sorted.length + newer.length];
    int n = 0;
    int i = 0;
    int j = 0;
    Object last = null;
    while (i < sorted.length || j < newer.length) {
      Object k = pick(sorted, i, newer, j);
      if (k == (i < sorted.length ? sorted[i] : null)) {
        i++;
      } else {
        j++;
      }
      if (last != null && compare(last, k) == 0 || byId.get(k) == null) {
        continue; // repeated, or removed
      }
      merged[n++] = k;
      last = k;
    }
    sorted = Arrays.copyOf(merged, n);
    added = new Object[16];
    addedCount = 0;
    return new Snapshot(sorted, NONE);
  }

  /** The smaller of {@code a[i]} and {@code b[j]} (either may be past its end). */
  private static Object pick(Object[] a, int i, Object[] b, int j) {
    if (i >= a.length) {
      return b[j];
    }
    if (j >= b.length) {
      return a[i];
    }
    return compare(a[i], b[j]) <= 0 ? a[i] : b[j];
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  /**
   * Up to {@code limit} rows after {@code after} (null: from the first) in id order, from a snapshot
   * taken under the monitor. No lock.
   */
  List<V> scan(Snapshot s, @Nullable K after, int limit) {
    Object[] newer = s.newer();
    if (newer.length > 1) {
      Arrays.sort(newer); // the snapshot's own copy
    }
    Object[] old = s.sorted();
    int i = after == null ? 0 : firstAfter(old, after);
    int j = after == null ? 0 : firstAfter(newer, after);
    List<V> out = new ArrayList<>(Math.min(limit, 1024));
    Object last = null;
    while (out.size() < limit && (i < old.length || j < newer.length)) {
      Object k = pick(old, i, newer, j);
      if (i < old.length && k == old[i]) {
        i++;
      } else {
        j++;
      }
      if (last != null && compare(last, k) == 0) {
        continue;
      }
      last = k;
      @SuppressWarnings("unchecked")
      V v = (V) byId.get(k);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** The index of the first id in {@code ids} (sorted) greater than {@code after}. */
  private static int firstAfter(Object[] ids, Object after) {
    int lo = 0;
    int hi = ids.length;
    while (lo < hi) {
      int mid = lo + hi >>> 1;
      if (compare(ids[mid], after) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
