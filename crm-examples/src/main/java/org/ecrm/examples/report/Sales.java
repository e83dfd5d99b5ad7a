package org.ecrm.examples.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Orders, revenue and cohorts from the purchases. An <em>order</em> is what one customer bought on one
 * day (rows of the same customer and day summed, refunds netted), counted when its net amount is
 * positive; <em>revenue</em> is the net sum of every purchase row in the period. Immutable.
 */
final class Sales {
  private final long[] orderCustomer;
  private final int[] orderDay;
  private final long[] orderAmount;
  private final int[] rowDay;
  private final long[] rowAmount;
  private final int firstDay;
  private final int lastDay;

  Sales(Purchases.Columns c) {
    int n = c.size();
    int[] idx = order(c);
    long[] oc = new long[n];
    int[] od = new int[n];
    long[] oa = new long[n];
    int orders = 0;
    int i = 0;
    while (i < n) {
      long cust = c.customer()[idx[i]];
      int day = c.day()[idx[i]];
      long sum = 0;
      while (i < n && c.customer()[idx[i]] == cust && c.day()[idx[i]] == day) {
        long a = c.amount()[idx[i]];
        long next = sum + a;
        if (((sum ^ next) & (a ^ next)) >= 0) { // a row that would overflow the day's total is left out
          sum = next;
        }
        i++;
      }
      if (sum > 0) {
        oc[orders] = cust;
        od[orders] = day;
        oa[orders] = sum;
        orders++;
      }
    }
    orderCustomer = Arrays.copyOf(oc, orders);
    orderDay = Arrays.copyOf(od, orders);
    orderAmount = Arrays.copyOf(oa, orders);
    rowDay = c.day().clone();
    rowAmount = c.amount().clone();
    firstDay = Arrays.stream(rowDay).min().orElse(0);
    lastDay = Arrays.stream(rowDay).max().orElse(0);
  }

  /** The orders (one per customer and day with a positive net amount) as a source. */
  org.ecrm.segmentation.engine.TransactionSource orders(java.util.Currency currency) {
    return org.ecrm.segmentation.engine.TransactionSource.ofArrays(currency, orderCustomer, orderDay, orderAmount);
  }

