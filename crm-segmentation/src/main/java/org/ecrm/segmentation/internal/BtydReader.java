package org.ecrm.segmentation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.MixedCurrencyException;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.Rejection;
import org.ecrm.segmentation.TransactionBatch;
import org.ecrm.segmentation.TransactionSink;
import org.ecrm.segmentation.TransactionSource;
import org.jspecify.annotations.Nullable;

/** Customer-day aggregation for the BTYD summary. Stateless. */
public final class BtydReader {
  private BtydReader() {
  }

  public static CustomerBaseSummary.Result summarize(TransactionSource source, LocalDate calibrationEnd,
      @Nullable LocalDate holdoutEnd, PeriodUnit unit) {
    int cal = (int) calibrationEnd.toEpochDay();
    int end = holdoutEnd == null ? cal : (int) holdoutEnd.toEpochDay();
    LongIntMap ids = new LongIntMap(1 << 12);
    LongSumMap perDay = new LongSumMap(1 << 14);
    List<Rejection> rejections = new ArrayList<>();
    long[] after = new long[1];
    Currency[] currency = new Currency[1];
    source.read(new TransactionSink() {
      @Override
      public void accept(TransactionBatch b) {
        if (currency[0] == null) {
          currency[0] = b.currency();
        } else if (!currency[0].equals(b.currency())) {
          throw new MixedCurrencyException(currency[0], b.currency(), b.firstRecord());
        }
        BatchAccess a = BatchAccess.get();
        long[] cs = a.customers(b);
        int[] ds = a.days(b);
        long[] as = a.amounts(b);
        for (int j = 0, n = b.size(); j < n; j++) {
          int d = ds[j];
          if (d > end) {
            after[0]++;
            continue;
          }
          if (d < 0) {
            rejections.add(new Rejection(b.firstRecord() + j, "date", "is before 1970-01-01"));
            continue;
          }
          int i = ids.getOrAdd(cs[j]);
          try {
            perDay.add(((long) i << 32) | d, as[j]);
          } catch (ArithmeticException e) {
            rejections.add(new Rejection(b.firstRecord() + j, "amount", "overflows the 64-bit day total of"
                + " customer " + cs[j] + ": " + as[j]));
          }
        }
      }

      @Override
      public void reject(Rejection r) {
        rejections.add(r);
      }

      @Override
      public void skip(String reason) {
        // skipped records are not purchases
      }
    });
    Currency cur = currency[0] == null ? Currency.getInstance("XXX") : currency[0];
    int digits = Math.max(cur.getDefaultFractionDigits(), 0);
    long[] keys = ids.keysByIndex();
    long[][] e = perDay.sortedEntries();
    long[] packed = e[0];
    long[] sums = e[1];
    double per = unit.days();
    List<long[]> rows = new ArrayList<>();
    int firstAfter = 0;
    int p = 0;
    while (p < packed.length) {
      int idx = (int) (packed[p] >>> 32);
      int first = (int) packed[p];
      int q = p;
      int last = first;
      long repeatSum = 0;
      int freq = 0;
      int hFreq = 0;
      long hSum = 0;
      while (q < packed.length && (int) (packed[q] >>> 32) == idx) {
        int d = (int) packed[q];
        if (d <= cal) {
          if (q != p) {
            freq++;
            repeatSum = Math.addExact(repeatSum, sums[q]);
          }
          last = d;
        } else {
          hFreq++;
          hSum = Math.addExact(hSum, sums[q]);
        }
        q++;
      }
      if (first > cal) {
        firstAfter++;
      } else {
        rows.add(new long[] {keys[idx], freq, last - first, cal - first, repeatSum, hFreq, hSum});
      }
      p = q;
    }
    rows.sort((x, y) -> Long.compare(x[0], y[0]));
    List<BtydCustomer> out = new ArrayList<>(rows.size());
    for (long[] r : rows) {
      out.add(new BtydCustomer(r[0], (int) r[1], r[2] / per, r[3] / per, mean(r[4], r[1], digits), (int) r[5],
          mean(r[6], r[5], digits)));
    }
    double holdout = holdoutEnd == null ? 0 : (end - cal) / per;
    return new CustomerBaseSummary.Result(out, cur, unit, holdout, firstAfter, after[0], rejections);
  }

  static BigDecimal mean(long sumMinor, long count, int digits) {
    if (count == 0) {
      return BigDecimal.ZERO.setScale(digits + 6);
    }
    return BigDecimal.valueOf(sumMinor, digits).divide(BigDecimal.valueOf(count), digits + 6,
        RoundingMode.HALF_EVEN);
  }
}
