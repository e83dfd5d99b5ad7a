package org.ecrm.tracking.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.ecrm.core.service.Customers;
import org.ecrm.core.interact.BehaviourLookup;
import org.ecrm.core.interact.Interact;
import org.ecrm.tracking.BatchResult;
import org.ecrm.tracking.EventCodec;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.FailedEventSink;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.Tracker;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.internal.Checks;
import org.ecrm.tracking.session.LateHitSink;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.session.Sessionizer;
import org.ecrm.tracking.session.TrafficReport;
import org.ecrm.tracking.session.VisitorProfiles;
import org.jspecify.annotations.Nullable;

/**
 * The tracking life cycle in one object: events go in through a {@link Tracker} (validation, consent,
 * IP masking, dedupe, identity resolution), are cut into sessions by a {@link Sessionizer}, and every
 * session updates the {@link #profiles() visitor profiles} (return visits, top pages, interests), the
 * {@link #traffic() traffic report} and the host's {@link Builder#sessionSink(SessionSink) session sink}.
 * {@link #behaviour()} is crm-core's {@link BehaviourLookup} over the result, so
 * {@code Interact.profileOfVisitor} sees it; {@link #connect(Interact)} keeps the profiles Interact caches
 * fresh.
 *
 * <pre>{@code
 * try (TrackingPipeline pipeline = TrackingPipeline.builder().customers(crm.customers())
 *     .categories(PathCategories.of(Map.of("/shoes/", "shoes"))).sessionSink(mySessionStore).build()) {
 *   pipeline.track(requestBodyJson);
 * }
 * }</pre>
 *
 * <p><b>Identity.</b> Sessions are cut per browser or device (the anonymous id, else the user id; see
 * {@code Hit.of}), so an identify lands in the session of the anonymous page views before it. Each
 * session then belongs to the user its anonymous id stood for at the session's end
 * ({@link IdentityResolver#userFor(String, java.time.Instant)}: history before the first identify belongs
 * to the first user who identified), and is numbered among that user's sessions. A session that ended
 * before its anonymous id was identified reaches the session sink under the anonymous id; its profile
 * moves onto the user ({@link VisitorProfiles#merge}) when the user's first session from that id ends.
 *
 * <p><b>Live and historic.</b> Live (the default), a session ends when its visitor has been idle for the
 * session timeout plus the allowed lateness by the clock (checked every second and at {@link #flush()}),
 * so profiles follow within that time; an event more than the allowed lateness behind the clock is a
 * late hit (counted, given to the late-hit sink). {@link Builder#historicImport()} accepts events of any
 * age in any order: hits are sorted by time in an external merge sort (spilling to temporary files) and
 * cut into sessions at {@link #close()}, with the same result as live tracking of the same events in time
 * order.
 *
 * <p><b>Memory</b> does not grow with the number of events, only with visitors: the tracker's buffer (at
 * most {@code bufferCapacity} events, 100,000 by default, and the dedupe window of at most 1,000,000 message ids;
 * see {@link Builder#tracker}); live, the hits of the visitors active within the
 * timeout plus lateness; historic, the sort buffer ({@link Builder#sortBufferBytes(long)}, 8 MiB by
 * default) plus 16 KiB per merged run; and per visitor ever seen, the profile (a few hundred bytes plus
 * 8 bytes a session and an entry per distinct page; measured in the module's README), 32 bytes of session
 * numbering and the identity links.
 *
 * <p>Thread-safe: {@code track} from any number of threads; the read methods may be called at any time.
 * Sessions are cut on one thread (the tracker's delivery thread, or the caller of {@link #flush()} and
 * {@link #close()}), so the session sink is called from one thread at a time.
 */
public interface TrackingPipeline extends AutoCloseable {

  /**
   * Tracks an event built in code (see {@link Tracker#track(TrackingEvent)}).
   *
   * @throws IllegalStateException after {@link #close()}
   */
  TrackResult track(TrackingEvent event);

  /**
   * Tracks an event given as Segment-shaped JSON (see {@link Tracker#track(String)}).
   *
   * @throws IllegalStateException after {@link #close()}
   */
  TrackResult track(String json);

