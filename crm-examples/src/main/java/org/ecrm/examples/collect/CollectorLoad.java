package org.ecrm.examples.collect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.tracking.pipeline.PipelineStats;
import org.ecrm.tracking.pipeline.TrackingPipeline;
import org.ecrm.tracking.session.PathCategories;

/**
 * A small load tool for {@link SegmentCollector}: in one JVM it starts a pipeline and a collector on a free
 * port, then client threads post Segment batches (page views of many visitors, as analytics.js sends them)
 * with {@link HttpClient}, and it prints events per second from the first request to the last event
 * sessionized, and again until every session has ended and updated the profiles.
 *
 * <pre>{@code
 * java -cp ... org.ecrm.examples.collect.CollectorLoad [events] [batchSize] [clients] [serverThreads] [visitors]
 * }</pre>
 */
public final class CollectorLoad {
  private static final String[] PATHS = {"/", "/shoes/trail", "/shoes/road", "/bags/tote", "/bags/weekender",
      "/blog/how-to-run", "/cart", "/checkout"};

  private CollectorLoad() {}

  /**
   * Runs the load: arguments are events (default 1,000,000), batch size (100), client threads (2), server
   * threads (2) and distinct visitors (50,000).
   *
   * @throws Exception if the server cannot start or a request fails
   */
  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int serverThreads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int visitors = args.length > 4 ? Integer.parseInt(args[4]) : 50_000;
    String key = "load-key";
    SegmentCollector.noDelay();
    TrackingPipeline pipeline = TrackingPipeline.builder().clock(Clock.systemUTC())
        .categories(PathCategories.of(Map.of("/shoes/", "shoes", "/bags/", "bags", "/blog/", "reading")))
        .failedEventSink(f -> System.err.println("failed: " + f.reason())).build();
    try (SegmentCollector collector = SegmentCollector.start(pipeline, Set.of(key),
        new InetSocketAddress("127.0.0.1", 0), serverThreads)) {
      ExecutorService clientThreads = Executors.newFixedThreadPool(clients);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
      URI uri = URI.create("http://127.0.0.1:" + collector.port() + "/v1/batch");
      String auth = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
      long batches = (events + batchSize - 1) / batchSize;
      AtomicLong next = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long t0 = System.nanoTime();
      List<Future<Long>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> post(http, uri, auth, next, batches, batchSize, visitors)));
      }
      long posted = 0;
      for (Future<Long> f : done) {
        posted += f.get();
      }
      long tPosted = System.nanoTime();
      pipeline.flush();
      long tSessionized = System.nanoTime();
      pool.shutdown();
      clientThreads.shutdown();
      PipelineStats before = pipeline.stats();
      pipeline.close();
      long tClosed = System.nanoTime();
      PipelineStats after = pipeline.stats();
      System.out.printf("events posted %,d in %,d batches of %d; %d client threads, %d server threads, %,d visitors%n",
          posted, batches, batchSize, clients, serverThreads, visitors);
      System.out.printf("posted: %.2f s; sessionized: %.2f s -> %,.0f events/s (HTTP to sessionizer)%n",
          (tPosted - t0) / 1e9, (tSessionized - t0) / 1e9, posted / ((tSessionized - t0) / 1e9));
      System.out.printf("all sessions ended, profiles updated: %.2f s -> %,.0f events/s%n", (tClosed - t0) / 1e9,
          posted / ((tClosed - t0) / 1e9));
      System.out.println("before close: " + before);
      System.out.println("after close:  " + after);
    }
  }

  private static long post(HttpClient http, URI uri, String auth, AtomicLong next, long batches, int batchSize,
      int visitors) throws IOException, InterruptedException {
    long sent = 0;
    StringBuilder b = new StringBuilder(batchSize * 300);
    for (long n = next.getAndIncrement(); n < batches; n = next.getAndIncrement()) {
      String now = Instant.now().toString();
      b.setLength(0);
      b.append("{\"sentAt\":\"").append(now).append("\",\"batch\":[");
      for (int i = 0; i < batchSize; i++) {
        long id = n * batchSize + i;
        int visitor = (int) (id % visitors);
        String path = PATHS[(int) ((id / visitors) % PATHS.length)];
        b.append(i == 0 ? "" : ",").append("{\"type\":\"page\",\"messageId\":\"ld-").append(id)
            .append("\",\"anonymousId\":\"visitor-").append(visitor).append("\",\"timestamp\":\"").append(now)
            .append("\",\"context\":{\"page\":{\"path\":\"").append(path).append("\",\"url\":\"https://shop.example")
            .append(path).append("\"},\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0\",")
            .append("\"library\":{\"name\":\"analytics.js\",\"version\":\"npm:next-1.76.0\"}}}");
      }
      b.append("]}");
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("batch " + n + ": HTTP " + r.statusCode() + " " + r.body());
      }
      sent += batchSize;
    }
    return sent;
  }
}
