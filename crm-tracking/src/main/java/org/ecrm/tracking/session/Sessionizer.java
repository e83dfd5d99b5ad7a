package org.ecrm.tracking.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import org.ecrm.tracking.internal.Checks;
import org.ecrm.tracking.session.internal.HitOrder;
import org.ecrm.tracking.internal.LongIntMap;
import org.jspecify.annotations.Nullable;

/**
 * Event-time sessionization per visitor, as Matomo, Snowplow and Google Analytics define it: a new session
 * after {@link Builder#sessionTimeout(Duration) 30 minutes} without a hit (a gap strictly longer than the
 * timeout), optionally at midnight in a time zone and when a hit carries a different campaign.
 *
 * <p>Out-of-order hits: the watermark is the latest hit time seen minus the allowed lateness. A hit older
 * than the watermark is not sessionized: it goes to the {@link Builder#lateHitSink(LateHitSink) late-hit
 * sink} (by default counted and logged) and is counted in {@link SessionizerStats#lateHits()}. Any other
 * hit is placed by its event time, so the result equals sorting the input by time first; hits of a visitor
 * with equal times are ordered by kind, path, referrer and campaign, whatever order they came in.
 *
 * <p>A hit dated more than {@link Builder#maxFutureSkew(Duration) the allowed future skew} (one day by
 * default) after the {@link Builder#clock(Clock) clock}'s now is rejected the same way
 * ({@link SessionizerStats#futureHits()}, {@link LateHitSink#tooFarAhead}) and does not move the
 * watermark, so one bad clock cannot make every later hit late.
 *
 * <p>A finite input (a log file) should be sorted first, as the web-log import does: then nothing is
 * late and the result does not depend on the order of the input. A visitor's sessions are
 * emitted to the {@link SessionSink} once the watermark passes their last hit plus the timeout (or at
 * {@link #finish()}), in time order per visitor.
 *
 * <p>Memory: the hits of visitors active within the timeout plus lateness, and 16 bytes per visitor seen
 * (a 64-bit hash and the session count, for numbering return visits).
 *
 * <p>Not thread-safe: feed it from one thread (the sink is called from that thread).
 */
public final class Sessionizer {
  private static final Comparator<Hit> HIT_ORDER =
      HitOrder.of(Hit::time, Hit::visitorId, Hit::kind, Hit::path, Hit::referrer, Hit::campaign);
  private final SessionAssembler assembler;
  private final long timeoutMillis;
  private final long latenessMillis;
  private final SessionSink sink;
  private final LateHitSink lateSink;
  private final Clock clock;
  private final long skewMillis;
  private final HashMap<String, Visitor> open = new HashMap<>();
  private final PriorityQueue<Visitor> queue = new PriorityQueue<>(Comparator.comparingLong(v -> v.queuedDeadline));
  private final LongIntMap seen = new LongIntMap();
  private long maxTime = Long.MIN_VALUE;
  private long hits;
  private long late;
  private long future;
  private long sessions;
  private boolean finished;

  private static final class Visitor {
    final String id;
    final long hash;
    final int sessionsBefore;
    final List<Hit> pending = new ArrayList<>(4);
    long last = Long.MIN_VALUE;
    boolean sorted = true;
    long queuedDeadline;

    Visitor(String id, long hash, int sessionsBefore) {
      this.id = id;
      this.hash = hash;
      this.sessionsBefore = sessionsBefore;
    }
  }

  private Sessionizer(Builder b) {
    this.assembler = new SessionAssembler(b.timeout, b.midnightZone, b.campaignSplit);
    this.timeoutMillis = b.timeout.toMillis();
    this.latenessMillis = b.lateness.toMillis();
    this.sink = b.sink;
    this.lateSink = b.lateSink;
    this.clock = b.clock;
    this.skewMillis = b.skew.toMillis();
  }

  /** Default allowed future skew: one day (as for tracked events). */
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofDays(1);

  /**
   * A builder: 30-minute timeout, no midnight or campaign split, no lateness, in-memory sink, late hits
   * counted and logged, hits more than one day ahead of the system clock rejected.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Offers one hit.
   *
   * @return false if the hit was late beyond the allowed lateness or too far in the future (counted, given
   *     to the late-hit sink, not sessionized)
   * @throws IllegalStateException after {@link #finish()}
   */
  public boolean accept(Hit hit) {
    if (finished) {
      throw new IllegalStateException("sessionizer already finished");
    }
    hits++;
    long t = millis(hit.time());
    if (t > maxTime) {
      long limit = saturatedAdd(clock.millis(), skewMillis);
      if (t > limit) {
        future++;
        lateSink.tooFarAhead(hit, Instant.ofEpochMilli(limit));
        return false;
      }
    }
    if (maxTime != Long.MIN_VALUE && t < maxTime - latenessMillis) {
      late++;
      lateSink.late(hit, Instant.ofEpochMilli(maxTime - latenessMillis));
      return false;
    }
    if (t > maxTime) {
      maxTime = t;
    }
    Visitor v = open.get(hit.visitorId());
    if (v == null) {
      long h = LongIntMap.hash(hit.visitorId());
      v = new Visitor(hit.visitorId(), h, seen.get(h));
      open.put(hit.visitorId(), v);
      v.queuedDeadline = t + timeoutMillis;
      queue.add(v);
    }
    v.pending.add(hit);
    if (t <= v.last) {
      v.sorted = false; // equal times too: they are put in HitOrder
    } else {
      v.last = t;
    }
    expire(maxTime - latenessMillis);
    return true;
  }

