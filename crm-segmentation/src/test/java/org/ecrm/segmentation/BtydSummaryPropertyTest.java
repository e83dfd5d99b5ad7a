package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The customer-base summary against an obviously correct reference (a map of customer to a map of
 * day to day total) on seeded random data: small and large inputs (the parallel path), with and
 * without a holdout period, in days and weeks, rows in random batches and in random order, dates after
 * the end and before 1970, and amounts that overflow a day's total.
 */
class BtydSummaryPropertyTest {
  static final Currency EUR = Currency.getInstance("EUR");

  record Expected(List<BtydCustomer> rows, int firstAfter, long afterEnd, List<Long> rejectedRecords) {
  }

  static Expected reference(long[] c, int[] d, long[] a, int cal, int end, double per) {
    Map<Long, TreeMap<Integer, Long>> days = new TreeMap<>();
    long afterEnd = 0;
    List<Long> rejected = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      if (d[i] > end) {
        afterEnd++;
        continue;
      }
      if (d[i] < 0) {
        rejected.add((long) i);
        continue;
      }
      TreeMap<Integer, Long> m = days.computeIfAbsent(c[i], k -> new TreeMap<>());
      long before = m.getOrDefault(d[i], 0L);
      try {
        m.put(d[i], Math.addExact(before, a[i]));
      } catch (ArithmeticException e) {
        m.put(d[i], before);
        rejected.add((long) i);
      }
    }
    List<BtydCustomer> rows = new ArrayList<>();
    int firstAfter = 0;
    for (var e : days.entrySet()) {
      TreeMap<Integer, Long> m = e.getValue();
      int first = m.firstKey();
      if (first > cal) {
        firstAfter++;
        continue;
      }
      int freq = 0;
      int last = first;
      long repeat = 0;
      int hf = 0;
      long hs = 0;
      for (var day : m.entrySet()) {
        if (day.getKey() <= cal) {
          if (day.getKey() != first) {
            freq++;
            repeat += day.getValue();
          }
          last = day.getKey();
        } else {
          hf++;
          hs += day.getValue();
        }
      }
      rows.add(new BtydCustomer(e.getKey(), freq, (last - first) / per, (cal - first) / per, mean(repeat, freq),
          hf, mean(hs, hf)));
    }
    return new Expected(rows, firstAfter, afterEnd, rejected);
  }

  static BigDecimal mean(long sum, int count) {
    return count == 0 ? BigDecimal.ZERO.setScale(8)
        : BigDecimal.valueOf(sum, 2).divide(BigDecimal.valueOf(count), 8, RoundingMode.HALF_EVEN);
  }

  @ParameterizedTest(name = "seed {0}: {1} rows, holdout {2}, weeks {3}, days spread over millennia {4}")
  @CsvSource({"1,50,false,false,false", "2,2000,true,true,false", "3,2000,false,true,false",
      "4,30000,true,false,false", "5,300000,true,true,false", "6,300000,false,false,false",
      "7,2000,true,false,true", "8,300000,false,true,true"})
  void summaryEqualsTheReference(long seed, int rows, boolean holdout, boolean weeks, boolean wide) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int customers = Math.max(1, rows / 12);
    int cal = wide ? 2_000_000 : 20_000; // wide: more distinct days than rows (days are not counted but sorted)
    int end = holdout ? cal + 90 : cal;
    long[] c = new long[rows];
    int[] d = new int[rows];
    long[] a = new long[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = -500_000L + 13L * rnd.nextInt(customers);
      int kind = rnd.nextInt(200);
      d[i] = kind == 0 ? -1 - rnd.nextInt(9) : kind == 1 ? end + 1 + rnd.nextInt(30)
          : kind == 2 ? cal - 5 : kind == 3 && wide ? rnd.nextInt(cal) : cal - rnd.nextInt(700) + rnd.nextInt(120);
      // huge amounts all on one day: a second one overflows that day's total and is rejected
      a[i] = kind == 2 ? Long.MAX_VALUE / 2 + rnd.nextLong(1_000) : rnd.nextLong(-3_000, 90_000);
    }
    PeriodUnit unit = weeks ? PeriodUnit.WEEKS : PeriodUnit.DAYS;
    Expected expected = reference(c, d, a, cal, end, unit.days());

    CustomerBaseSummary.Builder b = CustomerBaseSummary.builder().calibrationEnd(LocalDate.ofEpochDay(cal)).unit(unit);
    if (holdout) {
      b.holdoutEnd(LocalDate.ofEpochDay(end));
    }
    // random batches through a custom source
    TransactionSource source = sink -> {
      SplittableRandom split = new SplittableRandom(seed * 7);
      int from = 0;
      while (from < rows) {
        int size = Math.min(rows - from, 1 + split.nextInt(rows < 1000 ? 50 : 200_000));
        sink.accept(TransactionBatch.of(EUR, java.util.Arrays.copyOfRange(c, from, from + size),
            java.util.Arrays.copyOfRange(d, from, from + size), java.util.Arrays.copyOfRange(a, from, from + size),
            size, from));
        from += size;
      }
    };
    CustomerBaseSummary.Result result = b.build().summarize(source);

    assertThat(result.customers()).isEqualTo(expected.rows());
    assertThat(result.customersFirstAfterCalibration()).isEqualTo(expected.firstAfter());
    assertThat(result.transactionsAfterEnd()).isEqualTo(expected.afterEnd());
    assertThat(result.rejections()).extracting(RejectedRecord::record).containsExactlyElementsOf(expected.rejectedRecords());
  }

  @org.junit.jupiter.api.Test
  void aRepeatTotalBeyond64BitsIsAClearErrorNamingTheCustomer() {
    long big = Long.MAX_VALUE / 2 + 1;
    TransactionSource source = TransactionSource.ofArrays(EUR, new long[] {7, 7, 7}, new int[] {100, 101, 102},
        new long[] {1, big, big});

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CustomerBaseSummary.builder()
            .calibrationEnd(LocalDate.ofEpochDay(200)).build().summarize(source))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("the repeat-purchase total of customer 7 overflows 64-bit minor units");
  }
}
