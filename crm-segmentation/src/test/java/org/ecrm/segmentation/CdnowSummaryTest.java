package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BTYD summary of CDNOW_sample (calibration end 1997-09-30, weeks, same-day purchases merged) equals
 * lifetimes' published cdnow_customers_summary*.csv for every customer.
 */
class CdnowSummaryTest {
  static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  record Tx(long id, LocalDate date, long cents) {
  }

  static List<Tx> sample() throws Exception {
    List<Tx> out = new ArrayList<>();
    for (String line : Files.readAllLines(SharedData.require("cdnow/CDNOW_sample.txt"))) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 5) {
        out.add(new Tx(Long.parseLong(f[1]), LocalDate.parse(f[2], YMD),
            new BigDecimal(f[4]).movePointRight(2).longValueExact()));
      }
    }
    return out;
  }

  static CustomerBaseSummary.Result summary() throws Exception {
    List<Tx> txs = sample();
    assertThat(txs).hasSize(6_919);
    return CustomerBaseSummary.builder().calibrationEnd(LocalDate.of(1997, 9, 30)).unit(PeriodUnit.WEEKS).build()
        .summarize(TransactionSource.ofIterable(Currency.getInstance("USD"), txs, Tx::id, Tx::date, Tx::cents));
  }

  @Test
  void cdnowSampleSummaryEqualsLifetimesForEveryCustomer() throws Exception {
    CustomerBaseSummary.Result result = summary();
    List<String> published = Files.readAllLines(SharedData.require("cdnow/cdnow_customers_summary.csv"));
    assertThat(published.get(0)).isEqualTo("ID,frequency,recency,T");
    assertThat(result.customers()).hasSize(published.size() - 1).hasSize(2_357);
    int checked = 0;
    for (String line : published.subList(1, published.size())) {
      String[] f = line.split(",");
      BtydCustomer c = result.find(Long.parseLong(f[0])).orElseThrow();
      assertThat(c.frequency()).as("frequency of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
      assertThat(round2(c.recency())).as("recency of %s", f[0]).isEqualTo(new BigDecimal(f[2]).setScale(2));
      assertThat(round2(c.t())).as("T of %s", f[0]).isEqualTo(new BigDecimal(f[3]).setScale(2));
      checked++;
    }
    assertThat(checked).isEqualTo(2_357);
  }

  @Test
  void cdnowSampleMeanRepeatValueEqualsPublishedZbarForEveryCustomer() throws Exception {
    CustomerBaseSummary.Result result = summary();
    List<String> published = Files.readAllLines(
        SharedData.require("cdnow/cdnow_customers_summary_with_transactions.csv"));
    int checked = 0;
    for (String line : published.subList(1, published.size())) {
      String[] f = line.strip().split(",");
      BtydCustomer c = result.find(Long.parseLong(f[0])).orElseThrow();
      assertThat(c.frequency()).isEqualTo(Integer.parseInt(f[1]));
      // zbar is published with 2 decimals; ours is exact: they agree to the published precision
      assertThat(c.monetaryValue().doubleValue()).as("zbar of %s", f[0])
          .isCloseTo(Double.parseDouble(f[4]), within(0.005 + 1e-9));
      checked++;
    }
    assertThat(checked).isEqualTo(2_357);
  }

  @Test
  void holdoutPeriodCountsPurchaseDaysAfterCalibration() throws Exception {
    List<Tx> txs = sample();
    CustomerBaseSummary.Result r = CustomerBaseSummary.builder().calibrationEnd(LocalDate.of(1997, 9, 30))
        .holdoutEnd(LocalDate.of(1998, 6, 30)).unit(PeriodUnit.WEEKS).build()
        .summarize(TransactionSource.ofIterable(Currency.getInstance("USD"), txs, Tx::id, Tx::date, Tx::cents));
    assertThat(r.holdoutDuration()).isCloseTo(273 / 7.0, within(1e-12));
    // customer 1: 1997-01-01, 01-18, 08-02, then 1997-12-12 in the holdout (from the sample file)
    long expectedDays = txs.stream().filter(t -> t.id() == 1 && t.date().isAfter(LocalDate.of(1997, 9, 30)))
        .map(Tx::date).distinct().count();
    assertThat(r.find(1).orElseThrow().frequencyHoldout()).isEqualTo(expectedDays);
    long total = txs.stream().filter(t -> t.date().isAfter(LocalDate.of(1997, 9, 30)))
        .map(t -> t.id() + "@" + t.date()).distinct().count();
    assertThat(r.customers().stream().mapToLong(BtydCustomer::frequencyHoldout).sum()).isEqualTo(total);
  }

  static BigDecimal round2(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }

}
