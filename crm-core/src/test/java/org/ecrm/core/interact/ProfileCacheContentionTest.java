package org.ecrm.core.interact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ecrm.core.model.CustomerId;
import org.junit.jupiter.api.Test;

/** The profile cache under contention: readers on 8 threads while a writer renames customers. */
class ProfileCacheContentionTest {

  @Test
  void readersNeverSeeAnErrorAndEveryProfileEndsWithTheLastName() throws Exception {
    Fixture f = new Fixture();
    int customers = 20;
    for (int i = 0; i < customers; i++) {
      f.customer("c" + i, "Name0");
    }
    Interact ix = f.builder().build();
    int renames = 50;
    ExecutorService pool = Executors.newFixedThreadPool(9);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> readers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int seed = t;
      readers.add(pool.submit(() -> {
        start.await();
        long reads = 0;
        for (int k = 0; k < 4_000; k++) {
          Profile p = ix.profile(CustomerId.of("c" + ((k + seed) % customers)));
          assertThat(p.displayName()).startsWith("Name");
          reads++;
        }
        return reads;
      }));
    }
    Future<?> writer = pool.submit(() -> {
      start.await();
      for (int r = 1; r <= renames; r++) {
        for (int i = 0; i < customers; i++) {
          String name = "Name" + r;
          f.crm.customers().modify(CustomerId.of("c" + i), b -> b.name(name, "Test"));
        }
      }
      return null;
    });
    start.countDown();
    writer.get(60, TimeUnit.SECONDS);
    long total = 0;
    for (Future<Long> r : readers) {
      total += r.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isEqualTo(8 * 4_000L);
    for (int i = 0; i < customers; i++) {
      assertThat(ix.profile(CustomerId.of("c" + i)).displayName()).isEqualTo("Name" + renames);
    }
  }
}