  /**
   * Tracks a Segment batch ({@code {"batch":[...], "sentAt":...}} or a bare array): decodes it with
   * {@link #codec()}, tracks every good event and returns the decoded events with every rejection (index,
   * field, reason); every rejection also goes to the failed-events sink with its payload. An event refused
   * by the tracker afterwards (duplicate, no consent) is counted in {@link #stats()}.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  BatchResult trackBatch(byte[] json);

  /** The codec with the pipeline's clock, size and time rules (for collectors that decode first). */
  EventCodec codec();

  /** Profiles of the visitors, updated as sessions end. */
  VisitorProfiles profiles();

  /** Page views, sessions and visitors per day and per page, updated as sessions end. */
  TrafficReport traffic();

  /** The identity links the tracked events made. */
  IdentityResolver identities();

  /**
   * crm-core's behaviour lookup over the profiles and identities, for {@code Interact.builder(crm).behaviour}.
   * Without {@link Builder#customers(Customers)} it knows visitors but no customer.
   */
  BehaviourLookup behaviour();

  /**
   * Keeps {@code interact}'s cached profiles fresh: after each session, the cached profile of its visitor,
   * of its anonymous id and of the customer behind it is dropped. Give the Interact built with
   * {@link #behaviour()}.
   */
  void connect(Interact interact);

  /**
   * Waits until every event tracked before this call has been delivered and sessionized, then (live)
   * ends the sessions of visitors idle for longer than the timeout plus the allowed lateness by the clock.
   *
   * @return true if the tracker delivered everything within the timeout
   */
  boolean flush(Duration timeout);

  /** {@link #flush(Duration)} with a 30-second timeout. */
  default boolean flush() {
    return flush(Duration.ofSeconds(30));
  }

  /** A snapshot of the counters. */
  PipelineStats stats();

  /**
   * Stops accepting, delivers everything accepted, and ends every open session (historic: sorts and
   * sessionizes everything imported). Idempotent; the profiles, report and identities stay readable.
   */
  @Override
  void close();

