package org.ecrm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.InMemoryEventSink;
import org.ecrm.tracking.Tracker;
import org.ecrm.tracking.TrackingEvent;
import org.junit.jupiter.api.Test;

class WebAppExampleTest {
  /** A response: status, Set-Cookie header (or null), body. */
  private record Response(int statusCode, @org.jspecify.annotations.Nullable String setCookie, String body) {
  }

  // HttpURLConnection (java.base) so the test needs no extra module on the module path
  private static Response get(int port, String pathAndQuery, String cookie) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + pathAndQuery).toURL()
        .openConnection();
    if (!cookie.isEmpty()) {
      c.setRequestProperty("Cookie", cookie);
    }
    try {
      int status = c.getResponseCode();
      String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Response(status, c.getHeaderField("Set-Cookie"), body);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void aVisitorIsRecognisedAfterSigningIn_onLaterPagesByCookieAlone_andEveryPageViewIsTracked() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    Crm crm = Crm.builder().clock(clock).discoverStorage(false).build();
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com")
        .externalId(ExternalId.WEB_USER, "u-1"));
    crm.customers().tag(ada.id(), NightlySegmentation.tagOf("Champions"));
    IdentityResolver identity = IdentityResolver.forCustomers(crm.customers());
    InMemoryEventSink events = EventSink.inMemory();
    try (Tracker tracker = Tracker.builder().sink(events).identityResolver(identity).clock(clock).build();
        WebAppExample app = new WebAppExample(crm, tracker, identity, clock, 0)) {
      Response first = get(app.port(), "/candles/lantern", "");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("Hello, visitor!\n");
      String setCookie = java.util.Objects.requireNonNull(first.setCookie());
      assertThat(setCookie).startsWith(WebAppExample.COOKIE + "=").contains("HttpOnly");
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      String anonymousId = cookie.substring(cookie.indexOf('=') + 1);

      assertThat(get(app.port(), "/account?login=u-1", cookie).body())
          .isEqualTo("Welcome back, Ada! (segment: champions)\n");
      Response later = get(app.port(), "/kitchen/cake-tin", "theme=dark; " + cookie);
      assertThat(later.body()).isEqualTo("Welcome back, Ada! (segment: champions)\n");
      assertThat(later.setCookie()).isNull();
      assertThat(get(app.port(), "/kitchen/cake-tin", "").body()).isEqualTo("Hello, visitor!\n");

      assertThat(tracker.flush()).isTrue();
      List<TrackingEvent> pages = events.events().stream().filter(e -> e.type() == EventType.PAGE).toList();
      assertThat(pages).extracting(e -> e.context().pagePath().orElseThrow())
          .containsExactly("/candles/lantern", "/account", "/kitchen/cake-tin", "/kitchen/cake-tin");
      assertThat(pages.subList(0, 3)).allSatisfy(e -> assertThat(e.anonymousId()).contains(anonymousId));
      assertThat(pages.get(3).anonymousId()).isPresent().isNotEqualTo(java.util.Optional.of(anonymousId));
      assertThat(events.events().stream().filter(e -> e.type() == EventType.IDENTIFY)).hasSize(1);
      assertThat(identity.customerFor("u-1")).contains(ada.id());
    }
  }
}
