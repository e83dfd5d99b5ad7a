package org.ecrm.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecentIdsTest {
  /** The naive model: a queue of arrivals (an id, or a gap where it was forgotten) and a map of live ids. */
  static final class Naive {
    static final class Entry {
      String id;
      final long time;

      Entry(String id, long time) {
        this.id = id;
        this.time = time;
      }
    }

    final long window;
    final int cap;
    final ArrayDeque<Entry> queue = new ArrayDeque<>();
    final Map<String, Entry> live = new HashMap<>();

    Naive(long window, int cap) {
      this.window = window;
      this.cap = cap;
    }

    boolean seen(String id, long now) {
      while (!queue.isEmpty() && now - queue.peekFirst().time > window) {
        evict();
      }
      if (queue.size() == cap) {
        evict();
      }
      Entry e = live.get(id);
      if (e != null) {
        if (now - e.time <= window) {
          return true;
        }
        e.id = null;
        live.remove(id);
        return seen(id, now);
      }
      Entry n = new Entry(id, now);
      queue.addLast(n);
      live.put(id, n);
      return false;
    }

    void forget(String id) {
      Entry e = live.remove(id);
      if (e != null) {
        e.id = null;
      }
    }

    private void evict() {
      Entry e = queue.pollFirst();
      if (e.id != null) {
        live.remove(e.id);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void oneStripeAnswersAsTheNaiveFirstInFirstOutModel(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int cap = 1 + rnd.nextInt(1000); // below 2,048: one stripe, exact first-in-first-out
    long window = 1 + rnd.nextInt(500);
    int alphabet = 1 + rnd.nextInt(3000);
    RecentIds ids = new RecentIds(window, cap);
    Naive naive = new Naive(window, cap);
    long now = 1_000;
    for (int step = 0; step < 50_000; step++) {
      // mostly forward, sometimes back (a clock set back), sometimes a forget
      now += rnd.nextInt(10) == 0 ? -rnd.nextInt(50) : rnd.nextInt(3);
      String id = "m" + rnd.nextInt(alphabet);
      if (rnd.nextInt(20) == 0) {
        ids.forget(id);
        naive.forget(id);
      } else {
        assertThat(ids.seen(id, now)).as("step %d id %s at %d", step, id, now).isEqualTo(naive.seen(id, now));
      }
    }
    assertThat(ids.size()).isEqualTo(naive.queue.size());
  }

  @Test
  void aRepeatIsCaughtWhileFewerThanTheCapOtherIdsCameInBetween() {
    // a size-bounded cache with frequency-based admission drops the fresh id here; first in, first out keeps it
    RecentIds ids = new RecentIds(3_600_000, 1_000_000);
    assertThat(ids.seen("first", 0)).isFalse();
    for (int i = 0; i < 999_000; i++) {
      assertThat(ids.seen(Integer.toString(i), 1)).isFalse();
    }
    assertThat(ids.seen("first", 2)).isTrue();
    assertThat(ids.size()).isEqualTo(999_001);
  }

  @Test
  void theOldestIdsGoOnceTheCapIsPassedAndExpiredOnesGoWithTime() {
    RecentIds ids = new RecentIds(1_000, 10_000);
    assertThat(ids.seen("old", 0)).isFalse();
    for (int i = 0; i < 30_000; i++) {
      ids.seen(Integer.toString(i), 0);
    }
    assertThat(ids.size()).isLessThanOrEqualTo(10_000 + 10_000 / 8 + 16 * 8);
    assertThat(ids.seen("old", 0)).isFalse(); // forgotten: three times the cap came after it
    assertThat(ids.seen("late", 500)).isFalse();
    assertThat(ids.seen("late", 1_500)).isTrue(); // within the window of its arrival at 500
    assertThat(ids.seen("late", 2_501)).isFalse(); // the window has passed
  }

  @Test
  void concurrentProducersSeeEachIdAsNewExactlyOnce() throws Exception {
    RecentIds ids = new RecentIds(3_600_000, 200_000);
    int threads = 4;
    int perThread = 100_000;
    AtomicInteger fresh = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] done = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        int seed = t;
        done[t] = pool.submit(() -> {
          go.await();
          SplittableRandom rnd = new SplittableRandom(seed);
          for (int i = 0; i < perThread; i++) {
            // every thread offers the same 50,000 ids, in its own random order
            if (!ids.seen("id" + rnd.nextInt(50_000), 1)) {
              fresh.incrementAndGet();
            }
          }
          return null;
        });
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fresh.get()).isEqualTo((int) ids.size());
    assertThat(ids.size()).isLessThanOrEqualTo(50_000).isGreaterThan(49_000);
  }

  @Test
  void aNonPositiveWindowOrCapIsRefused() {
    assertThatThrownBy(() -> new RecentIds(0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new RecentIds(10, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
