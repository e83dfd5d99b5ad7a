package org.ecrm.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentIdsTest {
  static final Clock CLOCK = Clock.systemUTC();

  @Test
  void theCapForgetsTheOldestIdsFirst() {
    RecentIds ids = new RecentIds(Duration.ofHours(1), 1_000, CLOCK);
    for (int i = 0; i < 5_000; i++) {
      assertThat(ids.firstSeen("id-" + i)).isTrue();
    }
    assertThat(ids.size()).isBetween(1_000L, 1_200L);
    for (int i = 4_000; i < 5_000; i++) {
      assertThat(ids.firstSeen("id-" + i)).as("id-%d, among the latest 1,000", i).isFalse();
    }
    for (int i = 0; i < 3_000; i++) {
      assertThat(ids.firstSeen("id-" + i)).as("id-%d, long forgotten", i).isTrue();
    }
  }

  /**
   * With the cap reached, a repeat that comes 2,000 ids later (well inside a 10,000 cap) is still caught.
   * A size-bounded Caffeine cache forgets the fresh id here: its admission policy prefers the old ids.
   */
  @Test
  void aRepeatWellInsideTheCapIsCaughtOnceTheCapIsReached() {
    RecentIds ids = new RecentIds(Duration.ofHours(1), 10_000, CLOCK);
    for (int i = 0; i < 20_000; i++) {
      ids.firstSeen("old" + i);
    }
    assertThat(ids.firstSeen("x")).isTrue();
    for (int i = 0; i < 2_000; i++) {
      ids.firstSeen("new" + i);
    }
    assertThat(ids.firstSeen("x")).isFalse();
  }

  @Test
  void aForgottenIdIsNewAgain() {
    RecentIds ids = new RecentIds(Duration.ofHours(1), 10, CLOCK);
    assertThat(ids.firstSeen("a")).isTrue();
    ids.forget("a");
    assertThat(ids.firstSeen("a")).isTrue();
    assertThat(ids.firstSeen("a")).isFalse();
  }

  /** Four threads offer the same 20,000 ids in different orders: each id is new exactly once. */
  @Test
  void underContentionEachIdIsFirstSeenExactlyOnce() throws Exception {
    RecentIds ids = new RecentIds(Duration.ofHours(1), 1_000_000, CLOCK);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      all.add("m" + i);
    }
    AtomicInteger firsts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      List<String> mine = new ArrayList<>(all);
      Collections.shuffle(mine, new Random(t));
      Thread th = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (String id : mine) {
          if (ids.firstSeen(id)) {
            firsts.incrementAndGet();
          }
        }
      });
      threads.add(th);
      th.start();
    }
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(firsts.get()).isEqualTo(20_000);
  }
}
