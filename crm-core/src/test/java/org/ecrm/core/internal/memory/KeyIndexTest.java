package org.ecrm.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The tables' key index: a map for one writer and lock-free readers. */
class KeyIndexTest {
  @Test
  void behavesAsAMap_underRandomPutsAndRemoves_throughGrowthAndTombstones() {
    KeyIndex index = new KeyIndex();
    Map<Object, Object> model = new HashMap<>();
    Random rnd = new Random(7);
    for (int step = 0; step < 200_000; step++) {
      String key = "k" + rnd.nextInt(5_000);
      switch (rnd.nextInt(3)) {
        case 0, 1 -> {
          Object v = step;
          assertThat(index.put(key, v)).isEqualTo(model.put(key, v));
        }
        default -> assertThat(index.remove(key)).isEqualTo(model.remove(key));
      }
      if (step % 997 == 0) {
        assertThat(index.size()).isEqualTo(model.size());
      }
    }
    for (int k = 0; k < 5_000; k++) {
      assertThat(index.get("k" + k)).isEqualTo(model.get("k" + k));
    }
    model.keySet().forEach(index::remove);
    assertThat(index.size()).isZero();
    assertThat(index.get("k1")).isNull();
  }

  @Test
  void keysWithTheSameHash_areKeptApart() {
    KeyIndex index = new KeyIndex();
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add(new Key(i));
      index.put(keys.get(i), i);
    }
    index.remove(keys.get(50));
    for (int i = 0; i < 100; i++) {
      assertThat(index.get(new Key(i))).isEqualTo(i == 50 ? null : i);
    }
  }

  /** A key whose hash collides with every other. */
  private record Key(int n) {
    @Override
    public int hashCode() {
      return 42;
    }
  }

  @Test
  void readers_withoutALock_alwaysFindAKeyThatStays_whileTheWriterGrowsAndRemoves() throws Exception {
    KeyIndex index = new KeyIndex();
    int stable = 1_000;
    for (int i = 0; i < stable; i++) {
      index.put("stable-" + i, i);
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(3);
    try {
      List<Future<Long>> checks = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        int seed = r;
        checks.add(readers.submit(() -> {
          Random rnd = new Random(seed);
          long reads = 0;
          while (!done.get()) {
            int i = rnd.nextInt(stable);
            Object v = index.get("stable-" + i);
            if (!Integer.valueOf(i).equals(v)) {
              throw new AssertionError("stable-" + i + " read as " + v);
            }
            Object transient_ = index.get("t-" + rnd.nextInt(200_000));
            if (transient_ != null && !(transient_ instanceof Integer)) {
              throw new AssertionError("a torn entry: " + transient_);
            }
            reads++;
          }
          return reads;
        }));
      }
      for (int i = 0; i < 200_000; i++) { // the one writer: growth, tombstones and their reuse
        index.put("t-" + i, i);
        if (i % 3 == 0) {
          index.remove("t-" + (i / 2));
        }
      }
      done.set(true);
      for (Future<Long> f : checks) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      done.set(true);
      readers.shutdownNow();
    }
    for (int i = 0; i < stable; i++) {
      assertThat(index.get("stable-" + i)).isEqualTo(i);
    }
  }
}
