package org.ecrm.it.interact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.CampaignReport;
import org.ecrm.core.interact.ContactDecision.Code;
import org.ecrm.core.interact.InteractListener;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Sku;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** The whole interact loop on a generated shop (always runs). */
class InteractLoopTest {
  static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);

  @Test
  void segmentCampaignPolicySendsAttributionAndUplift_onAGeneratedShop() {
    MutableClock clock = new MutableClock(Instant.parse("2009-12-01T00:00:00Z"));
    InteractListener events = new InteractListener();
    Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential()).discoverStorage(false)
        .listener(events).build();
    generateShop(crm, 3_000, 250, 20_111_210L);

    InteractLoop.Figures f = InteractLoop.run(crm, events, clock, AS_OF, 42, 0.30, 0.10);

    print("generated shop", f);
    CampaignReport.Comparison all = f.report().overall();
    int targeted = f.run().audience().targeted();
    assertThat(targeted).isGreaterThan(500);
    assertThat(all.treated() + all.control() + f.run().audience().exclusions().size()).isEqualTo(targeted);
    assertThat(all.treatedPurchasers()).isEqualTo(f.expectedTreatedBuyers());
    assertThat(all.controlPurchasers()).isEqualTo(f.expectedControlBuyers());
    assertThat((double) all.control() / (all.control() + all.treated())).isBetween(0.18, 0.22);
    assertThat(f.report().cells().stream().mapToInt(CampaignReport.Cell::opened).sum()).isEqualTo(f.opened());
    assertThat(f.report().cells().stream().mapToInt(CampaignReport.Cell::clicked).sum()).isEqualTo(f.clicked());
    // true effect: 0.30 vs 0.10 buy within 20 days, 14 of them attributed → about 0.21 − 0.07 = 0.14
    assertThat(all.uplift()).isBetween(0.07, 0.21);
    assertThat(f.report().segments()).extracting(CampaignReport.Comparison::segment)
        .allMatch(InteractLoop.WIN_BACK::contains);
    assertThat(f.excludedBy()).containsKeys(Code.NO_CONSENT, Code.QUIET_HOURS, Code.SUPPRESSED,
        Code.STATED_FREQUENCY, Code.CHANNEL_CAP, Code.NO_ADDRESS);
  }

  static void print(String what, InteractLoop.Figures f) {
    System.out.printf("%s: %d customers scored as of %s; segments %s%n", what, f.rfm().size(), f.rfm().asOf(),
        f.rfm().segments().stream().map(s -> s.segment() + "=" + s.customers()).toList());
    var a = f.run().audience();
    System.out.printf("campaign: targeted %d, treatment %d, control %d, excluded %d; exclusions by reason %s%n",
        a.targeted(), a.treatment().size(), a.control().size(), a.exclusions().size(), f.excludedBy());
    System.out.printf("sends: %s; per channel %s%n", f.run().deliveries().stream().collect(
        java.util.stream.Collectors.groupingBy(d -> d.status(), java.util.TreeMap::new,
            java.util.stream.Collectors.counting())),
        a.treatment().stream().collect(java.util.stream.Collectors.groupingBy(m -> m.channel(), java.util.TreeMap::new,
            java.util.stream.Collectors.counting())));
    for (CampaignReport.Comparison c : f.report().segments()) {
      System.out.printf("  %-16s treated %4d bought %3d (%.3f) | control %3d bought %3d (%.3f) | uplift %+.3f%n",
          c.segment(), c.treated(), c.treatedPurchasers(), c.treatedConversion(), c.control(), c.controlPurchasers(),
          c.controlConversion(), c.uplift());
    }
    CampaignReport.Comparison o = f.report().overall();
    System.out.printf("  %-16s treated %4d bought %3d (%.3f) | control %3d bought %3d (%.3f) | uplift %+.3f;"
        + " opened %d, clicked %d%n", "overall", o.treated(), o.treatedPurchasers(), o.treatedConversion(), o.control(),
        o.controlPurchasers(), o.controlConversion(), o.uplift(), f.opened(), f.clicked());
  }

  /** Customers with a seeded purchase history from 2010-01-01 to 2011-12-09 (some lapsed, some active). */
  static void generateShop(Crm crm, int customers, int products, long seed) {
    Random rnd = new Random(seed);
    String[] categories = {"kitchen", "garden", "toys", "candles", "bags", "cards", "lights", "mugs", "signs", "tins"};
    for (int p = 0; p < products; p++) {
      crm.products().create(Sku.of("P" + p), "Product " + p, categories[p % categories.length],
          Money.of("4.95", "GBP"));
    }
    long start = LocalDate.of(2010, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    long end = LocalDate.of(2011, 12, 9).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    for (int c = 0; c < customers; c++) {
      CustomerId id = crm.customers().create(Customer.builder().id("g" + c).name("Given" + c, "Family")).id();
      long first = start + (long) (rnd.nextDouble() * (end - start) * 0.6);
      long last = first + (long) (rnd.nextDouble() * (end - first));
      int orders = 1 + (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 3);
      for (int o = 0; o < orders; o++) {
        long at = first + (long) (rnd.nextDouble() * (last - first));
        Order.Builder b = Order.builder(id).placedAt(Instant.ofEpochSecond(at));
        int lines = 1 + rnd.nextInt(4);
        int base = rnd.nextInt(products);
        for (int l = 0; l < lines; l++) {
          // neighbouring skus are often bought together
          b.line("P" + Math.floorMod(base + (rnd.nextInt(3) == 0 ? rnd.nextInt(products) : l), products),
              1 + rnd.nextInt(3), Money.of("4.95", "GBP"));
        }
        crm.orders().place(b);
      }
    }
  }
}
