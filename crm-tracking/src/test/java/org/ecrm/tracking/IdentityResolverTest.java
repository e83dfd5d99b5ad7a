package org.ecrm.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.pipeline.TrackingPipeline;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.SessionSink;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
  static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

  static TrackingEvent.Builder ev(EventType type, String id, Instant at) {
    return TrackingEvent.builder(type).messageId(id).timestamp(at);
  }

  @Test
  void identify_linksAnonymousIdToUser_andUserToCrmCustomer() {
    Crm crm = Crm.builder().build();
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace")
        .externalId(ExternalId.WEB_USER, "u-42"));
    IdentityResolver r = IdentityResolver.forCustomers(crm.customers());
    TrackingEvent page = ev(EventType.PAGE, "1", T).anonymousId("cookie-1").build();
    assertThat(r.observe(page)).isEqualTo(IdentityResolver.Outcome.UNCHANGED);
    assertThat(r.visitorOf(page)).isEqualTo("cookie-1");
    assertThat(r.observe(ev(EventType.IDENTIFY, "2", T.plusSeconds(60)).anonymousId("cookie-1").userId("u-42").build()))
        .isEqualTo(IdentityResolver.Outcome.LINKED);
    assertThat(r.userFor("cookie-1")).contains("u-42");
    assertThat(r.visitorOf(page)).as("history before identify is stitched").isEqualTo("u-42");
    assertThat(r.anonymousIdsOf("u-42")).containsExactly("cookie-1");
    assertThat(r.customerFor("u-42")).contains(ada.id());
    assertThat(r.customerFor("u-unknown")).isEmpty();
    assertThat(r.customerFor("undefined")).as("placeholders never resolve").isEmpty();
  }

  @Test
  void alias_linksPreviousAnonymousId_butNeverMergesTwoKnownUsers() {
    IdentityResolver r = IdentityResolver.standalone();
    r.observe(ev(EventType.IDENTIFY, "1", T).anonymousId("a1").userId("alice").build());
    r.observe(ev(EventType.IDENTIFY, "2", T).anonymousId("b1").userId("bob").build());
    assertThat(r.observe(ev(EventType.ALIAS, "3", T).previousId("device-9").userId("alice").build()))
        .isEqualTo(IdentityResolver.Outcome.LINKED);
    assertThat(r.userFor("device-9")).contains("alice");
    assertThat(r.observe(ev(EventType.ALIAS, "4", T).previousId("bob").userId("alice").build()))
        .isEqualTo(IdentityResolver.Outcome.CONFLICT);
    assertThat(r.anonymousIdsOf("alice")).containsExactlyInAnyOrder("a1", "device-9");
    assertThat(r.anonymousIdsOf("bob")).containsExactly("b1");
    assertThat(r.conflicts()).singleElement().asString().contains("refused to merge known user ids \"bob\" and \"alice\"");
    assertThat(r.observe(ev(EventType.IDENTIFY, "5", T).anonymousId("alice").userId("bob").build()))
        .as("a known user id is never used as an anonymous id").isEqualTo(IdentityResolver.Outcome.CONFLICT);
  }

  @Test
  void sharedDevice_attributesAnonymousEventsToTheUserOfTheirTime() {
    IdentityResolver r = IdentityResolver.standalone();
    r.observe(ev(EventType.IDENTIFY, "1", T.plus(Duration.ofHours(1))).anonymousId("family-pc").userId("mum").build());
    r.observe(ev(EventType.IDENTIFY, "2", T.plus(Duration.ofHours(5))).anonymousId("family-pc").userId("son").build());
    assertThat(r.userFor("family-pc", T)).as("before any identify: first user").contains("mum");
    assertThat(r.userFor("family-pc", T.plus(Duration.ofHours(2)))).contains("mum");
    assertThat(r.userFor("family-pc", T.plus(Duration.ofHours(6)))).contains("son");
    assertThat(r.userFor("family-pc")).contains("son");
    assertThat(r.linksOf("family-pc")).extracting(IdentityLink::userId).containsExactly("mum", "son");
    assertThat(r.anonymousIdsOf("mum")).containsExactly("family-pc");
    assertThat(r.anonymousIdsOf("son")).containsExactly("family-pc");
  }

  @Test
  void erase_removesEventsSessionsAndLinksOfTheUserOnly() {
    IdentityResolver r = IdentityResolver.standalone();
    InMemoryEventSink events = EventSink.inMemory();
    InMemorySessionSink sessions = SessionSink.inMemory();
    try (TrackingPipeline p = TrackingPipeline.builder().clock(Clock.fixed(T, ZoneOffset.UTC)).identityResolver(r)
        .eventSink(events).sessionSink(sessions).build()) {
      p.track(ev(EventType.PAGE, "1", T).anonymousId("c-eve").build());
      p.track(ev(EventType.IDENTIFY, "2", T).anonymousId("c-eve").userId("eve").build());
      p.track(ev(EventType.IDENTIFY, "3", T).anonymousId("shared").userId("eve").build());
      p.track(ev(EventType.IDENTIFY, "4", T).anonymousId("shared").userId("dan").build());
      p.track(ev(EventType.PAGE, "5", T).anonymousId("c-dan").userId("dan").build());
    }
    // c-eve's page view and identify are one session of eve; the shared device's is dan's (the latest link)
    assertThat(sessions.sessions()).extracting(x -> x.visitorId()).containsExactlyInAnyOrder("eve", "dan", "dan");

    ErasureReport report = r.erase("eve", List.of(events), List.of(sessions));
    assertThat(report.ids()).containsExactlyInAnyOrder("eve", "c-eve");
    assertThat(report.links()).isEqualTo(2);
    assertThat(report.events()).isEqualTo(3);
    assertThat(report.sessions()).isEqualTo(1);
    assertThat(events.events()).extracting(TrackingEvent::messageId).containsExactly("4", "5");
    assertThat(sessions.sessions()).extracting(x -> x.visitorId()).containsExactly("dan", "dan");
    assertThat(r.anonymousIdsOf("eve")).isEmpty();
    assertThat(r.userFor("c-eve")).isEmpty();
    assertThat(r.userFor("shared")).as("the other user of a shared device keeps their link").contains("dan");
  }

  @Test
  void ipMasking_masksIpv4OctetsAndIpv6Bits() {
    assertThat(new IpMasking(1, 80).mask("203.0.113.77")).isEqualTo("203.0.113.0");
    assertThat(new IpMasking(2, 80).mask("203.0.113.77")).isEqualTo("203.0.0.0");
    assertThat(new IpMasking(1, 80).mask("2001:db8:85a3:1234:5678:8a2e:370:7334")).isEqualTo("2001:db8:85a3::");
    assertThat(new IpMasking(1, 64).mask("2001:db8:85a3:1234:5678:8a2e:370:7334")).isEqualTo("2001:db8:85a3:1234::");
    assertThat(new IpMasking(1, 80).mask("::ffff:10.1.2.3")).isEqualTo("10.1.2.0");
    assertThat(new IpMasking(1, 80).mask("not-an-ip")).isEqualTo("0.0.0.0");
    assertThat(new IpMasking(1, 80).mask("999.1.1.1")).isEqualTo("0.0.0.0");
    assertThat(IpMasking.NONE.mask("203.0.113.77")).isEqualTo("203.0.113.77");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IpMasking(3, 80))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ipv4Octets must be 0, 1 or 2: 3");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IpMasking(1, 129))
        .hasMessage("ipv6Bits must be between 0 and 128: 129");
  }

  @Test
  void erase_alsoForgetsBufferedAndFailedEvents() throws Exception {
    IdentityResolver r = IdentityResolver.standalone();
    InMemoryEventSink delivered = EventSink.inMemory();
    FailedEventSink.Recorded failures = FailedEventSink.inMemory();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
    try (Tracker t = Tracker.builder().batchSize(1).failedEventSink(failures).identityResolver(r).sink(b -> {
      blocked.countDown();
      release.await(); // the first batch holds the delivery thread: later events stay buffered
      delivered.deliver(b);
    }).build()) {
      t.track(ev(EventType.PAGE, "1", T).anonymousId("c-dan").userId("dan").build());
      assertThat(blocked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      t.track(ev(EventType.IDENTIFY, "2", T).anonymousId("c-eve").userId("eve").build());
      t.track(ev(EventType.PAGE, "3", T).anonymousId("c-eve").build());
      t.track(ev(EventType.PAGE, "4", T).anonymousId("c-dan").build());
      t.track("{\"type\":\"page\",\"userId\":\"eve\""); // broken JSON: kept as a failure with its text
      assertThat(failures.events()).hasSize(1);
      assertThat(t.metrics().toString()).isNotEmpty();
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        release.countDown();
      });
      r.observe(ev(EventType.IDENTIFY, "2", T).anonymousId("c-eve").userId("eve").build());
      releaser.start();
      ErasureReport report = r.erase("eve", List.of(delivered), List.of(), List.of(t), List.of(failures));
      releaser.join();
      assertThat(t.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(report.events()).as("two buffered, one failed").isEqualTo(3);
      assertThat(failures.events()).isEmpty();
      assertThat(delivered.events()).extracting(TrackingEvent::messageId).containsExactly("1", "4");
      assertThat(delivered.events().toString()).doesNotContain("eve");
    }
  }
}
