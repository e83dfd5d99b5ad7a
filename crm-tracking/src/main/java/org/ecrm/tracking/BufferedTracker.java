package org.ecrm.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.ecrm.tracking.internal.RecentIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Tracker}: a bounded {@link ArrayBlockingQueue}, a first-in-first-out window of recent message
 * ids ({@link RecentIds}), and
 * one delivery thread that drains batches and retries with exponential backoff. Thread-safe.
 */
final class BufferedTracker implements Tracker {
  private static final Logger LOG = LoggerFactory.getLogger(BufferedTracker.class);

  private final TrackerConfig cfg;
  private final ArrayBlockingQueue<TrackingEvent> queue;
  private final RecentIds seen;
  private final Clock clock;
  private final EventCodec codec;
  private final Thread worker;
  private final Object progress = new Object();
  private volatile boolean closed;
  private volatile boolean stopWorker;

  private final LongAdder accepted = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder invalid = new LongAdder();
  private final LongAdder noConsent = new LongAdder();
  private final LongAdder retries = new LongAdder();
  /** Events that left the buffer for good (delivered, failed, or dropped as oldest). */
  private final AtomicLong completed = new AtomicLong();

  /** Starts a tracker with these settings. */
  public BufferedTracker(TrackerConfig cfg) {
    this.cfg = cfg;
    this.queue = new ArrayBlockingQueue<>(cfg.capacity());
    Clock clock = cfg.clock();
    this.clock = clock;
    this.seen = new RecentIds(Math.max(1, cfg.dedupeWindow().toMillis()), cfg.dedupeMaxEntries());
    EventCodec.Builder codec = EventCodec.builder().clock(clock).maxEventBytes(cfg.maxEventBytes())
        .maxBatchBytes(Math.max(cfg.maxEventBytes(), EventCodec.DEFAULT_MAX_BATCH_BYTES))
        .maxFutureSkew(cfg.maxFutureSkew());
    Duration maxAge = cfg.maxEventAge();
    this.codec = (maxAge == null ? codec.anyAge() : codec.maxAge(maxAge)).build();
    this.worker = new Thread(this::deliverLoop, "ecrm-tracker-delivery");
    this.worker.setDaemon(true);
    this.worker.start();
  }

  @Override
  public TrackResult track(TrackingEvent event) {
    checkOpen();
    if (!cfg.consent().allows(event)) {
      noConsent.increment();
      return TrackResult.NO_CONSENT;
    }
    if (!event.properties().isEmpty() && JsonValues.estimateBytes(event.properties()) > cfg.maxEventBytes()) {
      invalid.increment();
      fail("event larger than " + cfg.maxEventBytes() + " bytes", event);
      return TrackResult.INVALID;
    }
    try { // the rule the codec applies to JSON, so both ways in accept the same events
      EventJson.checkTime(event.timestamp(), clock.instant(), cfg.maxFutureSkew(), cfg.maxEventAge());
    } catch (InvalidEventException e) {
      invalid.increment();
      fail("invalid event: " + e.getMessage(), event);
      return TrackResult.INVALID;
    }
    return offer(event);
  }

