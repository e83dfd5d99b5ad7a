package org.ecrm.tracking.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The message ids a {@link BufferedTracker} has accepted within its dedupe window, for dropping repeats.
 * A Caffeine cache that expires ids by write time; the entry cap forgets the oldest ids first (first in,
 * first out), trimmed in chunks of about 1 % of the cap. A size-bounded Caffeine cache would not do:
 * its admission policy (TinyLFU) may forget a fresh id before old ones, so a repeat could slip through
 * well inside the cap, and keeping its frequency sketch cost a third of {@code track}'s time.
 *
 * <p>Thread-safe. Holds at most about {@code maxEntries} plus one chunk ids.
 */
final class RecentIds {
  private final Cache<String, Boolean> ids;
  private final Policy.FixedExpiration<String, Boolean> byAge;
  private final long maxEntries;
  private final int chunk;
  private final AtomicBoolean trimming = new AtomicBoolean();

  RecentIds(Duration window, long maxEntries, Clock clock) {
    this.ids = Caffeine.newBuilder()
        .expireAfterWrite(window)
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run)
        .build();
    this.byAge = ids.policy().expireAfterWrite().orElseThrow();
    this.maxEntries = maxEntries;
    this.chunk = (int) Math.max(1, Math.min(maxEntries / 100, 1 << 16));
  }

  /** Remembers {@code id}; false if it was already remembered (a repeat within the window). */
  boolean firstSeen(String id) {
    if (ids.asMap().putIfAbsent(id, Boolean.TRUE) != null) {
      return false;
    }
    // about once per chunk of new ids, without a shared counter for the producers to fight over
    if (chunk == 1 || ThreadLocalRandom.current().nextInt(chunk) == 0) {
      trim();
    }
    return true;
  }

  /** Forgets {@code id}, so that a later retry of the same message is not taken for a repeat. */
  void forget(String id) {
    ids.invalidate(id);
  }

  /** Ids remembered now (expired ones may still count until Caffeine's next clean-up). */
  long size() {
    return ids.estimatedSize();
  }

  private void trim() {
    if (!trimming.compareAndSet(false, true)) {
      return; // another thread is trimming
    }
    try {
      long over = ids.estimatedSize() - maxEntries;
      if (over > 0) {
        ids.invalidateAll(byAge.oldest((int) Math.min(over, Integer.MAX_VALUE)).keySet());
      }
    } finally {
      trimming.set(false);
    }
  }
}
