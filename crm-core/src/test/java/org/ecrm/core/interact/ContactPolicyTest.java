package org.ecrm.core.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.interact.ContactDecision.Code;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {
  private final Fixture f = new Fixture();
  private final CustomerId ada = CustomerId.of("ada");

  private void sent(Channel channel, Instant at) {
    f.crm.interactions().record(Interaction.builder(ada, channel, InteractionType.CAMPAIGN_MESSAGE)
        .direction(Direction.OUTBOUND).occurredAt(at));
  }

  @Test
  void consentedCustomer_isAllowed() {
    f.customer("ada", "Ada");
    ContactDecision d = f.builder().build().decide(ada, Channel.EMAIL, "newsletter");
    assertThat(d.allowed()).isTrue();
    assertThat(d.reasons()).isEmpty();
    assertThat(d.at()).isEqualTo(Fixture.START);
  }

  @Test
  void everyReasonIsReported_notOnlyTheFirst() {
    f.crm.customers().create(Customer.builder().id("ada").name("Ada", "L"));
    f.crm.preferences().update(ada, p -> p.withChannels(List.of(Channel.EMAIL)), "form");
    Interact ix = f.builder().build();
    ix.suppressions().add(new SuppressionList.Suppression(ada, Optional.of(Channel.SMS),
        SuppressionList.Reason.COMPLAINED, "spam report", Fixture.START));

    ContactDecision d = ix.decide(ada, Channel.SMS, "newsletter");

    assertThat(d.allowed()).isFalse();
    assertThat(d.reasons()).extracting(ContactDecision.Reason::code)
        .containsExactly(Code.SUPPRESSED, Code.NO_CONSENT, Code.NO_ADDRESS, Code.NOT_A_STATED_CHANNEL);
    assertThat(d.reasons().get(0).detail()).contains("COMPLAINED on SMS").contains("spam report");
    assertThat(d.reasons().get(1).detail()).isEqualTo("no consent given for 'newsletter' on SMS");
    assertThat(d.reasons().get(2).detail()).isEqualTo("no phone number");
  }

  @Test
  void withdrawnConsent_saysSince() {
    f.customer("ada", "Ada");
    f.crm.consents().withdraw(ada, Channel.EMAIL, "newsletter", "unsubscribe link");
    ContactDecision d = f.builder().build().decide(ada, Channel.EMAIL, "newsletter");
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(Code.NO_CONSENT);
      assertThat(r.detail()).startsWith("consent for 'newsletter' on EMAIL is WITHDRAWN since");
    });
  }

  @Test
  void channelCap_countsOutboundMessagesInTheRollingWindow() {
    f.customer("ada", "Ada");
    Interact ix = f.builder().rules(ContactRules.defaults()).build(); // 2 e-mails / 7 days, 3 overall
    sent(Channel.EMAIL, Fixture.START.minus(Duration.ofDays(8))); // outside the window
    sent(Channel.EMAIL, Fixture.START.minus(Duration.ofDays(6)));
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter").allowed()).isTrue();
    sent(Channel.EMAIL, Fixture.START.minus(Duration.ofDays(1)));

    ContactDecision d = ix.decide(ada, Channel.EMAIL, "newsletter");
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(Code.CHANNEL_CAP);
      assertThat(r.detail()).isEqualTo("2 EMAIL messages in the last 7 days, cap 2");
    });
    assertThat(ix.decide(ada, Channel.SMS, "newsletter").allowed()).isTrue();
    // a day later the older one leaves the window
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter", Fixture.START.plus(Duration.ofDays(1))).allowed()).isTrue();
  }

  @Test
  void overallCap_spansChannels() {
    f.customer("ada", "Ada");
    Interact ix = f.builder().rules(ContactRules.permissive().withOverallCap(2, Duration.ofDays(7))).build();
    sent(Channel.EMAIL, Fixture.START.minus(Duration.ofDays(2)));
    sent(Channel.SMS, Fixture.START.minus(Duration.ofDays(1)));
    ContactDecision d = ix.decide(ada, Channel.EMAIL, "newsletter");
    assertThat(d.reasons()).extracting(ContactDecision.Reason::code).containsExactly(Code.OVERALL_CAP);
    assertThat(d.reasons().get(0).detail()).isEqualTo("2 messages in the last 7 days, cap 2");
  }

  @Test
  void statedFrequency_andNever_areHonoured() {
    f.customer("ada", "Ada");
    Interact ix = f.builder().rules(ContactRules.permissive()).build();
    f.crm.preferences().update(ada, p -> p.withFrequency(ContactFrequency.WEEKLY), "form");
    sent(Channel.SMS, Fixture.START.minus(Duration.ofDays(3)));
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter").reasons()).extracting(ContactDecision.Reason::code)
        .containsExactly(Code.STATED_FREQUENCY);
    f.crm.preferences().update(ada, p -> p.withFrequency(ContactFrequency.MONTHLY), "form");
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter").deniedFor(Code.STATED_FREQUENCY)).isTrue();
    f.crm.preferences().update(ada, p -> p.withFrequency(ContactFrequency.DAILY), "form");
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter").allowed()).isTrue();
    f.crm.preferences().update(ada, p -> p.withFrequency(ContactFrequency.NEVER), "form");
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter").reasons()).singleElement()
        .satisfies(r -> assertThat(r.detail()).isEqualTo("the customer asked never to be contacted"));
  }

  @Test
  void quietHours_areLocalToTheCustomer() {
    f.customer("ada", "Ada");
    Interact ix = f.builder().rules(ContactRules.permissive().withQuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
        .build();
    // 10:00 UTC is 19:00 in Tokyo: fine; 13:00 UTC is 22:00 in Tokyo: quiet
    f.crm.preferences().update(ada, p -> p.withLocale("ja-JP", ZoneId.of("Asia/Tokyo")), "form");
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter").allowed()).isTrue();
    ContactDecision late = ix.decide(ada, Channel.EMAIL, "newsletter", Instant.parse("2024-03-04T13:00:00Z"));
    assertThat(late.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(Code.QUIET_HOURS);
      assertThat(r.detail()).isEqualTo("it is 22:00 in Asia/Tokyo, quiet from 21:00 to 08:00");
    });
    assertThat(new ContactRules.QuietHours(LocalTime.of(1, 0), LocalTime.of(5, 0)).contains(LocalTime.of(5, 0)))
        .isFalse();
    assertThat(new ContactRules.QuietHours(LocalTime.of(1, 0), LocalTime.of(5, 0)).contains(LocalTime.of(1, 0)))
        .isTrue();
  }

  @Test
  void unknownErasedAndUndeliverable_areExplained() {
    f.customer("ada", "Ada");
    Interact ix = f.builder().build();
    assertThat(ix.decide(CustomerId.of("ghost"), Channel.EMAIL, "newsletter").reasons())
        .extracting(ContactDecision.Reason::code).containsExactly(Code.UNKNOWN_CUSTOMER);
    assertThat(ix.decide(ada, Channel.POST, "newsletter").reasons()).extracting(ContactDecision.Reason::code)
        .containsExactly(Code.NO_DELIVERY_CHANNEL, Code.NO_CONSENT, Code.NO_ADDRESS);
    f.crm.privacy().erase(ada);
    assertThat(ix.decide(ada, Channel.EMAIL, "newsletter").reasons()).extracting(ContactDecision.Reason::code)
        .containsExactly(Code.ERASED);
  }

  @Test
  void capAndQuietHourMisconfiguration_failsNamingTheField() {
    assertThatThrownBy(() -> ContactRules.defaults().withCap(Channel.EMAIL, 0, Duration.ofDays(7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ContactRules.Cap.max: must be positive '0'");
    assertThatThrownBy(() -> ContactRules.defaults().withOverallCap(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ContactRules.Cap.window: must be positive 'PT0S'");
    assertThatThrownBy(() -> ContactRules.defaults().withCap(Channel.SMS, 1, Duration.ofDays(-1)))
        .hasMessageStartingWith("ContactRules.Cap.window");
    assertThatThrownBy(() -> ContactRules.defaults().withQuietHours(LocalTime.NOON, LocalTime.NOON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ContactRules.QuietHours.end: equals start");
    assertThatThrownBy(() -> f.builder().build().decide(ada, Channel.EMAIL, "not a token"))
        .hasMessageStartingWith("Interact.purpose");
  }
}
