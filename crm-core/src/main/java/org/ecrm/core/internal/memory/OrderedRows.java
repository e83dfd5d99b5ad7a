package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a {@link VersionedTable} by id: a {@link KeyIndex} for look-ups (one probe, no lock) and
 * an id order for keyset scans that takes in new ids when a scan needs them rather than on every insert.
 *
 * <p>The order is a list of sorted blocks of ids (about {@value #BLOCK} each; a block array is never
 * changed once published: a change makes a new block and a new list) plus the ids inserted since the
 * blocks last took them in. A scan takes a snapshot under the table's monitor: a few newer ids (at most
 * {@value #FEW}) are copied and sorted by the scan itself; more are first put into the blocks, each into
 * its block (a copy of one block and of the block list), or, when they are many next to the ordered
 * ones, by rebuilding the blocks in one merge. A removal takes the id out at once (an erased customer's id
 * must not linger): out of its block (a copy of one block and of the block list), or out of the newer
 * ids. So an insert costs an append, a removal and a scan's intake cost a block and the block list, and
 * no operation copies every id.
 *
 * <p>Each id a scan walks is looked up, so a row removed meanwhile is skipped and a replaced one is seen
 * as it is now (the scan is weakly consistent, as a concurrent skip list's iterator was).
 *
 * <p>Thread safety: {@link #get} and {@link #size} from any thread without a lock; the writes and
 * {@link #snapshot} under the owning table's monitor; {@link #scan} without a lock on its snapshot.
 *
 * @param <K> the id type
 * @param <V> the row type
 */
final class OrderedRows<K extends Comparable<K>, V> {
  /** Ids per block when blocks are built; a block splits at twice as many. */
  static final int BLOCK = 512;
  /** Most newer ids a scan sorts itself (the newer ids are searched one by one on a removal, too). */
  static final int FEW = 64;
  private static final Object[] NONE = new Object[0];
  private static final Object[][] NO_BLOCKS = new Object[0][];
  private final KeyIndex byId = new KeyIndex();
  /** The ordered ids: non-empty sorted blocks in order; never changed, replaced (monitor). */
  private Object[][] blocks = NO_BLOCKS;
  /** How many ids the blocks hold (monitor). */
  private int ordered;
  /** Ids inserted since the blocks last took them in, in insertion order (monitor). */
  private Object[] added = new Object[16];
  private int addedCount;

  /** A scan's view: the blocks, and the newer ids (sorted by the scan). Neither changed by writers. */
  record Snapshot(Object[][] blocks, Object[] newer) { }

  @SuppressWarnings("unchecked")
  @Nullable V get(K id) {
    return (V) byId.get(id);
  }

  /** How many rows there are. */
  long size() {
    return byId.size();
  }

  /** Adds the row unless its id has one; returns the row it has, or null. Under the monitor. */
  @Nullable V putIfAbsent(K id, V row) {
    return put(id, row, false);
  }

  /** Sets the row of {@code id}; returns the one it replaces, or null. Under the monitor. */
  @Nullable V put(K id, V row) {
    return put(id, row, true);
  }

  /**
   * Sets the row of {@code id} if it has none or {@code replace}; returns the row it had, or null (then
   * the id joins the newer ids). Under the monitor.
   */
  @SuppressWarnings("unchecked")
  private @Nullable V put(K id, V row, boolean replace) {
    Object had = byId.put(id, row, replace);
    if (had == null) {
      added(id);
    }
    return (V) had;
  }

  /**
   * Removes the row of {@code id}; returns it, or null. Its id leaves the order at once. Under the
   * monitor.
   */
  @SuppressWarnings("unchecked")
  @Nullable V remove(K id) {
    Object had = byId.remove(id);
    if (had == null) {
      return null;
    }
    if (addedCount > 4 * FEW) {
      takeInAdded(); // the newer ids are many: into the blocks, where the id is found by halving
    } else {
      for (int i = addedCount - 1; i >= 0; i--) { // newest first: an undone insert is the last one
        if (compare(added[i], id) == 0) {
          System.arraycopy(added, i + 1, added, i, addedCount - i - 1);
          added[--addedCount] = null;
          return (V) had;
        }
      }
    }
    removeFromBlocks(id);
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
      return new Snapshot(blocks, NONE);
    }
    if (addedCount <= FEW) {
      return new Snapshot(blocks, Arrays.copyOf(added, addedCount)); // sorted by the scan, outside
    }
    takeInAdded();
    return new Snapshot(blocks, NONE);
  }

  /** Puts the newer ids into the blocks: each into its block, or all in one merge when they are many. */
  private void takeInAdded() {
    Object[] newer = Arrays.copyOf(added, addedCount);
    Arrays.sort(newer);
    added = new Object[16];
    addedCount = 0;
    if ((long) newer.length * 64 > ordered) {
      rebuild(newer);
      return;
    }
    for (Object id : newer) {
      insertIntoBlocks(id);
    }
  }

  /** New blocks of {@value #BLOCK} ids from the blocks and {@code newer} (sorted), in one merge. */
  private void rebuild(Object[] newer) {
    List<Object[]> out = new ArrayList<>((ordered + newer.length) / BLOCK + 1);
    Object[] block = new Object[BLOCK];
    int n = 0;
    int count = 0;
    Object last = null;
    for (Walk w = new Walk(blocks, newer, null); w.hasNext(); ) {
      Object k = w.next();
      if (last != null && compare(last, k) == 0 || byId.get(k) == null) {
        continue; // repeated, or removed
      }
      last = k;
      block[n++] = k;
      count++;
      if (n == BLOCK) {
        out.add(block);
        block = new Object[BLOCK];
        n = 0;
      }
    }
    if (n > 0) {
      out.add(Arrays.copyOf(block, n));
    }
    blocks = out.toArray(NO_BLOCKS);
    ordered = count;
  }

  /** Puts {@code id} (not in the blocks) into its block: a new block, split when it has grown too big. */
  private void insertIntoBlocks(Object id) {
    if (blocks.length == 0) {
      blocks = new Object[][] {{id}};
      ordered = 1;
      return;
    }
    int b = Math.max(0, blockOf(blocks, id));
    Object[] old = blocks[b];
    int at = firstAfter(old, id);
    if (at > 0 && compare(old[at - 1], id) == 0) {
      return; // already there
    }
    Object[] grown = new Object[old.length + 1];
    System.arraycopy(old, 0, grown, 0, at);
    grown[at] = id;
    System.arraycopy(old, at, grown, at + 1, old.length - at);
    Object[][] next;
    if (grown.length > 2 * BLOCK) {
      int half = grown.length / 2;
      next = new Object[blocks.length + 1][];
      System.arraycopy(blocks, 0, next, 0, b);
      next[b] = Arrays.copyOfRange(grown, 0, half);
      next[b + 1] = Arrays.copyOfRange(grown, half, grown.length);
      System.arraycopy(blocks, b + 1, next, b + 2, blocks.length - b - 1);
    } else {
      next = blocks.clone();
      next[b] = grown;
    }
    blocks = next;
    ordered++;
  }

  /** Takes {@code id} out of its block, if it is there. */
  private void removeFromBlocks(Object id) {
    int b = blockOf(blocks, id);
    if (b < 0) {
      return;
    }
    Object[] old = blocks[b];
    int at = firstAfter(old, id) - 1;
    if (at < 0 || compare(old[at], id) != 0) {
      return;
    }
    Object[][] next;
    if (old.length == 1) {
      next = new Object[blocks.length - 1][];
      System.arraycopy(blocks, 0, next, 0, b);
      System.arraycopy(blocks, b + 1, next, b, blocks.length - b - 1);
    } else {
      Object[] shrunk = new Object[old.length - 1];
      System.arraycopy(old, 0, shrunk, 0, at);
      System.arraycopy(old, at + 1, shrunk, at, old.length - at - 1);
      next = blocks.clone();
      next[b] = shrunk;
    }
    blocks = next;
    ordered--;
  }

  /** The last block whose first id is at most {@code id}; -1 if {@code id} is before every block. */
  private static int blockOf(Object[][] blocks, Object id) {
    int lo = 0;
    int hi = blocks.length;
    while (lo < hi) {
      int mid = lo + hi >>> 1;
      if (compare(blocks[mid][0], id) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
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
    List<V> out = new ArrayList<>(Math.min(limit, 1024));
    Object last = null;
    for (Walk w = new Walk(s.blocks(), newer, after); out.size() < limit && w.hasNext(); ) {
      Object k = w.next();
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

  /**
   * Walks the ids of sorted blocks and of a sorted array in step, in order, from the first id after
   * {@code after} (null: from the first); an id in both comes twice, one after the other.
   */
  private static final class Walk {
    private final Object[][] blocks;
    private final Object[] newer;
    private int b;
    private int i;
    private int j;

    Walk(Object[][] blocks, Object[] newer, @Nullable Object after) {
      this.blocks = blocks;
      this.newer = newer;
      if (after != null) {
        b = Math.max(0, blockOf(blocks, after));
        i = b < blocks.length ? firstAfter(blocks[b], after) : 0;
        if (b < blocks.length && i == blocks[b].length) {
          b++;
          i = 0;
        }
        j = firstAfter(newer, after);
      }
    }

    boolean hasNext() {
      return b < blocks.length || j < newer.length;
    }

    Object next() {
      if (j >= newer.length || b < blocks.length && compare(blocks[b][i], newer[j]) <= 0) {
        Object k = blocks[b][i];
        if (++i == blocks[b].length) {
          b++;
          i = 0;
        }
        return k;
      }
      return newer[j++];
    }
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
