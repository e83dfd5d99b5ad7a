package org.ecrm.tracking.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.ecrm.tracking.TrackingEvent;
import org.jctools.queues.MpmcArrayQueue;
import org.jspecify.annotations.Nullable;

/**
 * The {@link BufferedTracker}'s bounded buffer: a lock-free array queue (JCTools) holding at most
 * {@code capacity} events exactly (a counter admits offers; the queue's own capacity is the next power of
 * two), one consumer that sleeps when the buffer is empty and is woken by the next offer, and producers
 * that may also take the oldest event out (for the drop-oldest policy). Offers never take a lock, so
 * producers do not park each other.
 *
 * <p>Thread-safe: any number of threads may offer and poll; {@link #awaitEvents} is for the one consumer.
 */
final class EventBuffer {
  /** How long a producer waiting for room sleeps between tries. */
  private static final long ROOM_WAIT_NANOS = 20_000;

  private final MpmcArrayQueue<TrackingEvent> queue;
  private final int capacity;
  /** Events admitted and not yet taken out; never above {@link #capacity}. */
  private final AtomicInteger size = new AtomicInteger();
  private volatile @Nullable Thread sleeper;

  EventBuffer(int capacity) {
    this.capacity = capacity;
    this.queue = new MpmcArrayQueue<>(Math.max(2, capacity));
  }

  /** Adds {@code e} unless the buffer holds {@code capacity} events. */
  boolean offer(TrackingEvent e) {
    int n;
    do {
      n = size.get();
      if (n >= capacity) {
        return false;
      }
    } while (!size.compareAndSet(n, n + 1));
    // the counter keeps the queue below its own capacity, so this can only fail while a concurrent
    // poll has claimed a slot and not yet released it
    while (!queue.offer(e)) {
      Thread.onSpinWait();
    }
    Thread s = sleeper;
    if (s != null) {
      sleeper = null;
      LockSupport.unpark(s);
    }
    return true;
  }

  /** {@link #offer(TrackingEvent)}, waiting up to {@code nanos} for room. */
  boolean offer(TrackingEvent e, long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (!offer(e)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      LockSupport.parkNanos(this, Math.min(left, ROOM_WAIT_NANOS));
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return true;
  }

  /** The oldest event, if any. */
  @Nullable TrackingEvent poll() {
    TrackingEvent e = queue.poll();
    if (e != null) {
      size.decrementAndGet();
    }
    return e;
  }

  /** Moves up to {@code max} events, oldest first, into {@code out}; returns how many. */
  int drainTo(List<TrackingEvent> out, int max) {
    int k = 0;
    TrackingEvent e;
    while (k < max && (e = queue.poll()) != null) {
      out.add(e);
      k++;
    }
    if (k > 0) {
      size.addAndGet(-k);
    }
    return k;
  }

  /**
   * For the consumer: returns when an event may be there, after at most {@code nanos}. The consumer
   * announces itself before it looks at the counter, and a producer looks for it after raising the
   * counter (a volatile write and a compare-and-set: full fences both), so an offer cannot slip between the look and the sleep unnoticed.
   */
  void awaitEvents(long nanos) throws InterruptedException {
    sleeper = Thread.currentThread();
    if (size.get() == 0) {
      LockSupport.parkNanos(this, nanos);
    }
    sleeper = null;
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  int size() {
    return size.get();
  }

  boolean isEmpty() {
    return size.get() == 0;
  }
}
