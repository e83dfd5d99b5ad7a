package org.ecrm.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.CampaignReport;
import org.ecrm.core.interact.CampaignSpec;
import org.ecrm.core.interact.ContactRules;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.MessageChannel;
import org.ecrm.core.interact.Outcome;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.LawfulBasis;
import org.junit.jupiter.api.Test;

class CampaignResponsesTest {
  static final Instant T = Instant.parse("2024-03-04T10:00:00Z");

  @Test
  void emailEventsAndUtmLandings_becomeOpensAndClicks_ofTheRightCustomer() {
    Crm crm = Crm.builder().clock(Clock.fixed(T, ZoneOffset.UTC)).discoverStorage(false).build();
    Customer ada = crm.customers().create(Customer.builder().id("ada").name("Ada", "L").email("ada@example.com")
        .externalId(ExternalId.WEB_USER, "u-42"));
    crm.customers().create(Customer.builder().id("bob").name("Bob", "B").email("bob@example.com")
        .externalId(ExternalId.WEB_USER, "u-7"));
    crm.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "form");
    Interact interact = Interact.builder(crm).channel(MessageChannel.inMemory(Channel.EMAIL))
        .rules(ContactRules.permissive()).build();
    interact.send(CampaignSpec.builder("spring", "newsletter").channels(Channel.EMAIL).build());
    IdentityResolver ids = IdentityResolver.forCustomers(crm.customers());
    ids.observe(TrackingEvent.builder(EventType.IDENTIFY).messageId("i1").timestamp(T).anonymousId("cookie-1")
        .userId("u-42").build());
    CampaignResponses feed = CampaignResponses.of(interact, ids);

    assertThat(feed.accept(TrackingEvent.builder(EventType.TRACK).messageId("e1").timestamp(T.plusSeconds(60))
        .userId("u-42").name("Email Opened").properties(Map.of("campaign_id", "spring")).build()))
        .contains(Outcome.OPENED);
    assertThat(feed.accept(TrackingEvent.builder(EventType.PAGE).messageId("e2").timestamp(T.plusSeconds(90))
        .anonymousId("cookie-1").context(EventContext.page(
            "https://shop.example/garden?utm_source=crm&utm_medium=email&utm_campaign=spring", "/garden", ""))
        .build())).contains(Outcome.CLICKED);
    // not a response: a plain page, another campaign, a customer who was not sent it, an unknown visitor
    assertThat(feed.accept(TrackingEvent.builder(EventType.PAGE).messageId("e3").timestamp(T.plusSeconds(95))
        .userId("u-42").context(EventContext.page("https://shop.example/garden", "/garden", "")).build())).isEmpty();
    assertThat(feed.accept(TrackingEvent.builder(EventType.TRACK).messageId("e4").timestamp(T.plusSeconds(99))
        .userId("u-42").name("Email Opened").properties(Map.of("campaign_id", "autumn")).build())).isEmpty();
    assertThat(feed.accept(TrackingEvent.builder(EventType.TRACK).messageId("e5").timestamp(T.plusSeconds(99))
        .userId("u-7").name("Email Opened").properties(Map.of("campaign_id", "spring")).build())).isEmpty();
    assertThat(feed.accept(TrackingEvent.builder(EventType.TRACK).messageId("e6").timestamp(T.plusSeconds(99))
        .anonymousId("stranger").name("Email Link Clicked").properties(Map.of("campaign_id", "spring")).build()))
        .isEmpty();

    assertThat(feed.recorded()).isEqualTo(2);
    assertThat(feed.unmatched()).isEqualTo(4);
    CampaignReport report = interact.report("spring");
    assertThat(report.cells()).singleElement().satisfies(c -> {
      assertThat(c.contacted()).isEqualTo(1);
      assertThat(c.opened()).isEqualTo(1);
      assertThat(c.clicked()).isEqualTo(1);
    });
  }
}
