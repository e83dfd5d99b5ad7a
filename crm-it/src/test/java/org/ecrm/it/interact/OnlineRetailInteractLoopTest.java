package org.ecrm.it.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.CampaignReport;
import org.ecrm.core.interact.ContactDecision.Code;
import org.ecrm.core.interact.InteractListener;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The whole interact loop on the real UCI Online Retail history (when {@code ../shared/data} is present):
 * real RFM segments and co-purchases, seeded contact data and simulated responses after the send.
 */
class OnlineRetailInteractLoopTest {

  static Path file() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("crm-core"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("/nonexistent")
        : dir.resolveSibling("shared").resolve("data").resolve("online-retail/online-retail.csv.gz");
  }

  static String stripFloat(String v) {
    return v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
  }

  @Test
  void segmentCampaignPolicySendsAttributionAndUplift_onOnlineRetail() {
    Path file = file();
    assumeTrue(Files.exists(file), "../shared/data is not present");
    MutableClock clock = new MutableClock(Instant.parse("2011-12-10T00:00:00Z"));
    InteractListener events = new InteractListener();
    Crm crm = Crm.builder().clock(clock).discoverStorage(false).listener(events).build();
    crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).map("CustomerID", "id")
        .map("Country", "attr.country").transform("id", OnlineRetailInteractLoopTest::stripFloat).build(), file);
    crm.imports().run(ImportRequest.builder(EntityKind.PRODUCT, ImportFormat.CSV).map("StockCode", "sku")
        .map("Description", "name").map("UnitPrice", "listPrice").defaultCurrency("GBP").build(), file);
    crm.imports().run(ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV).map("InvoiceNo", "orderId")
        .map("StockCode", "sku").map("Quantity", "quantity").map("InvoiceDate", "placedAt")
        .map("UnitPrice", "unitPrice").map("CustomerID", "customerId").defaultCurrency("GBP")
        .dateTimeFormat("yyyy-MM-dd HH:mm:ss", "Europe/London").cancellationPrefix("C")
        .transform("customerId", OnlineRetailInteractLoopTest::stripFloat).build(), file);
    assertThat(crm.orders().count()).isEqualTo(18_532); // 4 invoices with a sub-penny price are not placed

    InteractLoop.Figures f = InteractLoop.run(crm, events, clock, InteractLoopTest.AS_OF, 42, 0.30, 0.10);

    InteractLoopTest.print("online retail", f);
    CampaignReport.Comparison all = f.report().overall();
    assertThat(f.rfm().size()).isGreaterThan(4_000);
    int targeted = f.run().audience().targeted();
    assertThat(targeted).isGreaterThan(500);
    assertThat(all.treated() + all.control() + f.run().audience().exclusions().size()).isEqualTo(targeted);
    assertThat(all.treatedPurchasers()).isEqualTo(f.expectedTreatedBuyers());
    assertThat(all.controlPurchasers()).isEqualTo(f.expectedControlBuyers());
    assertThat(all.uplift()).isBetween(0.07, 0.21);
    assertThat(f.excludedBy()).containsKeys(Code.NO_CONSENT, Code.QUIET_HOURS, Code.SUPPRESSED, Code.CHANNEL_CAP);
    assertThat(f.run().deliveries()).allSatisfy(d -> assertThat(d.products()).hasSizeLessThanOrEqualTo(2));
    assertThat(f.run().deliveries().stream().filter(d -> !d.products().isEmpty()).count())
        .isGreaterThan(f.run().deliveries().size() / 2);
  }
}
