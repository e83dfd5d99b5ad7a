package org.ecrm.tracking.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.tracking.EventContext;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.OverflowPolicy;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.Tracker;
import org.ecrm.tracking.TrackingEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Tracker.track} throughput with 2 producer threads into a no-op sink (bounded buffer, BLOCK
 * policy, dedupe on). Each call builds a fresh validated page event with a unique message id.
 *
 * <p>Run: {@code mvn -B -q -pl crm-tracking -am test-compile exec:exec -Dexec.skip=false
 * -Dexec.executable=java -Dexec.classpathScope=test
 * "-Dexec.args=-Xmx1g -cp %classpath org.openjdk.jmh.Main TrackerBenchmark -f 1"} (from the repository root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@Threads(2)
public class TrackerBenchmark {
  static final Instant T = Instant.parse("2026-05-01T12:00:00Z");
  static final EventContext CTX = EventContext.page("https://shop.example/p/1", "/p/1", "https://search.example/")
      .withUserAgent("Mozilla/5.0").withIp("203.0.113.7");

  /** The dedupe cache size: the default keeps 1,000,000 ids. */
  @Param({"1000000"})
  public long dedupeEntries;

  Tracker tracker;
  final AtomicLong ids = new AtomicLong();

  @Setup(Level.Trial)
  public void start() {
    tracker = Tracker.builder().sink(EventSink.NO_OP).overflowPolicy(OverflowPolicy.BLOCK)
        .bufferCapacity(100_000).batchSize(1_000)
        .dedupe(java.time.Duration.ofHours(1), dedupeEntries).build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    tracker.close();
    System.out.println("\n" + tracker.metrics());
  }

  @Benchmark
  public TrackResult track() {
    long n = ids.incrementAndGet();
    return tracker.track(TrackingEvent.builder(EventType.PAGE).messageId(Long.toString(n))
        .anonymousId("a" + (n & 1023)).timestamp(T).context(CTX).build());
  }

  /** The same page event arriving as JSON text ({@link Tracker#track(String)}): decoding included. */
  @Benchmark
  public TrackResult trackJson() {
    long n = ids.incrementAndGet();
    return tracker.track("{\"type\":\"page\",\"messageId\":\"" + n + "\",\"anonymousId\":\"a" + (n & 1023)
        + "\",\"context\":{\"page\":{\"url\":"
        + "\"https://shop.example/p/1\",\"path\":\"/p/1\",\"referrer\":\"https://search.example/\"},"
        + "\"userAgent\":\"Mozilla/5.0\",\"ip\":\"203.0.113.7\"}}");
  }
}