  /**
   * Row indices sorted by customer, then day: two stable counting sorts (day, then dense customer index),
   * linear in the rows after one sort of the customer keys.
   */
  private static int[] order(Purchases.Columns c) {
    int n = c.size();
    if (n == 0) {
      return new int[0];
    }
    long[] keys = c.customer().clone();
    Arrays.sort(keys);
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        keys[u++] = keys[i];
      }
    }
    int[] dense = new int[n];
    for (int i = 0; i < n; i++) {
      dense[i] = Arrays.binarySearch(keys, 0, u, c.customer()[i]);
    }
    int min = Arrays.stream(c.day()).min().getAsInt();
    int max = Arrays.stream(c.day()).max().getAsInt();
    int[] byDay = countingSort(n, max - min + 1, i -> c.day()[i] - min, null);
    return countingSort(n, u, i -> dense[i], byDay);
  }

  private static int[] countingSort(int n, int range, java.util.function.IntUnaryOperator key, int[] in) {
    int[] count = new int[range + 1];
    for (int i = 0; i < n; i++) {
      count[key.applyAsInt(in == null ? i : in[i]) + 1]++;
    }
    for (int k = 0; k < range; k++) {
      count[k + 1] += count[k];
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int row = in == null ? i : in[i];
      out[count[key.applyAsInt(row)]++] = row;
    }
    return out;
  }

  boolean isEmpty() {
    return rowDay.length == 0;
  }

  LocalDate firstDay() {
    return LocalDate.ofEpochDay(firstDay);
  }

  LocalDate lastDay() {
    return LocalDate.ofEpochDay(lastDay);
  }

  /** Headline figures of the purchases from {@code from} to {@code to}, both included. */
  Figures figures(LocalDate from, LocalDate to) {
    int a = (int) from.toEpochDay();
    int b = (int) to.toEpochDay();
    Total revenue = new Total();
    for (int i = 0; i < rowDay.length; i++) {
      if (rowDay[i] >= a && rowDay[i] <= b) {
        revenue.add(rowAmount[i]);
      }
    }
    Map<Long, Integer> perCustomer = new HashMap<>();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < orderDay.length; i++) {
      if (orderDay[i] >= a && orderDay[i] <= b) {
        perCustomer.merge(orderCustomer[i], 1, Integer::sum);
        values.add(orderAmount[i]);
      }
    }
    long repeat = perCustomer.values().stream().filter(k -> k >= 2).count();
    values.sort(null);
    BigDecimal median = values.isEmpty() ? BigDecimal.ZERO : values.size() % 2 == 1
        ? BigDecimal.valueOf(values.get(values.size() / 2))
        : BigDecimal.valueOf(values.get(values.size() / 2 - 1)).add(BigDecimal.valueOf(values.get(values.size() / 2)))
            .divide(BigDecimal.valueOf(2));
    return new Figures(perCustomer.size(), revenue.value(), values.size(),
        perCustomer.isEmpty() ? 0 : (double) repeat / perCustomer.size(), median);
  }

  /**
   * Figures of a period: customers with an order, net revenue (minor units, exact), orders, share of those
   * customers with two or more orders, and the median order value (minor units, exact).
   */
  record Figures(int customers, BigInteger revenueMinor, int orders, double repeatRate, BigDecimal medianMinor) {}

  /** An exact sum of minor units: a long until it would overflow, then a BigInteger. */
  static final class Total {
    private long small;
    private BigInteger big;

    void add(long v) {
      if (big != null) {
        big = big.add(BigInteger.valueOf(v));
        return;
      }
      long next = small + v;
      if (((small ^ next) & (v ^ next)) < 0) {
        big = BigInteger.valueOf(small).add(BigInteger.valueOf(v));
      } else {
        small = next;
      }
    }

    BigInteger value() {
      return big != null ? big : BigInteger.valueOf(small);
    }
  }

  /** One bucket of the time series: net revenue and orders. */
  static final class Bucket {
    final Total revenue = new Total();
    long orders;
  }

  /** Revenue (minor units) and orders per bucket (first day of the month or of the ISO week), in order. */
  Map<LocalDate, Bucket> series(LocalDate from, LocalDate to, boolean monthly) {
    TreeMap<LocalDate, Bucket> m = new TreeMap<>();
    for (LocalDate d = bucket(from, monthly); !d.isAfter(to); d = monthly ? d.plusMonths(1) : d.plusWeeks(1)) {
      m.put(d, new Bucket());
    }
    int a = (int) from.toEpochDay();
    int b = (int) to.toEpochDay();
    Bucket[] slot = new Bucket[b - a + 1];
    for (int d = a; d <= b; d++) {
      slot[d - a] = m.get(bucket(LocalDate.ofEpochDay(d), monthly));
    }
    for (int i = 0; i < rowDay.length; i++) {
      if (rowDay[i] >= a && rowDay[i] <= b) {
        slot[rowDay[i] - a].revenue.add(rowAmount[i]);
      }
    }
    for (int i = 0; i < orderDay.length; i++) {
      if (orderDay[i] >= a && orderDay[i] <= b) {
        slot[orderDay[i] - a].orders++;
      }
    }
    return m;
  }

  static LocalDate bucket(LocalDate d, boolean monthly) {
    return monthly ? d.withDayOfMonth(1) : d.minusDays(d.getDayOfWeek().getValue() - 1L);
  }

  static String bucketLabel(LocalDate d, boolean monthly) {
    return monthly ? YearMonth.from(d).toString()
        : String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * Monthly acquisition cohorts up to {@code to}: customers by the month of their first order, and for
   * each later month the number of them with an order in it (index 0 = the first month, which is everyone).
   */
  Map<YearMonth, int[]> cohorts(LocalDate to) {
    int b = (int) to.toEpochDay();
    Map<Long, YearMonth> first = new HashMap<>();
    for (int i = 0; i < orderDay.length; i++) {
      if (orderDay[i] <= b) {
        YearMonth ym = YearMonth.from(LocalDate.ofEpochDay(orderDay[i]));
        first.merge(orderCustomer[i], ym, (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    YearMonth last = YearMonth.from(to);
    Map<YearMonth, int[]> out = new LinkedHashMap<>();
    new TreeMap<>(groupSizes(first)).forEach((ym, size) -> {
      int[] row = new int[(int) ChronoUnit.MONTHS.between(ym, last) + 1];
      out.put(ym, row);
    });
    Map<Long, java.util.Set<YearMonth>> active = new HashMap<>();
    for (int i = 0; i < orderDay.length; i++) {
      if (orderDay[i] <= b) {
        active.computeIfAbsent(orderCustomer[i], k -> new java.util.HashSet<>())
            .add(YearMonth.from(LocalDate.ofEpochDay(orderDay[i])));
      }
    }
    active.forEach((cust, months) -> {
      YearMonth c = first.get(cust);
      int[] row = out.get(c);
      for (YearMonth ym : months) {
        row[(int) ChronoUnit.MONTHS.between(c, ym)]++;
      }
    });
    return out;
  }

  private static Map<YearMonth, Integer> groupSizes(Map<Long, YearMonth> first) {
    Map<YearMonth, Integer> m = new HashMap<>();
    first.values().forEach(ym -> m.merge(ym, 1, Integer::sum));
    return m;
  }

  /** The previous period of equal length, when the purchases reach back to its first day. */
  Optional<LocalDate[]> previous(LocalDate from, LocalDate to) {
    long len = ChronoUnit.DAYS.between(from, to) + 1;
    LocalDate pFrom = from.minusDays(len);
    if (isEmpty() || pFrom.toEpochDay() < firstDay) {
      return Optional.empty();
    }
    return Optional.of(new LocalDate[] {pFrom, from.minusDays(1)});
  }
}
