package org.ecrm.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.session.PageView;
import org.ecrm.tracking.session.Session;
import org.junit.jupiter.api.Test;

/** {@link Purchases} and {@link WebDetails} are synchronized: fed from several threads at once, nothing is lost. */
class ReportSinksConcurrencyTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final int THREADS = 4;
  private static final int ROUNDS = 500;

  private static void race(Runnable... work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (Runnable w : work) {
        done.add(pool.submit(() -> {
          start.await();
          w.run();
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void purchases_fromFourThreads_keepEveryRow_andTheirSum() throws Exception {
    Purchases p = new Purchases();
    int day = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    Runnable feed = () -> {
      for (int r = 0; r < ROUNDS; r++) {
        long[] c = {r, r + 1, r + 2};
        int[] d = {day, day + 1, day + 2};
        long[] a = {100, 200, 300};
        p.accept(TransactionBatch.of(EUR, c, d, a, 3, 0));
      }
    };
    race(feed, feed, feed, feed);
    assertThat(p.size()).isEqualTo(THREADS * ROUNDS * 3);
    Purchases.Columns cols = p.columns();
    assertThat(java.util.Arrays.stream(cols.amount()).sum()).isEqualTo(THREADS * ROUNDS * 600L);
    assertThat(p.firstDay()).contains(LocalDate.of(2024, 1, 1));
    assertThat(p.lastDay()).contains(LocalDate.of(2024, 1, 3));
    assertThatThrownBy(() -> p.accept(TransactionBatch.of(Currency.getInstance("GBP"), new long[] {1},
        new int[] {day}, new long[] {1}, 1, 0))).hasMessage("Purchases.currency: batch in GBP after EUR");
  }

  @Test
  void webDetails_fromFourThreads_countEverySession() throws Exception {
    WebDetails w = new WebDetails(ZoneOffset.UTC);
    Instant t = Instant.parse("2015-05-18T10:00:00Z");
    Runnable feed = () -> {
      for (int r = 0; r < ROUNDS; r++) {
        List<PageView> pages = List.of(new PageView("/a", t, java.util.Optional.empty(), java.util.Optional.empty()));
        w.accept(new Session("v" + (r % 50), r, t, t, 1, 1, 0, pages, "https://google.com/", Campaign.NONE));
      }
    };
    race(feed, feed, feed, feed);
    WebDetails.Snapshot s = w.snapshot();
    assertThat(s.referrers()).containsEntry("google.com", (long) THREADS * ROUNDS);
    assertThat(s.entries().get("/a")[0]).isEqualTo(THREADS * ROUNDS);
    assertThat(s.hourByWeekday()[0][10]).isEqualTo(THREADS * ROUNDS);
    assertThat(s.figures(LocalDate.of(2015, 5, 18), LocalDate.of(2015, 5, 18))).containsExactly(THREADS * ROUNDS,
        50, THREADS * ROUNDS);
    assertThat(w.erase(java.util.Set.of("v1", "v2"))).isEqualTo(2);
    assertThat(w.snapshot().figures(LocalDate.of(2015, 5, 18), LocalDate.of(2015, 5, 18))[1]).isEqualTo(48);
  }
}
