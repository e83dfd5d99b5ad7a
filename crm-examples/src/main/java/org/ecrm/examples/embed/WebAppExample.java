package org.ecrm.examples.embed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.EventContext;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.InMemoryEventSink;
import org.ecrm.tracking.Tracker;
import org.ecrm.tracking.TrackingEvent;

/**
 * Embedding in a web application's request handler, framework-free on the JDK's HTTP server: each
 * request reads the anonymous-id cookie (setting one on the first visit), records a page view through
 * the {@link Tracker}, and recognises the visitor: cookie → signed-in user (stitched by the
 * {@link IdentityResolver} when the visitor signed in with {@code ?login=USER}) → customer (by the
 * customer's {@link ExternalId#WEB_USER} identity) → a personalised greeting with the customer's RFM
 * segment tag, if the nightly job wrote one.
 *
 * <pre>{@code
 * java -cp crm-examples/target/ecrm.jar org.ecrm.examples.embed.WebAppExample 8080
 * curl -c jar -b jar localhost:8080/candles/lantern; curl -c jar -b jar 'localhost:8080/?login=u-1'
 * }</pre>
 *
 * <p>Thread-safe: the server runs handlers on its own threads; {@link Crm}, {@link Tracker} and
 * {@link IdentityResolver} are thread-safe.
 */
public final class WebAppExample implements AutoCloseable {
  /** The cookie holding the anonymous visitor id. */
  public static final String COOKIE = "ecrm_aid";

  private final Crm crm;
  private final Tracker tracker;
  private final IdentityResolver identity;
  private final Clock clock;
  private final HttpServer server;

  /**
   * Starts a server on {@code port} (0 = any free port) that tracks into {@code tracker}; the tracker must
   * have been built with {@code identity} as its identity resolver, so sign-ins are stitched as they are tracked.
   */
  public WebAppExample(Crm crm, Tracker tracker, IdentityResolver identity, Clock clock, int port) throws IOException {
    this.crm = crm;
    this.tracker = tracker;
    this.identity = identity;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Optional<String> cookie = anonymousId(exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
      String anonymousId = cookie.orElseGet(() -> UUID.randomUUID().toString());
      if (cookie.isEmpty()) {
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + anonymousId + "; Path=/; HttpOnly; SameSite=Lax");
      }
      String login = query(uri, "login");
      if (login != null) {
        tracker.track(TrackingEvent.builder(EventType.IDENTIFY).messageId(UUID.randomUUID().toString())
            .anonymousId(anonymousId).userId(login).timestamp(clock.instant()).build());
      }
      String path = uri.getPath();
      String host = exchange.getRequestHeaders().getFirst("Host");
      tracker.track(TrackingEvent.builder(EventType.PAGE).messageId(UUID.randomUUID().toString())
          .anonymousId(anonymousId).timestamp(clock.instant())
          .context(EventContext.page("http://" + (host == null ? "localhost" : host) + uri, path, ""))
          .build());
      byte[] body = (greeting(anonymousId) + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The greeting for a visitor: by name and segment when the cookie leads to a customer. */
  String greeting(String anonymousId) {
    Optional<Customer> customer = identity.userFor(anonymousId).flatMap(identity::customerFor)
        .flatMap(crm.customers()::get);
    if (customer.isEmpty()) {
      return "Hello, visitor!";
    }
    Customer c = customer.get();
    String segment = c.tags().stream().filter(t -> t.startsWith(NightlySegmentation.TAG_PREFIX))
        .map(t -> t.substring(NightlySegmentation.TAG_PREFIX.length())).findFirst().orElse("not yet segmented");
    return "Welcome back, " + c.name().given() + "! (segment: " + segment + ")";
  }

  private static Optional<String> anonymousId(List<String> cookieHeaders) {
    for (String header : cookieHeaders) {
      for (String part : header.split(";")) {
        String p = part.strip();
        if (p.startsWith(COOKIE + "=") && p.length() > COOKIE.length() + 1) {
          return Optional.of(p.substring(COOKIE.length() + 1));
        }
      }
    }
    return Optional.empty();
  }

  private static @org.jspecify.annotations.Nullable String query(URI uri, String name) {
    String q = uri.getQuery();
    if (q == null) {
      return null;
    }
    for (String kv : q.split("&")) {
      if (kv.startsWith(name + "=") && kv.length() > name.length() + 1) {
        return kv.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** Stops the server (the tracker and CRM belong to the caller). */
  @Override
  public void close() {
    server.stop(0);
  }

  /** Runs the example on {@code args[0]} (default 8080) with one customer, {@code u-1}, until stopped. */
  public static void main(String[] args) throws IOException {
    Crm crm = Crm.builder().discoverStorage(false).build();
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com")
        .externalId(ExternalId.WEB_USER, "u-1"));
    crm.orders().place(Order.builder(ada.id()).line("BOOK-1", 1, Money.of("12.50", "EUR")));
    IdentityResolver identity = IdentityResolver.forCustomers(crm.customers());
    InMemoryEventSink events = EventSink.inMemory();
    Tracker tracker = Tracker.builder().sink(events).identityResolver(identity).build();
    WebAppExample app = new WebAppExample(crm, tracker, identity, Clock.systemUTC(),
        args.length > 0 ? Integer.parseInt(args[0]) : 8080);
    System.out.println("listening on http://localhost:" + app.port() + "/ (try ?login=u-1)");
  }
}
