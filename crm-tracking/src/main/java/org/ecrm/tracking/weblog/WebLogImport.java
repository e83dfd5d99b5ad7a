package org.ecrm.tracking.weblog;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.internal.Checks;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.HitKind;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.session.Sessionizer;
import org.ecrm.tracking.session.SessionizerStats;
import org.jspecify.annotations.Nullable;

/**
 * Imports a web log end to end: read ({@link WebLogReader}), classify ({@link TrafficFilter}), mask IPs
 * ({@link IpMasking}), and sessionize the human page views ({@link Sessionizer}) into a
 * {@link SessionSink}. Streaming; bad lines are reported and the import goes on.
 *
 * <pre>{@code
 * ImportReport r = WebLogImport.builder().allowedLateness(Duration.ofMinutes(5)).build()
 *     .run(Path.of("access.log.gz"));
 * }</pre>
 *
 * <p>Immutable and thread-safe: each {@link #run} has its own state (sinks are shared, so give each
 * concurrent run its own sink or a thread-safe one).
 */
public final class WebLogImport {
  private final WebLogReader reader;
  private final TrafficFilter filter;
  private final Duration timeout;
  private final Duration lateness;
  private final @Nullable ZoneId midnight;
  private final VisitorKey key;
  private final IpMasking masking;
  private final SessionSink sink;
  private final int maxErrors;
  private final Consumer<? super LogLineError> errorListener;

  private WebLogImport(Builder b) {
    this.reader = b.reader;
    this.filter = b.filter;
    this.timeout = b.timeout;
    this.lateness = b.lateness;
    this.midnight = b.midnight;
    this.key = b.key;
    this.masking = b.masking;
    this.sink = b.sink;
    this.maxErrors = b.maxErrors;
    this.errorListener = b.errorListener;
  }

  /**
   * Default allowed lateness: 2 minutes. Servers log a request when it ends, so lines come slightly out
   * of order (up to 59 s in the apache_logs sample).
   */
  public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(2);

  /** A builder with default reader and filter, 30-minute sessions, 2 minutes lateness, IP + user agent. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Imports a file (plain or gzip).
   *
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public ImportReport run(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return run(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read web log " + file + ": " + e.getMessage(), e);
    }
  }

  /** Imports a stream (plain or gzip); the stream is not closed. */
  public ImportReport run(InputStream in) {
    Objects.requireNonNull(in, "in");
    Run r = new Run();
    ReadStats s = new FastImport(reader, filter, masking, key, r.sessionizer, r.counts, r::error).run(in);
    return r.report(s);
  }

  private final class Run {
    final long[] counts = new long[TrafficClass.values().length];
    final List<LogLineError> errors = new ArrayList<>();
    final Sessionizer sessionizer;

    Run() {
      Sessionizer.Builder b = Sessionizer.builder().sessionTimeout(timeout).allowedLateness(lateness).sink(sink);
      if (midnight != null) {
        b.splitAtMidnight(midnight);
      }
      sessionizer = b.build();
    }

    void error(LogLineError e) {
      if (errors.size() < maxErrors) {
        errors.add(e);
      }
      errorListener.accept(e);
    }

    ImportReport report(ReadStats s) {
      SessionizerStats st = sessionizer.finish();
      EnumMap<TrafficClass, Long> m = new EnumMap<>(TrafficClass.class);
      for (TrafficClass c : TrafficClass.values()) {
        m.put(c, counts[c.ordinal()]);
      }
      return new ImportReport(s, m, st, errors);
    }
  }

  /** Configures a {@link WebLogImport}; each setting may be given once. Not thread-safe. */
  public static final class Builder {
    private WebLogReader reader = WebLogReader.builder().build();
    private TrafficFilter filter = TrafficFilter.defaults();
    private Duration timeout = Duration.ofMinutes(30);
    private Duration lateness = DEFAULT_ALLOWED_LATENESS;
    private @Nullable ZoneId midnight;
    private VisitorKey key = VisitorKey.IP_AND_USER_AGENT;
    private IpMasking masking = IpMasking.NONE;
    private SessionSink sink = SessionSink.discarding();
    private int maxErrors = 1000;
    private Consumer<? super LogLineError> errorListener = e -> { };
    private final Set<String> set = new HashSet<>();

    private Builder() {}

    /** The reader (format, line cap). */
    public Builder reader(WebLogReader value) {
      Checks.once(set, "reader");
      this.reader = Objects.requireNonNull(value, "reader");
      return this;
    }

    /** The traffic filter (bots, assets, methods). */
    public Builder filter(TrafficFilter value) {
      Checks.once(set, "filter");
      this.filter = Objects.requireNonNull(value, "filter");
      return this;
    }

    /**
     * Session inactivity timeout (30 minutes by default).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder sessionTimeout(Duration value) {
      Checks.once(set, "sessionTimeout");
      this.timeout = Checks.positive("sessionTimeout", value);
      return this;
    }

    /**
     * How far out of order a line may be and still be sessionized ({@link WebLogImport#DEFAULT_ALLOWED_LATENESS} by
     * default; web servers write lines when requests finish, so slow requests arrive late).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder allowedLateness(Duration value) {
      Checks.once(set, "allowedLateness");
      this.lateness = Checks.notNegative("allowedLateness", value);
      return this;
    }

    /** Also split sessions at midnight in {@code zone}. */
    public Builder splitAtMidnight(ZoneId zone) {
      Checks.once(set, "splitAtMidnight");
      this.midnight = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** How lines are grouped into visitors ({@link VisitorKey#IP_AND_USER_AGENT} by default). */
    public Builder visitorKey(VisitorKey value) {
      Checks.once(set, "visitorKey");
      this.key = Objects.requireNonNull(value, "visitorKey");
      return this;
    }

    /** IP masking applied before the visitor key is formed and anything is stored (none by default). */
    public Builder ipMasking(IpMasking value) {
      Checks.once(set, "ipMasking");
      this.masking = Objects.requireNonNull(value, "ipMasking");
      return this;
    }

    /** Where sessions go (discarded by default: the report still counts them). */
    public Builder sessionSink(SessionSink value) {
      Checks.once(set, "sessionSink");
      this.sink = Objects.requireNonNull(value, "sessionSink");
      return this;
    }

    /**
     * How many rejected lines the report keeps (1000 by default; all are counted and sent to the listener).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxErrorsKept(int value) {
      Checks.once(set, "maxErrorsKept");
      if (value < 0) {
        throw new IllegalArgumentException("maxErrorsKept must not be negative: " + value);
      }
      this.maxErrors = value;
      return this;
    }

    /** Receives every rejected line as it is found. */
    public Builder errorListener(Consumer<? super LogLineError> value) {
      Checks.once(set, "errorListener");
      this.errorListener = Objects.requireNonNull(value, "errorListener");
      return this;
    }

    /** Builds the import. */
    public WebLogImport build() {
      return new WebLogImport(this);
    }
  }
}
