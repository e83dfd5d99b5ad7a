package org.ecrm.tracking.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecrm.tracking.EventContext;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.pipeline.PipelineStats;
import org.ecrm.tracking.pipeline.TrackingPipeline;
import org.ecrm.tracking.session.PathCategories;

/**
 * Whole-process throughput and memory of {@link TrackingPipeline}: producer threads track page views built
 * in code (a fresh event with a unique message id per call); the time runs from the first {@code track} to
 * (1) everything delivered and sessionized ({@code flush}) and (2) every session ended and the profiles
 * and report updated ({@code close}). Memory per active visitor is the marginal heap of two runs with the
 * same number of events over different numbers of visitors (so the held hits and the dedupe window cancel
 * out), measured after full GCs with every visitor's session open; memory per profiled visitor the same,
 * after close.
 *
 * <p>Run (after {@code mvn -pl crm-tracking -am test-compile} and the classpath step of the README):
 * {@code java -Xmx2g -cp crm-tracking/target/test-classes:crm-tracking/target/classes:$(cat /tmp/cp.txt)
 * org.ecrm.tracking.bench.PipelineLoad [events] [producers] [fewVisitors] [manyVisitors]}.
 */
public final class PipelineLoad {
  private static final String[] PATHS = {"/", "/shoes/trail", "/shoes/road", "/bags/tote", "/bags/weekender",
      "/blog/how-to-run", "/cart", "/checkout"};
  private static final PathCategories CATEGORIES = PathCategories.of(Map.of("/shoes/", "shoes", "/bags/", "bags",
      "/blog/", "reading"));

  private PipelineLoad() {}

  record Result(double flushSeconds, double closeSeconds, long openHeap, long closedHeap, PipelineStats open,
      PipelineStats closed) {}

  /**
   * Runs a warm-up, then the measured runs; arguments: events (1,000,000), producers (2), visitors of the
   * first memory run (10,000) and of the second (100,000, also the throughput run).
   *
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int producers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int few = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int many = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    run(events / 4, producers, many, "w"); // warm-up
    long base = usedAfterGc();
    Result a = run(events, producers, few, "a");
    Result b = run(events, producers, many, "b");
    System.out.printf(Locale.ROOT, "JDK %s, %d processors, max heap %d MiB%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    for (Result r : List.of(a, b)) {
      System.out.printf(Locale.ROOT, "%,d events, %d producers, %,d visitors: sessionized in %.2f s = %,.0f events/s;"
          + " all sessions ended and profiles updated in %.2f s = %,.0f events/s; heap open %,d MiB, closed %,d MiB%n",
          r.open().tracker().accepted(), producers, r.closed().visitors(), r.flushSeconds(),
          r.open().tracker().accepted() / r.flushSeconds(), r.closeSeconds(),
          r.open().tracker().accepted() / r.closeSeconds(), (r.openHeap() - base) >> 20, (r.closedHeap() - base) >> 20);
      System.out.println("  open:   " + r.open());
      System.out.println("  closed: " + r.closed());
    }
    System.out.printf(Locale.ROOT, "memory per active visitor (session open, hits not counted): %,d bytes%n",
        (b.openHeap() - a.openHeap()) / (many - few));
    System.out.printf(Locale.ROOT, "memory per profiled visitor (after close): %,d bytes%n",
        (b.closedHeap() - a.closedHeap()) / (many - few));
  }

  static Result run(long events, int producers, int visitors, String tag) throws InterruptedException {
    TrackingPipeline p = TrackingPipeline.builder().categories(CATEGORIES).build();
    Instant start = Instant.now();
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < producers; t++) {
      int first = t;
      Thread th = new Thread(() -> {
        Instant now = start;
        for (long i = first; i < events; i += producers) {
          if ((i & 1023) == first) {
            now = Instant.now();
          }
          int v = (int) (i % visitors);
          String path = PATHS[(int) ((i / visitors) % PATHS.length)];
          TrackResult r = p.track(TrackingEvent.builder(EventType.PAGE).messageId(tag + i).anonymousId("visitor-" + v)
              .timestamp(now).context(EventContext.page("https://shop.example" + path, path, "")).build());
          if (r != TrackResult.ACCEPTED) {
            throw new IllegalStateException("event " + i + ": " + r);
          }
        }
      }, "producer-" + t);
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    p.flush();
    long t1 = System.nanoTime();
    PipelineStats open = p.stats();
    long openHeap = usedAfterGc();
    long tClose = System.nanoTime();
    p.close();
    long t2 = System.nanoTime() - (tClose - t1); // the heap measurement between flush and close not counted
    PipelineStats closed = p.stats();
    long closedHeap = usedAfterGc();
    Result r = new Result((t1 - t0) / 1e9, (t2 - t0) / 1e9, openHeap, closedHeap, open, closed);
    // keep the pipeline reachable until both heap figures are taken
    if (p.profiles().visitors() < 0) {
      throw new AssertionError();
    }
    return r;
  }

  static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
