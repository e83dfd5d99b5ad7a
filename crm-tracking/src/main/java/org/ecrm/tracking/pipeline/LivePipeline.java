package org.ecrm.tracking.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.ecrm.core.service.Customers;
import org.ecrm.core.interact.BehaviourLookup;
import org.ecrm.core.interact.Interact;
import org.ecrm.tracking.BatchResult;
import org.ecrm.tracking.EventCodec;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.FailedEvent;
import org.ecrm.tracking.Rejection;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.Tracker;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.internal.LongIntMap;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.Sessionizer;
import org.ecrm.tracking.session.TrackingBehaviour;
import org.ecrm.tracking.session.TrafficReport;
import org.ecrm.tracking.session.VisitorProfiles;
import org.ecrm.tracking.session.spill.HitSorter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TrackingPipeline}: it is its tracker's {@link EventSink}, so the tracker's single delivery
 * thread turns each delivered batch into hits for the sessionizer (live) or the external sort (historic).
 * The sessionizer, the sort and the session numbering are guarded by one lock, shared with the one-second
 * idle check and {@code flush}/{@code close}. Thread-safe.
 */
final class LivePipeline implements TrackingPipeline, EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);

  private final PipelineConfig cfg;
  private final IdentityResolver identities;
  private final EventCodec codec;
  private final VisitorProfiles profiles;
  private final TrafficReport traffic;
  private final TrackingBehaviour behaviour;
  private final Sessionizer sessionizer;
  private final @Nullable HitSorter sorter;
  /** Sessions so far per visitor (after identity resolution), by 64-bit hash of the visitor id. */
  private final LongIntMap numbering = new LongIntMap();
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Interact> connected = new CopyOnWriteArrayList<>();
  private final LongAdder sinkFailures = new LongAdder();
  private final Object closing = new Object();
  private final Tracker tracker;
  private final @Nullable ScheduledExecutorService idleCheck;
  private boolean closed;
  private boolean finished;

  /** Starts a pipeline: the tracker's delivery thread and, live, the idle check. */
  public LivePipeline(PipelineConfig cfg, Tracker.Builder tracker, Sessionizer.Builder sessionizer, EventCodec codec) {
    this.cfg = cfg;
    this.identities = cfg.identities();
    this.codec = codec;
    this.profiles = new VisitorProfiles(cfg.categories(), cfg.topPages());
    this.traffic = new TrafficReport(cfg.zone());
    Customers customers = cfg.customers();
    this.behaviour = customers == null ? TrackingBehaviour.of(profiles, identities)
        : TrackingBehaviour.of(profiles, identities, customers);
    this.sessionizer = sessionizer.sink(this::ended).build();
    this.sorter = cfg.historic() ? new HitSorter(cfg.spillDir(), cfg.sortBufferBytes()) : null;
    this.tracker = tracker.sink(this).build();
    if (cfg.historic()) {
      this.idleCheck = null;
    } else {
      this.idleCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ecrm-pipeline-idle-check");
        t.setDaemon(true);
        return t;
      });
      this.idleCheck.scheduleWithFixedDelay(this::endIdleSessions, 1, 1, TimeUnit.SECONDS);
    }
  }

  @Override
  public TrackResult track(TrackingEvent event) {
    return tracker.track(event);
  }

  @Override
  public TrackResult track(String json) {
    return tracker.track(json);
  }

  @Override
  public BatchResult trackBatch(byte[] json) {
    if (closed()) {
      throw new IllegalStateException("pipeline is closed");
    }
    BatchResult r = codec.decodeBatch(json);
    for (TrackingEvent e : r.accepted()) {
      tracker.track(e);
    }
    for (Rejection x : r.rejected()) { // nothing lost silently: the failed-events sink has every refusal
      failed("invalid event in batch (index " + x.index() + "): " + x.field() + ": " + x.reason(), x.payload(),
          Optional.empty());
    }
    return r;
  }

  @Override
  public EventCodec codec() {
    return codec;
  }

  @Override
  public VisitorProfiles profiles() {
    return profiles;
  }

  @Override
  public TrafficReport traffic() {
    return traffic;
  }

  @Override
  public IdentityResolver identities() {
    return identities;
  }

  @Override
  public BehaviourLookup behaviour() {
    return behaviour;
  }

  @Override
  public void connect(Interact interact) {
    connected.add(Objects.requireNonNull(interact, "interact"));
  }

  /** The tracker's delivery thread: the host's raw store first (retried on failure), then the hits. */
  @Override
  public void deliver(List<TrackingEvent> batch) throws Exception {
    cfg.eventSink().deliver(batch);
    lock.lock();
    try {
      int i = 0;
      try {
        for (; i < batch.size(); i++) {
          Hit hit = Hit.of(batch.get(i));
          if (sorter != null) {
            sorter.add(hit);
          } else {
            sessionizer.accept(hit);
          }
        }
        if (sorter == null) {
          sessionizer.advanceTo(cfg.clock().instant());
        }
      } catch (RuntimeException e) {
        // not rethrown: the tracker would retry the whole batch and sessionize its first hits twice
        LOG.error("{} events not sessionized", batch.size() - i, e);
        for (int j = i; j < batch.size(); j++) {
          failed("not sessionized: " + e, codec.encode(batch.get(j)), Optional.of(batch.get(j)));
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long erase(java.util.Set<String> ids) {
    return cfg.eventSink().erase(ids);
  }

  private void failed(String reason, String payload, Optional<TrackingEvent> e) {
    try {
      cfg.failedSink().failed(new FailedEvent(reason, payload, e, cfg.clock().instant()));
    } catch (RuntimeException x) {
      LOG.error("failed-events sink threw; reason: {}; payload: {}", reason, payload, x);
    }
  }

  private boolean closed() {
    synchronized (closing) {
      return closed;
    }
  }

  /** A session the sessionizer ended: resolve its user, number it, hand it on. Called under the lock. */
  private void ended(Session s) {
    String key = s.visitorId();
    String visitor = identities.userFor(key, s.end()).orElse(key);
    long visitorHash = LongIntMap.hash(visitor);
    if (!visitor.equals(key)) { // sessions of this id that ended before it was identified move to the user
      profiles.merge(key, visitor);
      long keyHash = LongIntMap.hash(key);
      int before = numbering.get(keyHash);
      if (before > 0) {
        numbering.put(visitorHash, numbering.get(visitorHash) + before);
        numbering.put(keyHash, 0);
      }
    }
    int index = numbering.get(visitorHash) + 1;
    numbering.put(visitorHash, index);
    Session out = new Session(visitor, index, s.start(), s.end(), s.pageViews(), s.events(), s.pings(), s.pages(),
        s.referrer(), s.campaign());
    profiles.accept(out);
    traffic.accept(out);
    try {
      cfg.sessionSink().accept(out);
    } catch (RuntimeException e) {
      sinkFailures.increment();
      LOG.error("session sink threw; session not stored there: {}", out, e);
    }
    for (Interact interact : connected) {
      interact.invalidateVisitor(visitor);
      if (!visitor.equals(key)) {
        interact.invalidateVisitor(key);
      }
      behaviour.customerOfVisitor(visitor).ifPresent(interact::invalidate);
    }
  }

  private void endIdleSessions() {
    lock.lock();
    try {
      if (!finished) {
        sessionizer.advanceTo(cfg.clock().instant());
      }
    } catch (RuntimeException e) {
      LOG.error("idle check failed", e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean flush(Duration timeout) {
    boolean done = tracker.flush(Objects.requireNonNull(timeout, "timeout"));
    if (sorter == null) {
      endIdleSessions();
    }
    return done;
  }

  @Override
  public PipelineStats stats() {
    lock.lock();
    try {
      return new PipelineStats(tracker.metrics(), sessionizer.stats(), sessionizer.openVisitors(),
          profiles.visitors(), sinkFailures.sum());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    synchronized (closing) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (idleCheck != null) {
      idleCheck.shutdownNow();
    }
    tracker.close();
    lock.lock();
    try {
      finished = true;
      if (sorter != null) {
        try {
          sorter.drainTo(sessionizer::accept);
        } finally {
          sorter.close();
        }
      }
      sessionizer.finish();
    } finally {
      lock.unlock();
    }
  }
}
