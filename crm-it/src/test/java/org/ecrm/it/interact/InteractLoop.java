package org.ecrm.it.interact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.Audience;
import org.ecrm.core.interact.CampaignReport;
import org.ecrm.core.interact.CampaignRun;
import org.ecrm.core.interact.CampaignSpec;
import org.ecrm.core.interact.ContactDecision;
import org.ecrm.core.interact.ContactRules;
import org.ecrm.core.interact.InMemoryInventory;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.InteractListener;
import org.ecrm.core.interact.InventoryGateway;
import org.ecrm.core.interact.MessageChannel;
import org.ecrm.core.interact.Outcome;
import org.ecrm.core.interact.RecordingChannel;
import org.ecrm.core.interact.SuppressionList;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.ecrm.core.testkit.MutableClock;
import org.ecrm.segmentation.CustomerClasses;
import org.ecrm.segmentation.engine.CustomerKeys;
import org.ecrm.segmentation.RefundHandling;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.RfmSegments;
import org.ecrm.segmentation.TransactionSources;

/**
 * The whole loop on a CRM holding an order history: RFM segments → a win-back campaign with a control
 * group → contact policy → sends → simulated purchases (treated customers whose message was delivered
 * buy with a higher probability than everyone else) → attribution → uplift. Contact data the history
 * lacks (e-mail, phone, consent, time zone, stated frequency, earlier messages, suppressions) is given
 * to customers by a seeded draw, so the policy has something to exclude.
 */
final class InteractLoop {
  static final List<String> WIN_BACK = List.of("At Risk", "Can't Lose Them", "About To Sleep", "Need Attention",
      "Hibernating");

  /** What the loop measured. */
  record Figures(RfmResult rfm, CampaignRun run, CampaignReport report, Map<ContactDecision.Code, Long> excludedBy,
      int expectedTreatedBuyers, int expectedControlBuyers, int opened, int clicked, long profilesCached) { }

  private InteractLoop() {
  }

  static Figures run(Crm crm, InteractListener events, MutableClock clock, LocalDate asOf, long seed,
      double treatedRate, double baseRate) {
    Instant sendAt = asOf.atTime(13, 0).toInstant(ZoneOffset.UTC); // 22:00 in Tokyo: quiet hours there
    clock.set(sendAt);
    Random rnd = new Random(seed);
    SuppressionList suppressions = SuppressionList.inMemory();
    giveContactData(crm, rnd, sendAt, suppressions);

    // segment
    CustomerKeys keys = new CustomerKeys();
    RfmResult rfm = RfmAnalysis.builder().asOf(asOf).build()
        .run(TransactionSources.orders(crm, Currency.getInstance("GBP"), ZoneOffset.UTC, RefundHandling.NETTED, keys));
    CustomerClasses classes = CustomerClasses.of(rfm, CustomerClasses.knownCustomers(crm, keys), 0.2);
    RfmSegments segments = RfmSegments.of(rfm, classes, keys);

    // stock: 5 % of the catalogue out of stock, 2 % discontinued
    InMemoryInventory stock = InventoryGateway.inMemory();
    try (Stream<Product> products = crm.products().stream()) {
      products.forEach(p -> {
        double u = rnd.nextDouble();
        if (u < 0.02) {
          stock.discontinue(p.sku());
        } else {
          stock.stock(p.sku(), u < 0.07 ? 0 : 100);
        }
      });
    }
    RecordingChannel email = MessageChannel.inMemory(Channel.EMAIL);
    RecordingChannel sms = MessageChannel.inMemory(Channel.SMS);
    Interact interact = Interact.builder(crm).events(events).segments(segments).inventory(stock).channel(email)
        .channel(sms).rules(ContactRules.defaults()).suppressions(suppressions).clock(clock).build();

    // campaign → policy → sends
    CampaignRun run = interact.send(CampaignSpec.builder("win-back", "newsletter").segments(WIN_BACK.toArray(String[]::new))
        .channels(Channel.EMAIL, Channel.SMS).channelsFor("Can't Lose Them", Channel.SMS, Channel.EMAIL)
        .subject("{name}, we miss you").body("Hello {name}, these are for you: {products}").recommendations(2)
        .control(0.2, seed).attributionWindow(Duration.ofDays(14)).build());
    Audience audience = run.audience();
    for (CampaignRun.Delivery d : run.deliveries()) {
      for (Sku s : d.products()) {
        assertThat(stock.isAvailable(s)).as("%s offered to %s", s, d.customerId()).isTrue();
        assertThat(interact.profile(d.customerId()).owned()).doesNotContain(s);
      }
    }

    // simulated responses and purchases after the send
    Set<CustomerId> delivered = new HashSet<>();
    run.deliveries().stream().filter(d -> d.status() == MessageChannel.Status.DELIVERED)
        .forEach(d -> delivered.add(d.customerId()));
    List<Sku> catalogue;
    try (Stream<Product> products = crm.products().stream()) {
      catalogue = products.map(Product::sku).sorted().toList();
    }
    int treatedBuyers = 0;
    int controlBuyers = 0;
    int opened = 0;
    int clicked = 0;
    clock.set(sendAt.plus(Duration.ofDays(30)));
    List<Audience.Member> everyone = new ArrayList<>(audience.treatment());
    everyone.addAll(audience.control());
    Set<CustomerId> control = new HashSet<>();
    audience.control().forEach(m -> control.add(m.customerId()));
    for (Audience.Member m : everyone) {
      boolean reached = delivered.contains(m.customerId());
      if (reached && rnd.nextDouble() < 0.45) {
        opened++;
        boolean click = rnd.nextDouble() < 0.35;
        clicked += click ? 1 : 0;
        interact.recordOutcome("win-back", m.customerId(), click ? Outcome.CLICKED : Outcome.OPENED,
            sendAt.plus(Duration.ofHours(2)));
      }
      if (rnd.nextDouble() < (reached ? treatedRate : baseRate)) {
        Instant at = sendAt.plus(Duration.ofHours(1 + rnd.nextInt(20 * 24))); // up to 20 days: some too late
        crm.orders().place(Order.builder(m.customerId()).placedAt(at)
            .line(catalogue.get(rnd.nextInt(catalogue.size())).value(), 1, Money.of("9.99", "GBP")));
        if (!at.isAfter(sendAt.plus(Duration.ofDays(14)))) {
          if (control.contains(m.customerId())) {
            controlBuyers++;
          } else {
            treatedBuyers++;
          }
        }
      }
    }
    CampaignReport report = interact.report("win-back");
    return new Figures(rfm, run, report, audience.exclusionsByCode(), treatedBuyers, controlBuyers, opened, clicked,
        interact.cachedProfiles());
  }