  /** A builder with the defaults listed on each setter. */
  static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link TrackingPipeline}; each setting may be given once. Not thread-safe. */
  final class Builder {
    private final Set<String> set = new HashSet<>();
    private Clock clock = Clock.systemUTC();
    private @Nullable Customers customers;
    private @Nullable IdentityResolver identities;
    private SessionSink sessionSink = SessionSink.discarding();
    private EventSink eventSink = EventSink.NO_OP;
    private FailedEventSink failedSink = FailedEventSink.logging();
    private LateHitSink lateSink = LateHitSink.logging();
    private Consumer<Tracker.Builder> trackerSettings = t -> { };
    private Duration timeout = Duration.ofMinutes(30);
    private Duration lateness = Duration.ofMinutes(5);
    private PathCategories categories = PathCategories.NONE;
    private int topPages = 10;
    private ZoneId zone = ZoneId.of("UTC");
    private boolean historic;
    private long sortBuffer = 8L << 20;
    private Path spillDir = Path.of(System.getProperty("java.io.tmpdir"));

    private Builder() {}

    /** The clock for receipt times, time rules and idle sessions (system UTC by default). */
    public Builder clock(Clock value) {
      Checks.once(set, "clock");
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * crm-core's customers: links user ids to customers (external id {@code web}) for {@link #behaviour()}
     * (none by default: visitors only).
     */
    public Builder customers(Customers value) {
      Checks.once(set, "customers");
      this.customers = Objects.requireNonNull(value, "customers");
      return this;
    }

    /**
     * The identity resolver to feed (a new one by default, linked to {@link #customers(Customers)} if
     * given), for a host that shares it, e.g. with {@code CampaignResponses}.
     */
    public Builder identityResolver(IdentityResolver value) {
      Checks.once(set, "identityResolver");
      this.identities = Objects.requireNonNull(value, "identityResolver");
      return this;
    }

    /** The host's store of finished sessions (discarding by default). */
    public Builder sessionSink(SessionSink value) {
      Checks.once(set, "sessionSink");
      this.sessionSink = Objects.requireNonNull(value, "sessionSink");
      return this;
    }

    /**
     * The host's store of the raw accepted events, given each batch before it is sessionized (none by
     * default); a batch it throws on is retried as {@link Tracker} does.
     */
    public Builder eventSink(EventSink value) {
      Checks.once(set, "eventSink");
      this.eventSink = Objects.requireNonNull(value, "eventSink");
      return this;
    }

    /**
     * The tracker's other settings (IP masking, consent, buffer, overflow policy, dedupe, size and time
     * limits), applied to its builder after the pipeline's own: e.g.
     * {@code t -> t.ipMasking(IpMasking.DEFAULT).consent(policy)}. The pipeline sets the tracker's sink,
     * identity resolver, clock, failed-events sink and, for {@link #historicImport()}, its time rule; setting
     * one of those here fails at {@link #build()} with an {@link IllegalStateException} naming it. Memory
     * bound: the tracker's buffer ({@code bufferCapacity}, 100,000 events by default) and dedupe window.
     */
    public Builder tracker(Consumer<Tracker.Builder> settings) {
      Checks.once(set, "tracker");
      this.trackerSettings = Objects.requireNonNull(settings, "tracker");
      return this;
    }

    /** Where invalid, dropped and undeliverable events go ({@link FailedEventSink#logging()} by default). */
    public Builder failedEventSink(FailedEventSink value) {
      Checks.once(set, "failedEventSink");
      this.failedSink = Objects.requireNonNull(value, "failedEventSink");
      return this;
    }

    /** Where late hits and hits too far ahead go ({@link LateHitSink#logging()} by default). */
    public Builder lateHitSink(LateHitSink value) {
      Checks.once(set, "lateHitSink");
      this.lateSink = Objects.requireNonNull(value, "lateHitSink");
      return this;
    }

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

    /**
     * Live: how far behind the clock an event may be and still be sessionized (5 minutes by default).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder allowedLateness(Duration value) {
      Checks.once(set, "allowedLateness");
      this.lateness = Checks.notNegative("allowedLateness", value);
      return this;
    }

    /** Path prefixes to interest categories for the profiles ({@link PathCategories#NONE} by default). */
    public Builder categories(PathCategories value) {
      Checks.once(set, "categories");
      this.categories = Objects.requireNonNull(value, "categories");
      return this;
    }

    /**
     * How many most-viewed pages a profile keeps (10 by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder topPages(int value) {
      Checks.once(set, "topPages");
      this.topPages = Checks.positive("topPages", value);
      return this;
    }

    /** The zone of the traffic report's days (UTC by default). */
    public Builder reportZone(ZoneId value) {
      Checks.once(set, "reportZone");
      this.zone = Objects.requireNonNull(value, "reportZone");
      return this;
    }

    /**
     * Historic import (backfill): events of any age, in any order, as JSON and built in code; hits are
     * sorted by time and sessionized at {@link TrackingPipeline#close()}. Off by default (live).
     */
    public Builder historicImport() {
      Checks.once(set, "historicImport");
      this.historic = true;
      return this;
    }

    /**
     * Historic import: the sort buffer, estimated bytes (8 MiB by default); fuller buffers spill to
     * {@link #spillDirectory(Path)}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder sortBufferBytes(long value) {
      Checks.once(set, "sortBufferBytes");
      if (value <= 0) {
        throw new IllegalArgumentException("sortBufferBytes must be positive: " + value);
      }
      this.sortBuffer = value;
      return this;
    }

    /** Historic import: where sorted runs are written (the temporary directory by default). */
    public Builder spillDirectory(Path value) {
      Checks.once(set, "spillDirectory");
      this.spillDir = Objects.requireNonNull(value, "spillDirectory");
      return this;
    }

    /**
     * Builds and starts the pipeline (the tracker's delivery thread and, live, a one-second idle check).
     *
     * @throws IllegalStateException if the tracker settings set one of the pipeline's own
     * @throws IllegalArgumentException if a tracker setting is out of range
     */
    public TrackingPipeline build() {
      IdentityResolver ids = identities != null ? identities
          : customers != null ? IdentityResolver.forCustomers(customers) : IdentityResolver.standalone();
      Sessionizer.Builder sessionizer = Sessionizer.builder().sessionTimeout(timeout).clock(clock)
          .lateHitSink(lateSink).allowedLateness(historic ? Duration.ZERO : lateness);
      Tracker.Builder tracker = Tracker.builder().clock(clock).failedEventSink(failedSink).identityResolver(ids);
      EventCodec.Builder codec = EventCodec.builder().clock(clock);
      if (historic) {
        tracker.historicImport();
        codec.anyAge();
      }
      trackerSettings.accept(tracker);
      return new LivePipeline(new PipelineConfig(clock, customers, ids, sessionSink, eventSink, failedSink,
          categories, topPages, zone, historic, sortBuffer, spillDir), tracker, sessionizer, codec.build());
    }
  }
}
