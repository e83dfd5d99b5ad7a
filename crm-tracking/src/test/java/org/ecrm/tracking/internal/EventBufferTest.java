package org.ecrm.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.TrackingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventBufferTest {
  static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

  static TrackingEvent event(int producer, int n) {
    return TrackingEvent.builder(EventType.TRACK).messageId(producer + "-" + n).anonymousId("p" + producer)
        .name("E").timestamp(T).build();
  }

  @Test
  void holdsExactlyItsCapacityEvenWhenThatIsNotAPowerOfTwo() {
    EventBuffer b = new EventBuffer(5);
    for (int i = 0; i < 5; i++) {
      assertThat(b.offer(event(0, i))).isTrue();
    }
    assertThat(b.offer(event(0, 5))).isFalse();
    assertThat(b.size()).isEqualTo(5);
    assertThat(b.poll()).isNotNull().extracting(TrackingEvent::messageId).isEqualTo("0-0");
    assertThat(b.offer(event(0, 6))).isTrue();
    List<TrackingEvent> out = new ArrayList<>();
    assertThat(b.drainTo(out, 100)).isEqualTo(5);
    assertThat(out).extracting(TrackingEvent::messageId).containsExactly("0-1", "0-2", "0-3", "0-4", "0-6");
    assertThat(b.isEmpty()).isTrue();
    assertThat(b.poll()).isNull();
  }

  @Test
  void aWaitingOfferGivesUpAfterItsTimeout() throws InterruptedException {
    EventBuffer b = new EventBuffer(1);
    assertThat(b.offer(event(0, 0))).isTrue();
    long t0 = System.nanoTime();
    assertThat(b.offer(event(0, 1), TimeUnit.MILLISECONDS.toNanos(30))).isFalse();
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
  }

  /**
   * Producers that wait for room and one consumer that sleeps when the buffer is empty: every event
   * arrives exactly once, each producer's events in the order offered, and the buffer never holds more
   * than its capacity.
   */
  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {1, 7, 1000})
  void underContentionNothingIsLostDuplicatedOrReordered(int capacity) throws Exception {
    int producers = 4;
    int each = 20_000;
    EventBuffer b = new EventBuffer(capacity);
    AtomicInteger maxSeen = new AtomicInteger();
    int[] next = new int[producers];
    AtomicLong received = new AtomicLong();
    AtomicBoolean orderBroken = new AtomicBoolean();
    Thread consumer = new Thread(() -> {
      List<TrackingEvent> batch = new ArrayList<>();
      try {
        while (received.get() < (long) producers * each) {
          maxSeen.accumulateAndGet(b.size(), Math::max);
          if (b.drainTo(batch, 64) == 0) {
            b.awaitEvents(TimeUnit.MILLISECONDS.toNanos(200));
            continue;
          }
          for (TrackingEvent e : batch) {
            String[] parts = e.messageId().split("-");
            int p = Integer.parseInt(parts[0]);
            if (Integer.parseInt(parts[1]) != next[p]++) {
              orderBroken.set(true);
            }
          }
          received.addAndGet(batch.size());
          batch.clear();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    consumer.start();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int id = p;
      Thread t = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < each; i++) {
            if (!b.offer(event(id, i), TimeUnit.SECONDS.toNanos(30))) {
              throw new AssertionError("no room for 30 s");
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      threads.add(t);
      t.start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    consumer.join(60_000);

    assertThat(consumer.isAlive()).isFalse();
    assertThat(received.get()).isEqualTo((long) producers * each);
    assertThat(orderBroken.get()).isFalse();
    assertThat(next).containsOnly(each);
    assertThat(maxSeen.get()).isLessThanOrEqualTo(capacity);
    assertThat(b.isEmpty()).isTrue();
  }

  /** Producers that drop the oldest event to make room while the consumer drains: taken + dropped = offered. */
  @Test
  void producersDroppingTheOldestAndTheConsumerAccountForEveryEvent() throws Exception {
    EventBuffer b = new EventBuffer(16);
    int producers = 3;
    int each = 30_000;
    AtomicLong dropped = new AtomicLong();
    AtomicLong taken = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Thread consumer = new Thread(() -> {
      List<TrackingEvent> batch = new ArrayList<>();
      while (!done.get() || !b.isEmpty()) {
        taken.addAndGet(b.drainTo(batch, 8));
        batch.clear();
      }
    });
    consumer.start();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int id = p;
      Thread t = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          TrackingEvent e = event(id, i);
          while (!b.offer(e)) {
            if (b.poll() != null) {
              dropped.incrementAndGet();
            }
          }
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    done.set(true);
    consumer.join(60_000);

    assertThat(taken.get() + dropped.get()).isEqualTo((long) producers * each);
    assertThat(b.size()).isZero();
  }
}
