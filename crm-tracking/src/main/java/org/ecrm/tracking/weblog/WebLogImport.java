package org.ecrm.tracking.weblog;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.ecrm.tracking.session.spill.HitSorter;
import org.ecrm.tracking.session.LateHitSink;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.HitKind;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.session.Sessionizer;
import org.ecrm.tracking.session.SessionizerStats;
import org.jspecify.annotations.Nullable;

/**
 * Imports a web log end to end: read ({@link WebLogReader}), classify ({@link TrafficFilter}), mask IPs
 * ({@link IpMasking}), and sessionize the human page views ({@link Sessionizer}) into a
 * {@link SessionSink}. Bad lines are reported and the import goes on.
 *
 * <p>{@link ImportMode#BATCH} (the default) sorts the page views by time before cutting sessions, with an
 * external merge sort that spills runs of at most {@link Builder#sortBufferBytes(long)} to temporary files
 * (deleted when the run ends, also on failure): the sessions of a file are those of its lines sorted by
 * time, whatever order the lines are in (log files are concatenated, rotated, merged from several servers).
 * Equal times are ordered by visitor, path, referrer and campaign, so even they do not depend on the line
 * order. {@link ImportMode#STREAMING} is one pass with an allowed lateness; later lines are late hits.
 *
 * <p>In both modes a line dated more than {@link Builder#maxFutureSkew(Duration) the allowed skew} after the
 * {@link Builder#clock(Clock) clock}'s now is rejected with its line number ({@link ImportReport#futureLines()}).
 *
 * <pre>{@code
 * ImportReport r = WebLogImport.builder().build().run(Path.of("access.log.gz"));
 * ImportReport live = WebLogImport.builder().mode(ImportMode.STREAMING)
 *     .allowedLateness(Duration.ofMinutes(5)).build().run(tailedStream);
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
  private final ImportMode mode;
  private final LateHitSink lateSink;
  private final Clock clock;
  private final Duration skew;
  private final Path spillDir;
  private final long sortBuffer;

  private WebLogImport(Builder b) {
    this.mode = b.mode;
    this.lateSink = b.lateSink;
    this.clock = b.clock;
    this.skew = b.skew;
    this.spillDir = b.spillDir;
    this.sortBuffer = b.sortBuffer;
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

  /** Default sort memory of a batch import: 8 MiB (estimated), then runs spill to temporary files. */
  public static final long DEFAULT_SORT_BUFFER_BYTES = 8L << 20;

  /**
   * A builder: {@link ImportMode#BATCH}, default reader and filter, 30-minute sessions, IP + user agent,
   * lines more than one day ahead of the system clock rejected.
   */
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

  /**
   * Imports several files (plain or gzip) as one log: rotated files, or the logs of several servers. In
   * {@link ImportMode#BATCH} mode the sessions are those of all their lines sorted by time, whatever the
   * order of the files and of the lines in them; in {@link ImportMode#STREAMING} mode the files are read one
   * after the other through one watermark. Line numbers in errors count on across the files in the given
   * order (the first line of the second file is numbered one more than the first file's last line).
   *
   * @param files the files, at least one
   * @return the report of all the files together
   * @throws IllegalArgumentException if {@code files} is empty
   * @throws java.io.UncheckedIOException if a file cannot be read, naming it
   */
  public ImportReport run(List<Path> files) {
    Objects.requireNonNull(files, "files");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("files: at least one web log is needed");
    }
    Run r = new Run();
    Instant now = clock.instant();
    Instant limit = skew.compareTo(Duration.between(now, Instant.MAX)) >= 0 ? Instant.MAX : now.plus(skew);
    String rule = "more than " + skew + " after " + now;
    long[] totals = new long[4];
    long future = 0;
    @Nullable HitSorter sorter = mode == ImportMode.STREAMING ? null : new HitSorter(spillDir, sortBuffer);
    try {
      for (Path file : files) {
        Objects.requireNonNull(file, "files[i]");
        long offset = totals[0];
        Consumer<LogLineError> errors = e -> r.error(offset == 0 ? e
            : new LogLineError(e.lineNumber() + offset, e.reason(), e.excerpt()));
        FastImport f = new FastImport(reader, filter, masking, key,
            sorter == null ? r.sessionizer::accept : sorter::add, limit, rule, r.counts, errors);
        ReadStats s;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
          s = f.run(in);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot read web log " + file + ": " + e.getMessage(), e);
        }
        totals[0] += s.lines();
        totals[1] += s.parsed();
        totals[2] += s.malformed();
        totals[3] += s.bytes();
        future += f.futureLines();
      }
      if (sorter != null) {
        sorter.drainTo(r.sessionizer::accept);
      }
    } finally {
      if (sorter != null) {
        sorter.close();
      }
    }
    return r.report(new ReadStats(totals[0], totals[1], totals[2], totals[3]), future);
  }

  /** Imports a stream (plain or gzip); the stream is not closed. */
  public ImportReport run(InputStream in) {
    Objects.requireNonNull(in, "in");
    Run r = new Run();
    Instant now = clock.instant();
    Instant limit = skew.compareTo(Duration.between(now, Instant.MAX)) >= 0 ? Instant.MAX : now.plus(skew);
    String rule = "more than " + skew + " after " + now;
    if (mode == ImportMode.STREAMING) {
      FastImport f = new FastImport(reader, filter, masking, key, r.sessionizer::accept, limit, rule, r.counts,
          r::error);
      ReadStats s = f.run(in);
      return r.report(s, f.futureLines());
    }
    try (HitSorter sorter = new HitSorter(spillDir, sortBuffer)) {
      FastImport f = new FastImport(reader, filter, masking, key, sorter::add, limit, rule, r.counts, r::error);
      ReadStats s = f.run(in);
      sorter.drainTo(r.sessionizer::accept);
      return r.report(s, f.futureLines());
    }
  }

  private final class Run {
    final long[] counts = new long[TrafficClass.values().length];
    final List<LogLineError> errors = new ArrayList<>();
    final Sessionizer sessionizer;

    Run() {
      Sessionizer.Builder b = Sessionizer.builder().sessionTimeout(timeout)
          .allowedLateness(mode == ImportMode.STREAMING ? lateness : Duration.ZERO).sink(sink).lateHitSink(lateSink)
          .clock(clock).maxFutureSkew(skew);
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

    ImportReport report(ReadStats s, long futureLines) {
      SessionizerStats st = sessionizer.finish();
      EnumMap<TrafficClass, Long> m = new EnumMap<>(TrafficClass.class);
      for (TrafficClass c : TrafficClass.values()) {
        m.put(c, counts[c.ordinal()]);
      }
      return new ImportReport(s, m, st, errors, futureLines);
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
    private ImportMode mode = ImportMode.BATCH;
    private LateHitSink lateSink = LateHitSink.logging();
    private Clock clock = Clock.systemUTC();
    private Duration skew = Sessionizer.DEFAULT_MAX_FUTURE_SKEW;
    private Path spillDir = Path.of(System.getProperty("java.io.tmpdir"));
    private long sortBuffer = DEFAULT_SORT_BUFFER_BYTES;
    private final Set<String> set = new HashSet<>();

    private Builder() {}

    /** Batch (sorted, the default) or streaming (one pass with an allowed lateness). */
    public Builder mode(ImportMode value) {
      Checks.once(set, "mode");
      this.mode = Objects.requireNonNull(value, "mode");
      return this;
    }

    /**
     * Where the late hits of a {@link ImportMode#STREAMING} import go ({@link LateHitSink#logging()} by default);
     * they are counted in {@link ImportReport#lateHits()} either way.
     */
    public Builder lateHitSink(LateHitSink value) {
      Checks.once(set, "lateHitSink");
      this.lateSink = Objects.requireNonNull(value, "lateHitSink");
      return this;
    }

    /** The clock that decides which lines are too far in the future (the system UTC clock by default). */
    public Builder clock(Clock value) {
      Checks.once(set, "clock");
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How far after the clock's now a line may be dated (one day by default); a later line is rejected
     * with its line number and is neither classified nor sessionized.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxFutureSkew(Duration value) {
      Checks.once(set, "maxFutureSkew");
      this.skew = Checks.notNegative("maxFutureSkew", value);
      return this;
    }

    /**
     * The directory of a batch import's temporary sort runs (the {@code java.io.tmpdir} by default).
     *
     * @throws IllegalArgumentException if it is not a directory
     */
    public Builder spillDirectory(Path value) {
      Checks.once(set, "spillDirectory");
      Objects.requireNonNull(value, "spillDirectory");
      if (!java.nio.file.Files.isDirectory(value)) {
        throw new IllegalArgumentException("spillDirectory is not a directory: " + value);
      }
      this.spillDir = value;
      return this;
    }

    /**
     * The memory a batch import sorts in before it spills a run to a temporary file
     * ({@link #DEFAULT_SORT_BUFFER_BYTES} by default; estimated from the hits' string lengths).
     *
     * @throws IllegalArgumentException if below 1 KiB
     */
    public Builder sortBufferBytes(long value) {
      Checks.once(set, "sortBufferBytes");
      if (value < 1024) {
        throw new IllegalArgumentException("sortBufferBytes must be at least 1024: " + value);
      }
      this.sortBuffer = value;
      return this;
    }

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
     * How far out of order a line may be and still be sessionized in a {@link ImportMode#STREAMING} import
     * ({@link WebLogImport#DEFAULT_ALLOWED_LATENESS} by default; web servers write lines when requests finish,
     * so slow requests arrive late). A batch import sorts instead and has no lateness.
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

    /**
     * Builds the import.
     *
     * @throws IllegalStateException if {@code allowedLateness} was set for a batch import
     */
    public WebLogImport build() {
      if (mode == ImportMode.BATCH && set.contains("allowedLateness")) {
        throw new IllegalStateException("allowedLateness applies only to ImportMode.STREAMING (a batch import sorts)");
      }
      return new WebLogImport(this);
    }
  }
}