  /**
   * Moves the watermark as if a hit dated {@code now} had arrived, without adding one: for a live feed,
   * call it with the clock's now so that the sessions of visitors idle for longer than the timeout plus the
   * allowed lateness are emitted though no later hit comes. Hits older than {@code now} minus the allowed
   * lateness are late from then on. A time before the latest hit seen changes nothing.
   *
   * @throws IllegalStateException after {@link #finish()}
   */
  public void advanceTo(Instant now) {
    if (finished) {
      throw new IllegalStateException("sessionizer already finished");
    }
    long t = millis(Objects.requireNonNull(now, "now"));
    if (t > maxTime) {
      maxTime = t;
      expire(maxTime - latenessMillis);
    }
  }

  private void expire(long watermark) {
    while (!queue.isEmpty() && queue.peek().queuedDeadline < watermark) {
      Visitor v = queue.poll();
      long deadline = v.last + timeoutMillis;
      if (deadline >= watermark) {
        v.queuedDeadline = deadline;
        queue.add(v);
        continue;
      }
      emit(v);
      open.remove(v.id);
    }
  }

  private void emit(Visitor v) {
    if (!v.sorted) {
      v.pending.sort(HIT_ORDER);
    }
    List<Session> list = assembler.assemble(v.pending, v.sessionsBefore + 1);
    for (Session s : list) {
      sink.accept(s);
    }
    sessions += list.size();
    seen.put(v.hash, v.sessionsBefore + list.size());
  }

  /**
   * Emits every open session and ends the run.
   *
   * @return the run's counts
   */
  public SessionizerStats finish() {
    if (!finished) {
      finished = true;
      List<Visitor> rest = new ArrayList<>(open.values());
      rest.sort(Comparator.comparingLong((Visitor v) -> v.last).thenComparing(v -> v.id));
      for (Visitor v : rest) {
        emit(v);
      }
      open.clear();
      queue.clear();
    }
    return stats();
  }

  /** Visitors whose hits are held now, waiting for their session to end. */
  public int openVisitors() {
    return open.size();
  }

  /** Counts so far (visitors counts only those whose sessions were emitted). */
  public SessionizerStats stats() {
    return new SessionizerStats(hits, late, sessions, seen.size(), future);
  }

  private static long millis(Instant t) {
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  /** Configures a {@link Sessionizer}; each setting may be given once. Not thread-safe. */
  public static final class Builder {
    private Duration timeout = Duration.ofMinutes(30);
    private @Nullable ZoneId midnightZone;
    private boolean campaignSplit;
    private Duration lateness = Duration.ZERO;
    private SessionSink sink = SessionSink.inMemory();
    private LateHitSink lateSink = LateHitSink.logging();
    private Clock clock = Clock.systemUTC();
    private Duration skew = DEFAULT_MAX_FUTURE_SKEW;
    private final Set<String> set = new HashSet<>();

    private Builder() {}

    /**
     * Inactivity after which a new session starts (30 minutes by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder sessionTimeout(Duration value) {
      Checks.once(set, "sessionTimeout");
      this.timeout = Checks.positive("sessionTimeout", value);
      return this;
    }

    /** Also start a new session at midnight in {@code zone}. */
    public Builder splitAtMidnight(ZoneId zone) {
      Checks.once(set, "splitAtMidnight");
      this.midnightZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Also start a new session when a hit carries a campaign different from the session's. */
    public Builder splitOnCampaignChange(boolean value) {
      Checks.once(set, "splitOnCampaignChange");
      this.campaignSplit = value;
      return this;
    }

    /**
     * How far behind the latest hit an out-of-order hit may arrive and still be placed (zero by default).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder allowedLateness(Duration value) {
      Checks.once(set, "allowedLateness");
      this.lateness = Checks.notNegative("allowedLateness", value);
      return this;
    }

    /** Where sessions go ({@link SessionSink#inMemory()} by default). */
    public Builder sink(SessionSink value) {
      Checks.once(set, "sink");
      this.sink = Objects.requireNonNull(value, "sink");
      return this;
    }

    /** Where late hits and hits too far ahead go ({@link LateHitSink#logging()} by default). */
    public Builder lateHitSink(LateHitSink value) {
      Checks.once(set, "lateHitSink");
      this.lateSink = Objects.requireNonNull(value, "lateHitSink");
      return this;
    }

    /** The clock that decides what is too far in the future (the system UTC clock by default). */
    public Builder clock(Clock value) {
      Checks.once(set, "clock");
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How far after the clock's now a hit may be dated ({@link #DEFAULT_MAX_FUTURE_SKEW} by default); a later
     * hit is rejected and does not move the watermark.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxFutureSkew(Duration value) {
      Checks.once(set, "maxFutureSkew");
      this.skew = Checks.notNegative("maxFutureSkew", value);
      return this;
    }

    /** Builds the sessionizer. */
    public Sessionizer build() {
      return new Sessionizer(this);
    }
  }
}
