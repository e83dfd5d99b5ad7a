package org.ecrm.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CasesTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final BusinessCalendar CAL = BusinessCalendar.builder(LONDON)
      .holidays(LocalDate.of(2024, 5, 6)).build(); // early May bank holiday (a Monday)
  private static final List<ServiceLevel> POLICIES = List.of(
      ServiceLevel.forPriority("urgent", Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8), CasePriority.URGENT),
      new ServiceLevel("complaints", Set.of(), Set.of(CaseType.COMPLAINT), Duration.ofHours(4), Duration.ofHours(8),
          Duration.ofHours(16)),
      new ServiceLevel("rest", Set.of(), Set.of(), Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(40)));

  private MutableClock clock;
  private Crm crm;
  private Customer ada;

  private static Instant london(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), LONDON).toInstant();
  }

  @BeforeEach
  void setUp() {
    clock = new MutableClock(london("2024-05-03T15:00")); // a Friday
    crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential()).discoverStorage(false)
        .serviceLevels(CAL, POLICIES, 0.25).build();
    ada = crm.customers().create(Customer.builder().email("ada@example.com"));
  }

  private void at(String local) {
    clock.advanceSeconds(java.time.Duration.between(clock.instant(), london(local)).getSeconds());
  }

  private SlaClock clock(SupportCase c, String target) {
    return crm.cases().clocks(c.id()).stream().filter(k -> k.target().equals(target)).findFirst().orElseThrow();
  }

  @Test
  void complaint_overTheWeekendAndBankHoliday_firstMatchingPolicyApplies() {
    SupportCase c = crm.cases().open(ada.id(), Channel.EMAIL, CaseType.COMPLAINT, CasePriority.NORMAL,
        "Broken kettle", "It leaks.");
    assertThat(c.status()).isEqualTo(CaseStatus.NEW);
    assertThat(crm.interactions().ofCustomer(ada.id())).singleElement()
        .satisfies(i -> assertThat(i.type()).isEqualTo(InteractionType.COMPLAINT));
    // Friday 15:00 + 4 working hours: 2 h on Friday, Monday is a holiday -> Tuesday 11:00
    assertThat(clock(c, "firstResponse").due()).contains(london("2024-05-07T11:00"));
    at("2024-05-07T09:30"); // 2.5 h used, 1.5 h left
    assertThat(clock(c, "firstResponse").state()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(crm.cases().aboutToBreach(Duration.ofMinutes(30))).isEmpty();
    at("2024-05-07T10:45"); // 15 minutes left of 4 h: under the 25 % near-breach share
    assertThat(clock(c, "firstResponse").state()).isEqualTo(SlaClock.State.NEAR_BREACH);
    assertThat(crm.cases().aboutToBreach(Duration.ofMinutes(30))).extracting(SupportCase::id).containsExactly(c.id());
    at("2024-05-07T11:30");
    assertThat(clock(c, "firstResponse").state()).isEqualTo(SlaClock.State.BREACHED);
    SupportCase answered = crm.cases().reply(c.id(), "Sorry, a new one is on its way.", false);
    assertThat(answered.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(clock(answered, "firstResponse").used()).isEqualTo(Duration.ofMinutes(270));
    assertThat(clock(answered, "firstResponse").state()).isEqualTo(SlaClock.State.BREACHED);
  }

  @Test
  void pendingOnCustomer_pausesTheClocks() {
    SupportCase c = crm.cases().open(ada.id(), Channel.PHONE, CaseType.QUERY, CasePriority.NORMAL,
        "Invoice", "Where is my invoice?");
    at("2024-05-03T16:00");
    crm.cases().reply(c.id(), "Which order?", true);
    assertThat(clock(crm.cases().get(c.id()).orElseThrow(), "resolution").state()).isEqualTo(SlaClock.State.PAUSED);
    at("2024-05-08T09:00"); // days pass while waiting for the customer
    SupportCase back = crm.cases().customerMessage(c.id(), "Order 42.");
    assertThat(back.status()).isEqualTo(CaseStatus.OPEN);
    at("2024-05-08T10:00");
    SupportCase resolved = crm.cases().changeStatus(c.id(), CaseStatus.RESOLVED);
    // counted: Friday 15:00-16:00 and Wednesday 09:00-10:00
    assertThat(clock(resolved, "resolution").used()).isEqualTo(Duration.ofHours(2));
    assertThat(clock(resolved, "resolution").state()).isEqualTo(SlaClock.State.MET);
    assertThat(crm.cases().clocks(c.id())).extracting(SlaClock::target).containsExactly("firstResponse", "resolution");
    // a customer message on a resolved case reopens it and the resolution clock runs again
    at("2024-05-08T11:00");
    assertThat(crm.cases().customerMessage(c.id(), "Still wrong.").status()).isEqualTo(CaseStatus.REOPENED);
    at("2024-05-08T12:00");
    assertThat(clock(crm.cases().get(c.id()).orElseThrow(), "resolution").used()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void lifecycle_refusesImpossibleTransitions() {
    SupportCase c = crm.cases().open(ada.id(), Channel.CHAT, CaseType.REQUEST, CasePriority.URGENT, "Refund", "Please.");
    assertThatThrownBy(() -> crm.cases().changeStatus(c.id(), CaseStatus.NEW))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot go from NEW to NEW");
    assertThatThrownBy(() -> crm.cases().changeStatus(c.id(), CaseStatus.REOPENED))
        .hasMessageContaining("cannot go from NEW to REOPENED");
    crm.cases().changeStatus(c.id(), CaseStatus.CLOSED);
    assertThatThrownBy(() -> crm.cases().reply(c.id(), "hello", false)).hasMessageContaining("CLOSED");
    assertThatThrownBy(() -> crm.cases().open(org.ecrm.core.model.CustomerId.of("ghost"), Channel.CHAT,
        CaseType.QUERY, CasePriority.LOW, "x", "y")).isInstanceOf(org.ecrm.core.model.NotFoundException.class);
    assertThatThrownBy(() -> Crm.builder().serviceLevels(CAL, List.of(), 0.2))
        .hasMessage("serviceLevels: needs at least one policy '[]'");
    assertThatThrownBy(() -> Crm.builder().serviceLevels(CAL, POLICIES, 1.5))
        .hasMessage("nearBreachShare: must be between 0 and 1 '1.5'");
  }

  @Test
  void report_givesMedianAndP90AndBreachRatePerChannelAndPriority() {
    at("2024-05-07T09:00");
    List<SupportCase> opened = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      opened.add(crm.cases().open(ada.id(), Channel.EMAIL, CaseType.QUERY, CasePriority.NORMAL, "q" + i, "?"));
    }
    SupportCase urgent = crm.cases().open(ada.id(), Channel.PHONE, CaseType.QUERY, CasePriority.URGENT, "u", "!");
    for (SupportCase c : opened) {
      clock.advanceSeconds(30 * 60);
      crm.cases().reply(c.id(), "answer", false);
      crm.cases().changeStatus(c.id(), CaseStatus.RESOLVED);
    }
    // first responses took 30, 60, ..., 300 minutes; the urgent case is unanswered after 5 h (1 h allowed)
    CaseReport report = crm.cases().report();
    assertThat(report.rows()).hasSize(2);
    CaseReport.Row email = report.rows().stream().filter(r -> r.channel() == Channel.EMAIL).findFirst().orElseThrow();
    assertThat(email.cases()).isEqualTo(10);
    assertThat(email.medianFirstResponse()).isEqualTo(Duration.ofMinutes(150));
    assertThat(email.p90FirstResponse()).isEqualTo(Duration.ofMinutes(270));
    assertThat(email.medianResolution()).isEqualTo(Duration.ofMinutes(150));
    assertThat(email.breachRate()).isZero();
    CaseReport.Row phone = report.rows().stream().filter(r -> r.channel() == Channel.PHONE).findFirst().orElseThrow();
    assertThat(phone.priority()).isEqualTo(CasePriority.URGENT);
    assertThat(phone.breachRate()).isEqualTo(1.0);
    assertThat(phone.medianFirstResponse()).isZero();
    assertThat(crm.cases().ofCustomer(ada.id())).hasSize(11).contains(urgent);
  }
}
