package org.ecrm.core.internal.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * A hash map for one writer at a time and any number of readers that take no lock: the index of a
 * {@link VersionedTable}, whose writes are serialised on the table's monitor.
 *
 * <p>Open addressing with linear probing over a power-of-two array of immutable entries (a key and its
 * value; final fields, so a reader that sees an entry sees it whole). A write stores a new entry with
 * release semantics and a reader loads slots with acquire semantics; a removed key leaves a tombstone
 * (a probe goes past it), so no entry ever moves while it is reachable. Growing builds a new array from
 * the live entries (no entry is copied, tombstones are dropped) and publishes it through a volatile
 * field; a reader still probing the old array finds it complete as it was. A
 * {@link java.util.concurrent.ConcurrentHashMap} paid for its concurrent writers on every growth (a
 * lock and new nodes per bin), about a tenth of an in-memory import's time.
 *
 * <p>Thread safety: {@link #get} from any thread at any time; {@link #put} and {@link #remove} from one
 * thread at a time (the caller serialises them).
 */
final class KeyIndex {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Entry[].class);
  private static final Entry REMOVED = new Entry(0, new Object(), new Object());
  private static final int FIRST = 16;

  /**
   * One key, its hash and its value; immutable. The hash (free in the object's padding) lets a probe
   * pass other keys without reading them: comparing a key chases two or three pointers.
   */
  private static final class Entry {
    final int hash;
    final Object key;
    final Object value;

    Entry(int hash, Object key, Object value) {
      this.hash = hash;
      this.key = key;
      this.value = value;
    }
  }

  private volatile Entry[] table = new Entry[FIRST];
  /** Live entries (written by the writer only). */
  private volatile int size;
  /** Slots holding an entry or a tombstone (writer only). */
  private int used;

  /** The spread hash of a key: ids and e-mail addresses hash in runs. */
  private static int hash(Object key) {
    int h = key.hashCode() * 0x9E3779B9;
    return h ^ h >>> 16;
  }

  /** The value of {@code key}, or null. Any thread. */
  @Nullable Object get(Object key) {
    Entry[] t = table;
    int mask = t.length - 1;
    int h = hash(key);
    for (int i = h & mask; ; i = i + 1 & mask) {
      Entry e = (Entry) SLOT.getAcquire(t, i);
      if (e == null) {
        return null;
      }
      if (e.hash == h && e != REMOVED && (e.key == key || e.key.equals(key))) {
        return e.value;
      }
    }
  }

  /** Sets the value of {@code key}; returns the one it replaces, or null. One writer at a time. */
  @Nullable Object put(Object key, Object value) {
    return put(key, value, true);
  }

  /**
   * Sets the value of {@code key} unless it has one; returns the value it has, or null if it was set.
   * One writer at a time.
   */
  @Nullable Object putIfAbsent(Object key, Object value) {
    return put(key, value, false);
  }

  /**
   * Sets the value of {@code key} if it has none or {@code replace}; returns the value it had, or null.
   * One writer at a time.
   */
  @Nullable Object put(Object key, Object value, boolean replace) {
    Entry[] t = table;
    int mask = t.length - 1;
    int free = -1;
    int h = hash(key);
    int i = h & mask;
    for (; ; i = i + 1 & mask) {
      Entry e = t[i];
      if (e == null) {
        break;
      }
      if (e == REMOVED) {
        if (free < 0) {
          free = i;
        }
      } else if (e.hash == h && (e.key == key || e.key.equals(key))) {
        if (replace) {
          SLOT.setRelease(t, i, new Entry(h, e.key, value));
        }
        return e.value;
      }
    }
    if (free >= 0) {
      SLOT.setRelease(t, free, new Entry(h, key, value)); // a tombstone's slot: the probe chain stays whole
    } else {
      SLOT.setRelease(t, i, new Entry(h, key, value));
      used++;
    }
    size++;
    if (used * 2 > t.length) { // at most half full, tombstones counted: probes stay short
      grow(t);
    }
    return null;
  }

  /** Removes {@code key}; returns its value, or null. One writer at a time. */
  @Nullable Object remove(Object key) {
    Entry[] t = table;
    int mask = t.length - 1;
    int h = hash(key);
    for (int i = h & mask; ; i = i + 1 & mask) {
      Entry e = t[i];
      if (e == null) {
        return null;
      }
      if (e.hash == h && e != REMOVED && (e.key == key || e.key.equals(key))) {
        SLOT.setRelease(t, i, REMOVED);
        size--;
        return e.value;
      }
    }
  }

  /** How many keys are held. Any thread. */
  int size() {
    return size;
  }

  private void grow(Entry[] t) {
    int capacity = t.length;
    while (size * 2 > capacity / 2) { // after growing at most a quarter full
      capacity <<= 1;
    }
    Entry[] next = new Entry[capacity];
    int mask = capacity - 1;
    for (Entry e : t) {
      if (e != null && e != REMOVED) {
        int i = e.hash & mask;
        while (next[i] != null) {
          i = i + 1 & mask;
        }
        next[i] = e;
      }
    }
    used = size;
    table = next; // volatile: publishes the filled array
  }
}
