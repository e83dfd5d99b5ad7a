package org.ecrm.core.b2b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.ecrm.core.Crm;
import org.ecrm.core.b2b.ListeningSummary.Signal;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class B2bTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));
  private final Crm crm = Crm.builder().clock(clock).discoverStorage(false).build();
  private final Account acme = crm.accounts().create("ACME", "acme.example");
  private final Customer boss = crm.customers().create(Customer.builder().name("Grace", "Hopper").email("g@acme.example"));
  private final Customer user = crm.customers().create(Customer.builder().name("Alan", "Turing").email("a@acme.example"));

  @Test
  void opportunities_stagesHistoryAndWeightedPipeline() {
    Opportunity big = crm.b2b().open(acme.id(), "Engines", Money.of("100000.00", "EUR"), LocalDate.of(2024, 6, 30));
    Opportunity small = crm.b2b().open(acme.id(), "Spare parts", Money.of("8000.00", "EUR"), LocalDate.of(2024, 4, 30));
    Opportunity usd = crm.b2b().open(acme.id(), "US office", Money.of("5000.00", "USD"), LocalDate.of(2024, 5, 1));
    assertThat(big.stage()).isEqualTo("Prospecting");
    clock.advanceSeconds(86_400);
    crm.b2b().moveTo(big.id(), "Proposal");
    crm.b2b().moveTo(small.id(), "Won");
    assertThat(crm.b2b().weightedPipeline()).containsEntry("EUR", Money.of("50000.00", "EUR"))
        .containsEntry("USD", Money.of("500.00", "USD"));
    assertThat(crm.b2b().get(big.id()).orElseThrow().stages()).extracting(Opportunity.StageChange::stage)
        .containsExactly("Prospecting", "Proposal");
    assertThatThrownBy(() -> crm.b2b().moveTo(small.id(), "Negotiation")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed (Won)");
    assertThatThrownBy(() -> crm.b2b().moveTo(big.id(), "Dreaming")).hasMessageStartingWith("stage: unknown pipeline stage");
    assertThatThrownBy(() -> crm.b2b().open(AccountId.of("ghost"), "x", Money.of("1", "EUR"), LocalDate.now()))
        .isInstanceOf(org.ecrm.core.model.NotFoundException.class);
    assertThat(crm.b2b().forecast(usd.id(), Money.of("6000.00", "USD"), LocalDate.of(2024, 6, 1)).amount())
        .isEqualTo(Money.of("6000.00", "USD"));
    assertThat(crm.b2b().ofAccount(acme.id())).hasSize(3);
  }

  @Test
  void decisionMakingUnitAndListening_withTrends() {
    crm.accounts().addContact(acme.id(), boss.id(), BuyingRole.DECISION_MAKER);
    crm.accounts().addContact(acme.id(), user.id(), BuyingRole.USER);
    crm.accounts().addContact(acme.id(), user.id(), BuyingRole.INFLUENCER);
    Instant periodStart = Instant.parse("2024-03-01T00:00:00Z");
    // previous month: one mention, one order
    record(user, Channel.SOCIAL, InteractionType.FEEDBACK, periodStart.minusSeconds(86_400 * 10), "sentiment", -0.5);
    crm.orders().place(Order.builder(boss.id()).placedAt(periodStart.minusSeconds(86_400 * 5)).line("X", 1, Money.of("100.00", "EUR")));
    // this month: survey score 9, two mentions, a call each way, a bigger order, points
    record(boss, Channel.EMAIL, InteractionType.FEEDBACK, periodStart.plusSeconds(86_400), "score", 9);
    record(user, Channel.SOCIAL, InteractionType.OTHER, periodStart.plusSeconds(86_400 * 2), "sentiment", 0.5);
    record(user, Channel.SOCIAL, InteractionType.OTHER, periodStart.plusSeconds(86_400 * 3), "sentiment", 1.0);
    record(boss, Channel.PHONE, InteractionType.QUERY, periodStart.plusSeconds(86_400 * 4), "x", 0);
    crm.orders().place(Order.builder(boss.id()).placedAt(periodStart.plusSeconds(86_400 * 5)).line("X", 3, Money.of("100.00", "EUR")));
    clock.advanceSeconds(86_400 * 6);
    crm.loyalty().earn(boss.id(), 300, "order", "o1");

    var unit = crm.b2b().decisionMakingUnit(acme.id());
    assertThat(unit).extracting(UnitMember::name).containsExactly("Grace Hopper", "Alan Turing");
    assertThat(unit.get(1).roles()).containsExactly(BuyingRole.USER, BuyingRole.INFLUENCER);
    assertThat(unit.get(1).interactions()).isEqualTo(3);
    assertThat(unit.get(1).lastInteraction()).contains(periodStart.plusSeconds(86_400 * 3));

    ListeningSummary s = crm.b2b().listening(acme.id(), periodStart, Instant.parse("2024-03-31T00:00:00Z"));
    assertThat(s.current()).containsEntry(Signal.SAMPLING, 9.0).containsEntry(Signal.CHATTER, 2.0)
        .containsEntry(Signal.SENTIMENT, 0.75).containsEntry(Signal.ENGAGEMENT, 2.0)
        .containsEntry(Signal.PURCHASES, 300.0).containsEntry(Signal.LOYALTY, 300.0);
    assertThat(s.previous()).containsEntry(Signal.CHATTER, 1.0).containsEntry(Signal.SENTIMENT, -0.5)
        .containsEntry(Signal.PURCHASES, 100.0);
    assertThat(s.trend(Signal.PURCHASES)).isEqualTo(200.0);
    assertThat(s.trend(Signal.SENTIMENT)).isEqualTo(1.25);
    assertThatThrownBy(() -> crm.b2b().listening(acme.id(), periodStart, periodStart))
        .hasMessageStartingWith("to: must be after from");
  }

  private void record(Customer c, Channel channel, InteractionType type, Instant at, String key, double value) {
    crm.interactions().record(Interaction.builder(c.id(), channel, type).direction(Direction.INBOUND).occurredAt(at)
        .attribute(key, AttributeValue.of(new java.math.BigDecimal(String.valueOf(value)))));
  }
}
