package org.ecrm.tracking.internal;

/**
 * The message ids seen within a time window, for dedupe: an id is a repeat while it is among the last
 * {@code maxEntries} ids remembered and was remembered no longer than {@code windowMillis} ago. Ids are
 * forgotten strictly oldest first (first in, first out): when the cap is reached the oldest goes, never a
 * fresh one, so a repeat within the window is always caught while fewer than {@code maxEntries} other ids
 * came in between. (A size-bounded cache with frequency-based admission would keep old ids and drop fresh
 * ones instead.)
 *
 * <p>Striped by id hash: each stripe is an open-addressing set (linear probing, deletion by backward
 * shift) plus a ring of its ids in arrival order with their times, under the stripe's own lock, so two
 * producers rarely wait for each other. With more than 1,024 ids there are up to 64 stripes, each holding
 * an even share of the cap plus an eighth (so uneven hashing does not fill one stripe early). A stripe
 * starts small and doubles as ids arrive; memory at most about 40 bytes an id plus the ids themselves.
 *
 * <p>Thread-safe.
 */
public final class RecentIds {
  private final Stripe[] stripes;
  private final long windowMillis;

  /** Remembers ids for {@code windowMillis}, at most about {@code maxEntries} of them. */
  public RecentIds(long windowMillis, long maxEntries) {
    if (windowMillis <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("window and maxEntries must be positive: " + windowMillis + " ms, "
          + maxEntries);
    }
    this.windowMillis = windowMillis;
    int n = Integer.highestOneBit((int) Math.max(1, Math.min(64, maxEntries / 1024)));
    long even = (maxEntries + n - 1) / n;
    // headroom, so that uneven hashing does not fill one stripe before the whole reaches the cap
    int perStripe = (int) Math.min(1 << 28, n == 1 ? even : even + even / 8 + 16);
    stripes = new Stripe[n];
    for (int i = 0; i < n; i++) {
      stripes[i] = new Stripe(perStripe);
    }
  }

  /** Remembers {@code id} at {@code nowMillis}; true when it was already remembered within the window. */
  public boolean seen(String id, long nowMillis) {
    int h = spread(id.hashCode());
    Stripe s = stripes[h & (stripes.length - 1)];
    synchronized (s) {
      return s.seen(id, h, nowMillis, windowMillis);
    }
  }

  /** Forgets {@code id} (its retry is then not a repeat). */
  public void forget(String id) {
    int h = spread(id.hashCode());
    Stripe s = stripes[h & (stripes.length - 1)];
    synchronized (s) {
      s.forget(id, h);
    }
  }

  /** Ids remembered now (expired ones count until an arrival in their stripe drops them). */
  public long size() {
    long n = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        n += s.count;
      }
    }
    return n;
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * One stripe; guarded by its own monitor. Grows by doubling up to its capacity. Each slot keeps the
   * id's spread hash and each ring place its slot, so probing, evicting and shifting never touch the
   * id strings except to compare a matching hash.
   */
  private static final class Stripe {
    private static final int INITIAL = 256;
    private final int capacity;
    /** Hash slots: the id, or null when free (at most half full). */
    private String[] keys;
    /** The spread hash of the id in the same slot. */
    private int[] hashes;
    /** The ring place of the id in the same slot. */
    private int[] ringAt;
    private int mask;
    /** Ids in arrival order: their slot (-1 where forgotten) and when they came. */
    private int[] slotOf;
    private long[] times;
    private int head;
    private int count;

    Stripe(int capacity) {
      this.capacity = capacity;
      allocate(Math.min(capacity, INITIAL));
    }

    private void allocate(int ringLength) {
      int slots = Integer.highestOneBit(Math.max(2, ringLength) * 2 - 1) << 1;
      keys = new String[slots];
      hashes = new int[slots];
      ringAt = new int[slots];
      mask = slots - 1;
      slotOf = new int[ringLength];
      times = new long[ringLength];
    }

    private static int home(int h, int mask) {
      return (h >>> 6) & mask;
    }

    /** Doubles the ring (up to the capacity) and rehashes; the ring starts again at 0. */
    private void grow() {
      String[] oldKeys = keys;
      int[] oldHashes = hashes;
      int[] oldSlotOf = slotOf;
      long[] oldTimes = times;
      int oldHead = head;
      int n = count;
      allocate((int) Math.min(capacity, oldSlotOf.length * 2L));
      head = 0;
      count = 0;
      for (int i = 0; i < n; i++) {
        int at = oldHead + i;
        if (at >= oldSlotOf.length) {
          at -= oldSlotOf.length;
        }
        times[i] = oldTimes[at];
        int old = oldSlotOf[at];
        if (old < 0) {
          slotOf[i] = -1;
        } else {
          int h = oldHashes[old];
          int slot = home(h, mask);
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[old];
          hashes[slot] = h;
          ringAt[slot] = i;
          slotOf[i] = slot;
        }
        count++;
      }
    }

    boolean seen(String id, int h, long now, long window) {
      // forget what fell out of the window, and the oldest when full
      while (count > 0 && now - times[head] > window) {
        evictHead();
      }
      if (count == slotOf.length) {
        if (slotOf.length < capacity) {
          grow();
        } else {
          evictHead();
        }
      }
      int slot = find(id, h);
      if (slot >= 0) {
        if (now - times[ringAt[slot]] <= window) {
          return true;
        }
        // older than the window (the clock went back for the ids before it): a new arrival
        slotOf[ringAt[slot]] = -1;
        removeAt(slot);
        return seen(id, h, now, window);
      }
      slot = -1 - slot;
      int tail = head + count;
      if (tail >= slotOf.length) {
        tail -= slotOf.length;
      }
      slotOf[tail] = slot;
      times[tail] = now;
      count++;
      keys[slot] = id;
      hashes[slot] = h;
      ringAt[slot] = tail;
      return false;
    }

    private void evictHead() {
      int slot = slotOf[head];
      if (slot >= 0) {
        removeAt(slot);
      }
      head = head + 1 == slotOf.length ? 0 : head + 1;
      count--;
    }

    void forget(String id, int h) {
      int slot = find(id, h);
      if (slot >= 0) {
        slotOf[ringAt[slot]] = -1; // the ring keeps its place; its turn to go does nothing
        removeAt(slot);
      }
    }

    /** The slot of {@code id}, or {@code -1 - s} when absent, s being the free slot where it would go. */
    private int find(String id, int h) {
      int slot = home(h, mask);
      while (true) {
        String k = keys[slot];
        if (k == null) {
          return -1 - slot;
        }
        if (hashes[slot] == h && k.equals(id)) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
    }

    /** Deletes a slot of the linear-probing table, shifting back the entries that probed past it. */
    private void removeAt(int slot) {
      int free = slot;
      int i = slot;
      while (true) {
        i = (i + 1) & mask;
        String k = keys[i];
        if (k == null) {
          break;
        }
        int home = home(hashes[i], mask);
        // move k back to the free slot unless its home lies cyclically in (free, i]
        boolean stays = free <= i ? (home > free && home <= i) : (home > free || home <= i);
        if (!stays) {
          keys[free] = k;
          hashes[free] = hashes[i];
          int r = ringAt[i];
          ringAt[free] = r;
          slotOf[r] = free;
          free = i;
        }
      }
      keys[free] = null;
    }
  }
}
