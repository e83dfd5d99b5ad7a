package org.ecrm.core.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.ecrm.core.interact.ContactDecision.Code;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Sku;
import org.junit.jupiter.api.Test;

class CampaignTest {
  private final Fixture f = new Fixture();

  private Interact champions(int n) {
    for (int i = 0; i < n; i++) {
      f.customer("c" + i, "Cust" + i);
      f.segments.put("c" + i, i % 2 == 0 ? "Champions" : "At Risk", i % 4 == 0 ? "HIGH_VALUE" : "REPEAT");
    }
    return f.builder().rules(ContactRules.defaults()).build();
  }

  @Test
  void send_picksTheSegmentsChannel_recordsInteractions_andPersonalises() {
    Interact ix = champions(4);
    f.crm.products().create(Sku.of("MUG"), "Mug", "kitchen", Money.of("2.50", "GBP"));
    f.inventory.stock(Sku.of("MUG"), 5);
    CampaignSpec spec = CampaignSpec.builder("spring", "newsletter").segments("Champions", "At Risk")
        .channels(Channel.EMAIL).channelsFor("At Risk", Channel.SMS, Channel.EMAIL)
        .subject("Hello {name}").body("Dear {name}, try {products}.").feature(Sku.of("MUG"), Sku.of("GONE")).build();

    CampaignRun run = ix.send(spec);

    assertThat(run.audience().targeted()).isEqualTo(4);
    assertThat(run.audience().treatment()).extracting(m -> m.customerId().value() + ":" + m.channel())
        .containsExactly("c0:EMAIL", "c1:SMS", "c2:EMAIL", "c3:SMS");
    assertThat(run.count(MessageChannel.Status.DELIVERED)).isEqualTo(4);
    assertThat(f.email.delivered()).hasSize(2).first().satisfies(m -> {
      assertThat(m.subject()).isEqualTo("Hello Cust0");
      assertThat(m.body()).isEqualTo("Dear Cust0, try Mug.");
      assertThat(m.address()).isEqualTo("c0@example.com");
      assertThat(m.products()).containsExactly(Sku.of("MUG"));
    });
    assertThat(run.deliveries().get(0).droppedProducts()).containsExactly("GONE: unknown to the inventory");
    List<Interaction> recorded = f.crm.interactions().ofCustomer(CustomerId.of("c1"));
    assertThat(recorded).singleElement().satisfies(i -> {
      assertThat(i.type()).isEqualTo(InteractionType.CAMPAIGN_MESSAGE);
      assertThat(i.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(i.channel()).isEqualTo(Channel.SMS);
      assertThat(i.attributes().get("campaign").asText()).isEqualTo("spring");
    });
    // the SMS cap (1 / 7 days) now excludes the At Risk customers from a second SMS campaign, with reasons
    CampaignRun again = ix.send(CampaignSpec.builder("spring-2", "newsletter").segments("At Risk")
        .channels(Channel.SMS).build());
    assertThat(again.audience().treatment()).isEmpty();
    assertThat(again.audience().exclusions()).hasSize(2).allSatisfy(e ->
        assertThat(e.reasons()).containsExactly("SMS CHANNEL_CAP: 1 SMS messages in the last 7 days, cap 1"));
    assertThat(again.audience().exclusionsByCode()).containsEntry(Code.CHANNEL_CAP, 2L);
  }

  @Test
  void customerStatedChannel_comesFirst_andExcludedCustomersCarryEveryReasonPerChannel() {
    Interact ix = champions(2);
    f.crm.preferences().update(CustomerId.of("c0"), p -> p.withChannels(List.of(Channel.SMS, Channel.EMAIL)), "form");
    f.crm.consents().withdraw(CustomerId.of("c1"), Channel.EMAIL, "newsletter", "unsubscribe");
    f.crm.consents().withdraw(CustomerId.of("c1"), Channel.SMS, "newsletter", "stop");

    Audience a = ix.plan(CampaignSpec.builder("p", "newsletter").matching("everyone", p -> true)
        .channels(Channel.EMAIL, Channel.SMS).build());

    assertThat(a.treatment()).singleElement().satisfies(m -> {
      assertThat(m.customerId().value()).isEqualTo("c0");
      assertThat(m.channel()).isEqualTo(Channel.SMS);
    });
    assertThat(a.exclusions()).singleElement().satisfies(e -> {
      assertThat(e.customerId().value()).isEqualTo("c1");
      assertThat(e.decisions()).extracting(ContactDecision::channel).containsExactly(Channel.EMAIL, Channel.SMS);
      assertThat(e.reasons()).hasSize(2).allSatisfy(r -> assertThat(r).contains("NO_CONSENT"));
    });
    assertThat(f.email.attempts()).isEmpty(); // planning sends nothing
  }

  @Test
  void classAndPredicateTargets_selectTheirCustomers() {
    Interact ix = champions(8);
    assertThat(ix.plan(CampaignSpec.builder("hv", "newsletter").customerClass("HIGH_VALUE").channels(Channel.EMAIL)
        .build()).treatment()).extracting(m -> m.customerId().value()).containsExactly("c0", "c4");
    assertThat(ix.plan(CampaignSpec.builder("odd", "newsletter")
        .matching("names ending in 7", p -> p.displayName().endsWith("7")).channels(Channel.EMAIL).build())
        .treatment()).extracting(m -> m.customerId().value()).containsExactly("c7");
  }

  @Test
  void controlGroup_isSeededAndStratifiedPerSegment() {
    Interact ix = champions(40);
    CampaignSpec spec = CampaignSpec.builder("ctl", "newsletter").segments("Champions", "At Risk")
        .channels(Channel.EMAIL).control(0.25, 7).build();
    Audience a = ix.plan(spec);
    assertThat(a.control()).hasSize(10);
    assertThat(a.control()).filteredOn(m -> m.segment().equals("Champions")).hasSize(5);
    assertThat(a.control()).filteredOn(m -> m.segment().equals("At Risk")).hasSize(5);
    assertThat(a.treatment()).hasSize(30).doesNotContainAnyElementsOf(a.control());
    assertThat(ix.plan(spec).control()).isEqualTo(a.control());
    Audience other = ix.plan(CampaignSpec.builder("ctl", "newsletter").segments("Champions", "At Risk")
        .channels(Channel.EMAIL).control(0.25, 8).build());
    assertThat(other.control()).hasSize(10).isNotEqualTo(a.control());
  }

  @Test
  void retriesAreRecorded_failuresAreKept_andBouncesAreSuppressed() {
    Interact ix = champions(3);
    f.email.failNext(2, new MessageChannel.Result(MessageChannel.Status.RETRY, "421 try later"));
    f.email.always(CustomerId.of("c2"), new MessageChannel.Result(MessageChannel.Status.BOUNCED, "550 no such user"));
    MessageChannel throwing = new MessageChannel() {
      @Override
      public Channel channel() {
        return Channel.SMS;
      }

      @Override
      public Result send(Message message) {
        throw new IllegalStateException("gateway down");
      }
    };
    Interact withThrowing = Interact.builder(f.crm).events(f.events).segments(f.segments).channel(f.email)
        .channel(throwing).build();

    CampaignRun run = ix.send(CampaignSpec.builder("r", "newsletter").segments("Champions").channels(Channel.EMAIL)
        .maxAttempts(3).build());
    assertThat(run.deliveries()).extracting(d -> d.customerId().value() + ":" + d.status() + ":" + d.attempts())
        .containsExactly("c0:DELIVERED:3", "c2:BOUNCED:1");
    assertThat(run.deliveries().get(0).errors()).containsExactly("attempt 1: RETRY 421 try later",
        "attempt 2: RETRY 421 try later");
    assertThat(ix.suppressions().of(CustomerId.of("c2"))).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo(SuppressionList.Reason.BOUNCED));
    assertThat(f.crm.interactions().ofCustomer(CustomerId.of("c2"))).isEmpty();
    assertThat(ix.decide(CustomerId.of("c2"), Channel.EMAIL, "newsletter").deniedFor(Code.SUPPRESSED)).isTrue();

    CampaignRun down = withThrowing.send(CampaignSpec.builder("down", "newsletter").segments("At Risk")
        .channels(Channel.SMS).maxAttempts(2).build());
    assertThat(down.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(MessageChannel.Status.RETRY);
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.errors()).containsExactly("attempt 1: IllegalStateException: gateway down",
          "attempt 2: IllegalStateException: gateway down");
    });
  }

  @Test
  void report_attributesPurchasesInTheWindow_andComputesUplift() {
    Interact ix = champions(20);
    CampaignRun run = ix.send(CampaignSpec.builder("att", "newsletter").segments("Champions", "At Risk")
        .channels(Channel.EMAIL).control(0.5, 3).attributionWindow(Duration.ofDays(7)).build());
    List<Audience.Member> treated = run.audience().treatment();
    List<Audience.Member> control = run.audience().control();
    assertThat(treated).hasSize(10);
    assertThat(control).hasSize(10);
    f.advanceHours(24);
    // 4 treated buy within the window, 1 control buys within, 1 treated buys after the window
    for (int i = 0; i < 4; i++) {
      f.order(treated.get(i).customerId().value(), f.clock.instant(), "X");
    }
    f.order(control.get(0).customerId().value(), f.clock.instant(), "X");
    f.order(treated.get(5).customerId().value(), Fixture.START.plus(Duration.ofDays(8)), "X");
    f.order(treated.get(6).customerId().value(), Fixture.START.minus(Duration.ofDays(1)), "X"); // before the send
    ix.recordOutcome("att", treated.get(0).customerId(), Outcome.OPENED, f.clock.instant());
    ix.recordOutcome("att", treated.get(1).customerId(), Outcome.CLICKED, f.clock.instant());

    CampaignReport r = ix.report("att");

    assertThat(r.overall().treated()).isEqualTo(10);
    assertThat(r.overall().treatedPurchasers()).isEqualTo(4);
    assertThat(r.overall().control()).isEqualTo(10);
    assertThat(r.overall().controlPurchasers()).isEqualTo(1);
    assertThat(r.overall().uplift()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.cells()).extracting(CampaignReport.Cell::channel).containsOnly(Channel.EMAIL);
    assertThat(r.cells().stream().mapToInt(CampaignReport.Cell::opened).sum()).isEqualTo(2);
    assertThat(r.cells().stream().mapToInt(CampaignReport.Cell::clicked).sum()).isEqualTo(1);
    assertThat(r.cells().stream().mapToInt(CampaignReport.Cell::purchased).sum()).isEqualTo(4);
    assertThat(r.segments()).extracting(CampaignReport.Comparison::segment).containsExactly("At Risk", "Champions");
    assertThat(r.segments().stream().mapToInt(CampaignReport.Comparison::treated).sum()).isEqualTo(10);
  }

  @Test
  void badCampaigns_failWithClearErrors() {
    Interact ix = champions(2);
    assertThatThrownBy(() -> ix.plan(CampaignSpec.builder("x", "newsletter").segments("Whales").channels(Channel.EMAIL)
        .build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CampaignSpec.target: unknown segment (known: [At Risk, Champions, Hibernating, Others]) 'Whales'");
    assertThatThrownBy(() -> ix.plan(CampaignSpec.builder("x", "newsletter").customerClass("VIP")
        .channels(Channel.EMAIL).build())).hasMessageStartingWith("CampaignSpec.target: unknown customer class");
    assertThatThrownBy(() -> ix.plan(CampaignSpec.builder("x", "newsletter").segments("Champions")
        .channels(Channel.POST).build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CampaignSpec.channels: no MessageChannel is registered for it (registered: [EMAIL, SMS]) 'POST'");
    assertThatThrownBy(() -> CampaignSpec.builder("x", "newsletter").segments("Champions").build())
        .hasMessage("CampaignSpec.channels: no channel to send on '[]'");
    assertThatThrownBy(() -> ix.plan(CampaignSpec.builder("x", "newsletter").segments("Champions")
        .channels(Channel.EMAIL).channelsFor("Nobody", Channel.SMS).build()))
        .hasMessageStartingWith("CampaignSpec.channelsBySegment: unknown segment");
    assertThatThrownBy(() -> CampaignSpec.builder("x", "newsletter").channels(Channel.EMAIL).control(1.0, 1).build())
        .hasMessage("CampaignSpec.controlFraction: must be in [0, 1) '1.0'");
    assertThatThrownBy(() -> CampaignSpec.builder("x", "newsletter").channels(Channel.EMAIL)
        .attributionWindow(Duration.ZERO).build()).hasMessageStartingWith("CampaignSpec.attributionWindow");
    assertThatThrownBy(() -> CampaignSpec.builder("bad id", "newsletter").channels(Channel.EMAIL).build())
        .hasMessageStartingWith("CampaignSpec.id");
    ix.send(CampaignSpec.builder("once", "newsletter").segments("Champions").channels(Channel.EMAIL).build());
    assertThatThrownBy(() -> ix.send(CampaignSpec.builder("once", "newsletter").segments("Champions")
        .channels(Channel.EMAIL).build())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'once' was already sent");
    assertThatThrownBy(() -> ix.report("never")).isInstanceOf(NotFoundException.class).hasMessageContaining("never");
    assertThatThrownBy(() -> ix.recordOutcome("once", CustomerId.of("c1"), Outcome.OPENED, f.clock.instant()))
        .hasMessageStartingWith("Interact.customerId: was not sent campaign 'once'");
    assertThatThrownBy(() -> ix.recordOutcome("once", CustomerId.of("c0"), Outcome.OPENED,
        Fixture.START.minusSeconds(1))).hasMessageStartingWith("Interact.at: is before the campaign was sent");
    assertThatThrownBy(() -> f.builder().channel(MessageChannel.inMemory(Channel.EMAIL)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("EMAIL was already added");
  }
}
