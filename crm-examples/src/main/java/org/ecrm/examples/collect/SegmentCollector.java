package org.ecrm.examples.collect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.BatchResult;
import org.ecrm.tracking.EventCodec;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.InvalidEventException;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.Rejection;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.pipeline.TrackingPipeline;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP collector for the Segment tracking API on the JDK's HTTP server, feeding a
 * {@link TrackingPipeline}: the endpoints {@code POST /v1/track}, {@code /v1/page}, {@code /v1/screen},
 * {@code /v1/identify}, {@code /v1/alias}, {@code /v1/group} (one event; its {@code type} may be left out,
 * the path gives it) and {@code /v1/batch} (also {@code /v1/import}: {@code {"batch":[...]}}), so
 * analytics.js, the Segment server libraries and anything that speaks their HTTP API can send here.
 *
 * <p>Replies, as Segment gives them: {@code 200 {"success":true}} once the events are accepted (a batch
 * with some bad events keeps the good ones, replies 200 and says how many were rejected; every rejection
 * is in the pipeline's failed-events sink with its reason and payload); {@code 400} with a message for
 * JSON that is not an event or a batch, and for a body over 32 KB (one event) or 500 KB (a batch) —
 * Segment answers an over-size request with 400, not 413, and its clients treat any 4xx other than 429
 * as final (no retry), so 400 is what they expect; {@code 401} without HTTP basic authentication whose
 * user is one of the write keys (password empty); {@code 503} when the tracker's buffer is full (clients
 * retry 5xx); {@code 404} and {@code 405} for other paths and methods. A body with
 * {@code Content-Encoding: gzip} is unpacked, the limits applying to the unpacked bytes.
 *
 * <pre>{@code
 * try (TrackingPipeline pipeline = TrackingPipeline.builder().customers(crm.customers()).build();
 *     SegmentCollector collector = SegmentCollector.start(pipeline, Set.of("my-write-key"),
 *         new InetSocketAddress(8088), 4)) {
 *   // curl -u my-write-key: -H 'Content-Type: application/json' localhost:8088/v1/track \
 *   //   -d '{"userId":"u-1","event":"Signed Up","timestamp":"2026-12-04T12:00:00Z","messageId":"m-1"}'
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served by a fixed pool of threads, each tracking into the thread-safe
 * pipeline.
 */
public final class SegmentCollector implements AutoCloseable {
  /** The largest body of a one-event request, as Segment: 32 KB. */
  public static final int MAX_EVENT_BYTES = EventCodec.DEFAULT_MAX_EVENT_BYTES;
  /** The largest body of a batch request, as Segment: 500 KB. */
  public static final int MAX_BATCH_BYTES = EventCodec.DEFAULT_MAX_BATCH_BYTES;

  private static final Map<String, EventType> ONE_EVENT = Map.of("/v1/track", EventType.TRACK, "/v1/page",
      EventType.PAGE, "/v1/screen", EventType.SCREEN, "/v1/identify", EventType.IDENTIFY, "/v1/alias",
      EventType.ALIAS, "/v1/group", EventType.GROUP);
  private static final Set<String> BATCH = Set.of("/v1/batch", "/v1/import");
  /** An over-size body is read on and discarded up to this many bytes, so that the client gets the reply. */
  private static final long DRAIN_LIMIT = 8L << 20;
  private static final byte[] SUCCESS = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

  private final TrackingPipeline pipeline;
  private final List<byte[]> writeKeys;
  private final HttpServer server;
  private final ExecutorService workers;

  private SegmentCollector(TrackingPipeline pipeline, Set<String> writeKeys, InetSocketAddress address, int threads)
      throws IOException {
    this.pipeline = pipeline;
    this.writeKeys = writeKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ecrm-collector");
      t.setDaemon(true);
      return t;
    });
    this.server = HttpServer.create(address, 0);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a collector on {@code address} (port 0: any free port) that serves with {@code threads} threads.
   *
   * @throws IllegalArgumentException if there is no write key, a blank one, or fewer than one thread
   * @throws IOException if the address cannot be bound
   */
  public static SegmentCollector start(TrackingPipeline pipeline, Set<String> writeKeys, InetSocketAddress address,
      int threads) throws IOException {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(address, "address");
    if (writeKeys.isEmpty() || writeKeys.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("writeKeys must be non-blank and at least one: " + writeKeys);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    return new SegmentCollector(pipeline, writeKeys, address, threads);
  }

  /**
   * Asks the JDK's HTTP server to send replies without Nagle's delay (system property
   * {@code sun.net.httpserver.nodelay}; the JDK reads it once, when the first server is made, so call this
   * first or pass {@code -Dsun.net.httpserver.nodelay=true}). Without it each request of a client that
   * keeps its connection open waits for the TCP delayed acknowledgement: about 40 ms on Linux.
   * Leaves a value the host set alone.
   */
  public static void noDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** The port the collector listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      EventType type = ONE_EVENT.get(path);
      boolean batch = BATCH.contains(path);
      if (type == null && !batch) {
        reply(exchange, 404, "no such endpoint: " + path);
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        reply(exchange, 405, "use POST, not " + exchange.getRequestMethod());
        return;
      }
      if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"write key\"");
        reply(exchange, 401, "missing or unknown write key (HTTP basic authentication, the write key as user)");
        return;
      }
      int limit = batch ? MAX_BATCH_BYTES : MAX_EVENT_BYTES;
      byte[] body = read(exchange, limit);
      if (body == null) {
        reply(exchange, 400, "request body larger than " + limit + " bytes");
        return;
      }
      if (batch) {
        batch(exchange, body);
      } else {
        one(exchange, type, body);
      }
    } catch (IOException | RuntimeException e) {
      reply(exchange, 500, "collector error: " + e.getMessage());
    }
  }

  private void batch(HttpExchange exchange, byte[] body) throws IOException {
    BatchResult r = pipeline.trackBatch(body);
    List<Rejection> rejected = r.rejected();
    if (rejected.size() == 1 && rejected.get(0).index() < 0) {
      reply(exchange, 400, rejected.get(0).field() + ": " + rejected.get(0).reason());
    } else if (rejected.isEmpty()) {
      send(exchange, 200, SUCCESS);
    } else {
      send(exchange, 200, ("{\"success\":true,\"rejected\":" + rejected.size() + "}").getBytes(StandardCharsets.UTF_8));
    }
  }

  private void one(HttpExchange exchange, EventType type, byte[] body) throws IOException {
    byte[] typed = body;
    TrackingEvent event;
    try {
      try {
        event = pipeline.codec().decode(body);
      } catch (InvalidEventException e) {
        if (!e.field().equals("type") || !e.reason().equals("is required")) {
          throw e;
        }
        typed = withType(body, type); // the path gives the type
        event = pipeline.codec().decode(typed);
      }
    } catch (InvalidEventException e) {
      // tracked as text only to be counted and kept, with the reason, in the failed-events sink
      pipeline.track(new String(typed, StandardCharsets.UTF_8));
      reply(exchange, 400, e.getMessage());
      return;
    }
    if (event.type() != type) { // the client gets the reason; nothing was tracked
      reply(exchange, 400, "type: this endpoint takes " + name(type) + " events, got " + name(event.type()));
      return;
    }
    TrackResult r = pipeline.track(event);
    switch (r) {
      case ACCEPTED, DUPLICATE, NO_CONSENT -> send(exchange, 200, SUCCESS);
      case BUFFER_FULL -> reply(exchange, 503, "busy: the tracker's buffer is full; retry later");
      case INVALID -> reply(exchange, 400, "invalid event (see the collector's failed events)");
    }
  }

  private static String name(EventType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static byte[] withType(byte[] body, EventType type) {
    String text = new String(body, StandardCharsets.UTF_8).stripLeading();
    if (!text.startsWith("{")) {
      return body; // not an object: the codec says so
    }
    String rest = text.substring(1).stripLeading();
    String field = "\"type\":\"" + name(type) + "\"";
    return ("{" + field + (rest.startsWith("}") ? "" : ",") + rest).getBytes(StandardCharsets.UTF_8);
  }

  private boolean authorised(@Nullable String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(header.substring(6).strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    String credentials = new String(decoded, StandardCharsets.UTF_8);
    int colon = credentials.indexOf(':');
    byte[] key = (colon < 0 ? credentials : credentials.substring(0, colon)).getBytes(StandardCharsets.UTF_8);
    boolean ok = false;
    for (byte[] k : writeKeys) {
      ok |= MessageDigest.isEqual(k, key); // constant time per key
    }
    return ok;
  }

  /** The body, unpacked if gzip, or null if longer than {@code limit}. */
  private static byte @Nullable [] read(HttpExchange exchange, int limit) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
    if (!gzip && length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > DRAIN_LIMIT) {
      return null; // not read at all: the client may see the connection closed before the reply
    }
    InputStream raw = exchange.getRequestBody();
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          // read on (up to DRAIN_LIMIT, discarding) so that the client gets the 400 rather than a reset
          while (total <= DRAIN_LIMIT && (n = raw.read(buf)) > 0) {
            total += n;
          }
          return null;
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static void reply(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, ("{\"success\":false,\"message\":\"" + escape(message) + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Stops serving (within a second for requests in flight); the pipeline belongs to the caller. */
  @Override
  public void close() {
    server.stop(1);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs a collector on {@code args[0]} (default 8088) with the write key {@code args[1]} (default
   * {@code dev-write-key}), IPs masked, one customer ({@code u-1}), until stopped; every minute it prints
   * the pipeline's counters.
   *
   * @throws IOException if the port cannot be bound
   * @throws InterruptedException if interrupted while running
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    noDelay();
    Crm crm = Crm.builder().discoverStorage(false).build();
    crm.customers().create(Customer.builder().name("Ada", "Lovelace").externalId(ExternalId.WEB_USER, "u-1"));
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8088;
    String key = args.length > 1 ? args[1] : "dev-write-key";
    try (TrackingPipeline pipeline = TrackingPipeline.builder().customers(crm.customers())
        .tracker(t -> t.ipMasking(IpMasking.DEFAULT)).build();
        SegmentCollector collector = start(pipeline, Set.of(key), new InetSocketAddress(port), 4)) {
      System.out.println("Segment collector on http://localhost:" + collector.port() + "/v1/batch (write key "
          + key + ")");
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(60_000);
        System.out.println(pipeline.stats());
      }
    }
  }
}