  /**
   * Seeded contact data: e-mail for everyone, a phone for half; newsletter consent by e-mail for 85 %, by
   * SMS for 60 % of those with a phone; time zones London / New York / Tokyo; 3 % stated "never"; 2 %
   * suppressed after a complaint; 8 % already had two e-mails in the last week.
   */
  private static void giveContactData(Crm crm, Random rnd, Instant now, SuppressionList suppressions) {
    List<CustomerId> ids;
    try (Stream<Customer> s = crm.customers().stream(CustomerFilter.all())) {
      ids = s.map(Customer::id).toList();
    }
    ZoneId[] zones = {ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo")};
    for (CustomerId id : ids) {
      boolean phone = rnd.nextBoolean();
      String digits = String.format("%06d", Math.floorMod(id.value().hashCode(), 1_000_000));
      crm.customers().modify(id, b -> {
        Customer c = b.build();
        if (c.emails().isEmpty()) {
          b.email("c" + id.value().replaceAll("[^A-Za-z0-9]", "") + "@example.com");
        }
        if (phone && c.phones().isEmpty()) {
          b.phone("+44 7700 " + digits);
        }
        return b;
      });
      if (rnd.nextDouble() < 0.85) {
        crm.consents().grant(id, Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "signup");
      }
      if (phone && rnd.nextDouble() < 0.6) {
        crm.consents().grant(id, Channel.SMS, "newsletter", LawfulBasis.CONSENT, "signup");
      }
      ZoneId zone = zones[rnd.nextInt(zones.length)];
      boolean never = rnd.nextDouble() < 0.03;
      crm.preferences().update(id, p -> p.withLocale("en-GB", zone)
          .withFrequency(never ? ContactFrequency.NEVER : ContactFrequency.UNSPECIFIED), "signup");
      if (rnd.nextDouble() < 0.02) {
        suppressions.add(new SuppressionList.Suppression(id, Optional.empty(), SuppressionList.Reason.COMPLAINED,
            "spam report", now.minus(Duration.ofDays(40))));
      }
      if (rnd.nextDouble() < 0.08) {
        for (int k = 1; k <= 2; k++) {
          crm.interactions().record(Interaction.builder(id, Channel.EMAIL, InteractionType.CAMPAIGN_MESSAGE)
              .direction(Direction.OUTBOUND).occurredAt(now.minus(Duration.ofDays(k * 2L))).subject("weekly news"));
        }
      }
    }
  }
}
