package org.ecrm.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one typical page event (about 500 bytes with context, campaign and properties): the streaming
 * mapping (jackson-core) side by side with the databind one it replaced. One thread.
 *
 * <p>Run: see the crm-tracking README's JMH section ({@code org.openjdk.jmh.Main EventJsonBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
public class EventJsonBenchmark {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);
  static final byte[] EVENT = ("{\"type\":\"page\",\"messageId\":\"m-1234567\",\"anonymousId\":\"a-42\","
      + "\"userId\":\"u-42\",\"name\":\"Product\",\"timestamp\":\"2026-05-01T11:59:58Z\","
      + "\"sentAt\":\"2026-05-01T11:59:59Z\",\"context\":{\"page\":{\"url\":"
      + "\"https://shop.example/p/1?utm_source=news&utm_medium=email&utm_campaign=may\",\"path\":\"/p/1\","
      + "\"referrer\":\"https://search.example/\",\"title\":\"Blue shirt\"},\"userAgent\":\"Mozilla/5.0 (X11; "
      + "Linux x86_64)\",\"ip\":\"203.0.113.7\",\"locale\":\"en-GB\"},\"properties\":{\"sku\":\"SKU-1\","
      + "\"price\":19.99,\"quantity\":2,\"tags\":[\"new\",\"sale\"],\"variant\":{\"size\":\"M\"}}}")
      .getBytes(StandardCharsets.UTF_8);

  final EventJson streaming = new EventJson(CLOCK, 32_768, 500_000, Duration.ofMinutes(5), Duration.ofDays(30));
  final DatabindEventJson databind =
      new DatabindEventJson(CLOCK, 32_768, 500_000, Duration.ofMinutes(5), Duration.ofDays(30));

  @Benchmark
  public TrackingEvent streaming() {
    return streaming.decodeOne(EVENT);
  }

  @Benchmark
  public TrackingEvent databind() {
    return databind.decodeOne(EVENT);
  }
}