  @Override
  public TrackResult track(String json) {
    checkOpen();
    TrackingEvent event;
    try {
      event = codec.decode(json);
    } catch (InvalidEventException e) {
      invalid.increment();
      failRaw("invalid event: " + e.getMessage(), json, null);
      return TrackResult.INVALID;
    }
    if (!cfg.consent().allows(event)) {
      noConsent.increment();
      return TrackResult.NO_CONSENT;
    }
    return offer(event);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("tracker is closed");
    }
  }

  private TrackResult offer(TrackingEvent event) {
    if (seen.seen(event.messageId(), clock.millis())) {
      duplicates.increment();
      return TrackResult.DUPLICATE;
    }
    TrackingEvent e = mask(event);
    if (!queue.offer(e)) {
      switch (cfg.overflow()) {
        case REJECT -> {
          return refuseFull(e, "buffer full (" + cfg.capacity() + " events, policy REJECT)");
        }
        case BLOCK -> {
          try {
            if (!queue.offer(e, cfg.blockTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
              return refuseFull(e, "buffer full for " + cfg.blockTimeout() + " (policy BLOCK)");
            }
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return refuseFull(e, "interrupted while waiting for buffer room");
          }
        }
        case DROP_OLDEST -> {
          while (!queue.offer(e)) {
            TrackingEvent oldest = queue.poll();
            if (oldest != null) {
              dropped.increment();
              fail("dropped from a full buffer (" + cfg.capacity() + " events, policy DROP_OLDEST)", oldest);
              completed.incrementAndGet();
            }
          }
        }
      }
    }
    accepted.increment();
    IdentityResolverHook.observe(cfg.identity(), e);
    return TrackResult.ACCEPTED;
  }

  private TrackResult refuseFull(TrackingEvent e, String reason) {
    seen.forget(e.messageId()); // a later retry of the same message is not a duplicate
    dropped.increment();
    fail(reason, e);
    return TrackResult.BUFFER_FULL;
  }

  private TrackingEvent mask(TrackingEvent e) {
    if (cfg.ipMasking().isNone() || e.context().ip().isEmpty()) {
      return e;
    }
    return e.withContext(e.context().withIp(cfg.ipMasking().mask(e.context().ip().get())));
  }

  private void fail(String reason, TrackingEvent e) {
    String payload;
    try {
      payload = codec.encode(e);
    } catch (RuntimeException x) {
      payload = String.valueOf(e);
    }
    failRaw(reason, payload, e);
  }

  private void failRaw(String reason, String payload, @Nullable TrackingEvent e) {
    try {
      cfg.failedSink().failed(new FailedEvent(reason, payload, Optional.ofNullable(e), cfg.clock().instant()));
    } catch (RuntimeException x) {
      LOG.error("failed-events sink threw; event: {}; reason: {}; payload: {}", x, reason, payload);
    }
  }

  private void deliverLoop() {
    List<TrackingEvent> batch = new ArrayList<>(cfg.batchSize());
    long waitNanos = cfg.flushInterval().toNanos();
    while (true) {
      try {
        TrackingEvent first = queue.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (first == null) {
          if (stopWorker && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, cfg.batchSize() - 1);
        deliver(batch);
        batch.clear();
      } catch (InterruptedException e) {
        if (stopWorker) {
          // close timed out: fail what remains
          drainToFailed(batch, "tracker closed before delivery (close timeout " + cfg.closeTimeout() + ")");
          return;
        }
      }
    }
  }

  private void drainToFailed(List<TrackingEvent> batch, String reason) {
    queue.drainTo(batch);
    for (TrackingEvent e : batch) {
      failed.increment();
      fail(reason, e);
    }
    completed.addAndGet(batch.size());
    batch.clear();
    signal();
  }

  private void deliver(List<TrackingEvent> batch) throws InterruptedException {
    long backoff = cfg.initialBackoff().toNanos();
    Exception last = null;
    for (int attempt = 1; attempt <= cfg.maxAttempts(); attempt++) {
      try {
        cfg.sink().deliver(List.copyOf(batch));
        delivered.add(batch.size());
        completed.addAndGet(batch.size());
        signal();
        return;
      } catch (InterruptedException e) {
        throw e; // close timed out: the caller fails the batch
      } catch (Exception e) {
        last = e;
        if (attempt < cfg.maxAttempts()) {
          retries.increment();
          LOG.debug("event sink failed (attempt {} of {}), retrying in {} ns", attempt, cfg.maxAttempts(), backoff, e);
          TimeUnit.NANOSECONDS.sleep(backoff);
          backoff = Math.min(cfg.maxBackoff().toNanos(), Math.max(1, backoff * 2));
        }
      }
    }
    String reason = "delivery failed after " + cfg.maxAttempts() + " attempts: " + last;
    LOG.warn("event sink failed {} times; {} events go to the failed-events sink", cfg.maxAttempts(), batch.size());
    for (TrackingEvent e : batch) {
      failed.increment();
      fail(reason, e);
    }
    completed.addAndGet(batch.size());
    signal();
  }

  private void signal() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  @Override
  public boolean flush(Duration timeout) {
    long target = accepted.sum(); // every event accepted before this call has been counted
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (completed.get() < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !worker.isAlive()) {
          return completed.get() >= target;
        }
        try {
          progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 50_000_000L))));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public TrackerMetrics metrics() {
    return new TrackerMetrics(accepted.sum(), delivered.sum(), failed.sum(), dropped.sum(), duplicates.sum(),
        invalid.sum(), noConsent.sum(), retries.sum(), queue.size());
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    boolean done = flush(cfg.closeTimeout());
    stopWorker = true;
    if (!done) {
      worker.interrupt();
    }
    try {
      worker.join(Math.max(1000, cfg.closeTimeout().toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!queue.isEmpty()) {
      drainToFailed(new ArrayList<>(), "tracker closed before delivery (close timeout " + cfg.closeTimeout() + ")");
    }
  }

  @Override
  public long erase(java.util.Set<String> ids) {
    java.util.Objects.requireNonNull(ids, "ids");
    long[] n = new long[1];
    queue.removeIf(e -> {
      boolean gone = e.concerns(ids);
      if (gone) {
        n[0]++;
      }
      return gone;
    });
    if (n[0] > 0) { // erased events count as done, so flush does not wait for them
      synchronized (progress) {
        completed.addAndGet(n[0]);
        progress.notifyAll();
      }
    }
    return n[0];
  }
}
