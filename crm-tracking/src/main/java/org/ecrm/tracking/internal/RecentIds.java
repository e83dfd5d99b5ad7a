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
final class RecentIds {
  private final Stripe[] stripes;
  private final long windowMillis;

  RecentIds(long windowMillis, long maxEntries) {
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
  boolean seen(String id, long nowMillis) {
    int h = spread(id.hashCode());
    Stripe s = stripes[h & (stripes.length - 1)];
    synchronized (s) {
      return s.seen(id, h, nowMillis, windowMillis);
    }
  }

  /** Forgets {@code id} (its retry is then not a repeat). */
  void forget(String id) {
    int h = spread(id.hashCode());
    Stripe s = stripes[h & (stripes.length - 1)];
    synchronized (s) {
      s.forget(id, h);
    }
  }

  /** Ids remembered now (expired ones count until an arrival in their stripe drops them). */
  long size() {
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

  /** One stripe; guarded by its own monitor. Grows by doubling up to its capacity. */
  private static final class Stripe {
    private static final int INITIAL = 256;
    private final int capacity;
    /** Hash slots: the id, or null when free (at most half full). */
    private String[] keys;
    /** The ring position of the id in the same slot. */
    private int[] ringAt;
    private int mask;
    /** Ids in arrival order (null where forgotten) and when they came. */
    private String[] ring;
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
      ringAt = new int[slots];
      mask = slots - 1;
      ring = new String[ringLength];
      times = new long[ringLength];
    }

    /** Doubles the ring (up to the capacity) and rehashes; the ring starts again at 0. */
    private void grow() {
      String[] oldRing = ring;
      long[] oldTimes = times;
      int oldHead = head;
      int n = count;
      allocate((int) Math.min(capacity, oldRing.length * 2L));
      head = 0;
      count = 0;
      for (int i = 0; i < n; i++) {
        int at = oldHead + i;
        if (at >= oldRing.length) {
          at -= oldRing.length;
        }
        String id = oldRing[at];
        ring[i] = id;
        times[i] = oldTimes[at];
        if (id != null) {
          int slot = (spread(id.hashCode()) >>> 6) & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = id;
          ringAt[slot] = i;
        }
        count++;
      }
    }

    boolean seen(String id, int h, long now, long window) {
      // forget what fell out of the window, and the oldest when full
      while (count > 0 && now - times[head] > window) {
        evictHead();
      }
      if (count == ring.length) {
        if (ring.length < capacity) {
          grow();
        } else {
          evictHead();
        }
      }
      int slot = (h >>> 6) & mask;
      while (true) {
        String k = keys[slot];
        if (k == null) {
          break;
        }
        if (k.equals(id)) {
          if (now - times[ringAt[slot]] <= window) {
            return true;
          }
          // older than the window (the clock went back for the ids before it): a new arrival
          ring[ringAt[slot]] = null;
          removeAt(slot);
          return seen(id, h, now, window);
        }
        slot = (slot + 1) & mask;
      }
      int tail = head + count;
      if (tail >= ring.length) {
        tail -= ring.length;
      }
      ring[tail] = id;
      times[tail] = now;
      count++;
      keys[slot] = id;
      ringAt[slot] = tail;
      return false;
    }

    private void evictHead() {
      String old = ring[head];
      if (old != null) {
        removeAt(find(old, spread(old.hashCode())));
        ring[head] = null;
      }
      head = head + 1 == ring.length ? 0 : head + 1;
      count--;
    }

    void forget(String id, int h) {
      int slot = find(id, h);
      if (slot >= 0) {
        ring[ringAt[slot]] = null; // the ring keeps its place; its turn to go does nothing
        removeAt(slot);
      }
    }

    private int find(String id, int h) {
      int slot = (h >>> 6) & mask;
      while (true) {
        String k = keys[slot];
        if (k == null) {
          return -1;
        }
        if (k.equals(id)) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
    }

    /** Deletes a slot of the linear-probing table, shifting back the entries that probed past it. */
    private void removeAt(int slot) {
      if (slot < 0) {
        return;
      }
      int free = slot;
      int i = slot;
      while (true) {
        i = (i + 1) & mask;
        String k = keys[i];
        if (k == null) {
          break;
        }
        int home = (spread(k.hashCode()) >>> 6) & mask;
        // move k back to the free slot unless its home lies cyclically in (free, i]
        boolean stays = free <= i ? (home > free && home <= i) : (home > free || home <= i);
        if (!stays) {
          keys[free] = k;
          ringAt[free] = ringAt[i];
          free = i;
        }
      }
      keys[free] = null;
    }
  }
}
