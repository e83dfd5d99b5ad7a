package org.ecrm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightlySegmentationTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-03-10T00:59:59.900Z"); // 01:59:59.9 in Berlin

  @TempDir
  Path dir;

  /** Ten customers: customer i buys i times, 10·i EUR each, the last purchase i days before NOW. */
  private static Crm shop(Clock clock) {
    Crm crm = Crm.builder().clock(clock).discoverStorage(false).build();
    for (int i = 1; i <= 10; i++) {
      Customer c = crm.customers().create(Customer.builder().id("c" + i).name("C", "N" + i).email("c" + i + "@example.com"));
      for (int k = 0; k < i; k++) {
        crm.orders().place(Order.builder(c.id()).placedAt(NOW.minus(Duration.ofDays(i + 20L * k)))
            .line("SKU-" + k, 1, Money.of(10 * i + ".00", "EUR")));
      }
    }
    return crm;
  }

  @Test
  void oneCycle_tagsEveryCustomerWithTheirSegment_writesTheCsv_andARerunChangesNothing() throws Exception {
    Clock clock = Clock.fixed(NOW, BERLIN);
    Crm crm = shop(clock);
    NightlySegmentation job = new NightlySegmentation(crm, Currency.getInstance("EUR"), dir, clock);
    NightlySegmentation.Run run = job.runOnce();
    assertThat(run.asOf()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(run.customers()).isEqualTo(10);
    assertThat(run.retagged()).isEqualTo(10);
    assertThat(run.csv()).isEqualTo(dir.resolve("segments-2026-03-10.csv"));
    List<String> lines = Files.readAllLines(run.csv());
    assertThat(lines).hasSize(11).first().isEqualTo("customer_id,segment,r,f,m,recency_days,frequency,monetary");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      Customer c = crm.customers().require(CustomerId.of(f[0]));
      assertThat(c.tags()).filteredOn(t -> t.startsWith(NightlySegmentation.TAG_PREFIX))
          .containsExactly(NightlySegmentation.tagOf(f[1]));
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c10,").endsWith(",10,1000.00"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c1,").endsWith(",1,10.00"));

    assertThat(job.runOnce().retagged()).isZero();
  }

  @Test
  void aFormulaLikeCustomerId_isNeutralisedInTheCsv_andNoTempFileIsLeft() throws Exception {
    Clock clock = Clock.fixed(NOW, BERLIN);
    Crm crm = shop(clock);
    Customer evil = crm.customers().create(Customer.builder().id("=HYPERLINK(\"http://evil.example/\")")
        .name("E", "Vil").email("evil@example.com"));
    crm.orders().place(Order.builder(evil.id()).placedAt(NOW.minus(Duration.ofDays(3)))
        .line("SKU-X", 1, Money.of("5.00", "EUR")));
    NightlySegmentation.Run run = new NightlySegmentation(crm, Currency.getInstance("EUR"), dir, clock).runOnce();
    String csv = Files.readString(run.csv());
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\")\",").doesNotContain("\n=HYPERLINK");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("segments-2026-03-10.csv");
    }
  }

  @Test
  void aChangedSegment_replacesTheOldTag() {
    Clock clock = Clock.fixed(NOW, BERLIN);
    Crm crm = shop(clock);
    crm.customers().tag(CustomerId.of("c3"), "rfm:something-old", "newsletter");
    new NightlySegmentation(crm, Currency.getInstance("EUR"), dir, clock).runOnce();
    assertThat(crm.customers().require(CustomerId.of("c3")).tags()).contains("newsletter")
        .doesNotContain("rfm:something-old").filteredOn(t -> t.startsWith("rfm:")).hasSize(1);
  }

  @Test
  void segmentNames_becomeValidTags() {
    assertThat(NightlySegmentation.tagOf("Can't Lose Them")).isEqualTo("rfm:can-t-lose-them");
    assertThat(NightlySegmentation.tagOf("  VIP  ")).isEqualTo("rfm:vip");
    assertThat(NightlySegmentation.tagOf("<>")).isEqualTo("rfm:unnamed");
  }

  @Test
  void schedule_firstRunsAtTheNextLocalTime_thenDaily() throws Exception {
    Clock clock = Clock.fixed(NOW, BERLIN);
    NightlySegmentation job = new NightlySegmentation(shop(clock), Currency.getInstance("EUR"), dir, clock);
    assertThat(job.delayUntil(LocalTime.of(2, 0))).isEqualTo(Duration.ofMillis(100));
    assertThat(job.delayUntil(LocalTime.of(1, 0))).isEqualTo(Duration.ofHours(23).plusMillis(100));
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> future = job.schedule(executor, LocalTime.of(2, 0));
      Path csv = dir.resolve("segments-2026-03-10.csv");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      // the file appears when the run moves it into place; the next run is scheduled once the run returns
      while ((!Files.exists(csv) || future.getDelay(TimeUnit.HOURS) < 1) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(csv).exists();
      assertThat(future.isDone()).isFalse();
      assertThat(future.getDelay(TimeUnit.HOURS)).isBetween(23L, 24L);
    } finally {
      executor.shutdownNow();
    }
  }
}
