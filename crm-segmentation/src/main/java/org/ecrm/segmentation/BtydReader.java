package org.ecrm.segmentation;

import org.ecrm.segmentation.internal.Engine;
import org.ecrm.segmentation.internal.util.CustomerIds;
import org.ecrm.segmentation.internal.util.LongIntMap;
import org.ecrm.segmentation.internal.util.RadixSort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.engine.TransactionSource;
import org.jspecify.annotations.Nullable;

/**
 * Customer-day aggregation for the BTYD summary without hashing (customer, day) pairs: the kept rows
 * are counted per customer index and per day, put in day order and then scattered into one contiguous
 * region per customer (two stable counting sorts, so a customer's rows end up ordered by day and then
 * by arrival; when the days span more values than there are rows, regions are sorted one by one
 * instead; on large inputs both sorts run on several threads), and each region is scanned into the
 * customer's row. Regions are independent, so customers are summarised in parallel on
 * the common fork-join pool. An overflowing day total rejects the same row a running sum in arrival
 * order would. Stateless.
 */
final class BtydReader {
  /** Batches at least this large have their customer keys looked up by several threads. */
  private static final int PARALLEL_MIN = 1 << 17;

  private BtydReader() {
  }

  /** The kept rows of a read, as growable primitive columns, and the rows per customer index. */
  private static final class Rows {
    int[] customer = new int[1 << 16];
    int[] day = new int[1 << 16];
    long[] amount = new long[1 << 16];
    int size;
    int[] perCustomer = new int[1 << 12];
    /** Record number of kept row {@code breakRow[k]}; rows after it follow on consecutively. */
    long[] breakRow = new long[16];
    long[] breakRecord = new long[16];
    int breaks;
    long nextRecord = -1;

    /** Makes room for {@code more} rows at once (one copy per batch at most). */
    void reserve(int more) {
      if (size + more > day.length) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) size + more, day.length * 2L));
        customer = Arrays.copyOf(customer, cap);
        day = Arrays.copyOf(day, cap);
        amount = Arrays.copyOf(amount, cap);
      }
    }

    /** Adds a row; {@link #reserve} must have made room. */
    void add(int idx, int d, long a, long record) {
      if (idx == perCustomer.length) {
        perCustomer = Arrays.copyOf(perCustomer, idx * 2);
      }
      if (record != nextRecord) {
        if (breaks == breakRow.length) {
          breakRow = Arrays.copyOf(breakRow, breaks * 2);
          breakRecord = Arrays.copyOf(breakRecord, breaks * 2);
        }
        breakRow[breaks] = size;
        breakRecord[breaks++] = record;
      }
      customer[size] = idx;
      day[size] = d;
      amount[size++] = a;
      perCustomer[idx]++;
      nextRecord = record + 1;
    }

    long record(int row) {
      int k = Arrays.binarySearch(breakRow, 0, breaks, row);
      if (k < 0) {
        k = -k - 2;
      }
      return breakRecord[k] + (row - breakRow[k]);
    }
  }

  /** Per-customer results, filled by index; each index written by one task only. */
  private static final class Summaries {
    final int[] freq;
    final int[] recency;
    final int[] age;
    final long[] repeatSum;
    final int[] hFreq;
    final long[] hSum;
    final boolean[] firstAfter;

    Summaries(int customers) {
      freq = new int[customers];
      recency = new int[customers];
      age = new int[customers];
      repeatSum = new long[customers];
      hFreq = new int[customers];
      hSum = new long[customers];
      firstAfter = new boolean[customers];
    }
  }

  public static CustomerBaseSummary.Result summarize(TransactionSource source, LocalDate calibrationEnd,
      @Nullable LocalDate holdoutEnd, PeriodUnit unit) {
    int cal = (int) calibrationEnd.toEpochDay();
    int end = holdoutEnd == null ? cal : (int) holdoutEnd.toEpochDay();
    LongIntMap ids = new LongIntMap(1 << 12);
    Rows rows = new Rows();
    List<RejectedRecord> rejections = new ArrayList<>();
    java.util.Map<Long, String> names = new java.util.HashMap<>();
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
        var a = Engine.ACCESS;
        long[] cs = a.customers(b);
        int[] ds = a.days(b);
        long[] as = a.amounts(b);
        long first = b.firstRecord();
        int n = b.size();
        String[] named = a.ids(b);
        boolean[] clash = null;
        if (named != null) {
          for (int j = 0; j < n; j++) {
            if (named[j] != null) {
              String had = names.putIfAbsent(cs[j], named[j]);
              if (had != null && !had.equals(named[j])) {
                if (clash == null) {
                  clash = new boolean[n];
                }
                clash[j] = true;
                rejections.add(new RejectedRecord(first + j, "customer", "has the same engine key as the customer id "
                    + org.ecrm.core.io.SafeText.quote(had) + "; rename one of them", named[j]));
              }
            }
          }
        }
        rows.reserve(n);
        int parts = n >= PARALLEL_MIN ? Math.min(Runtime.getRuntime().availableProcessors(), 8) : 1;
        // parts after the first look their keys up in private maps meanwhile (the lookups are the cost)
        int[][] local = new int[parts][];
        long[][] localKeys = new long[parts][];
        List<java.util.concurrent.ForkJoinTask<?>> tasks = new ArrayList<>();
        int expected = Math.max(16, ids.size());
        boolean[] skip = clash;
        for (int p = 1; p < parts; p++) {
          int part = p;
          int from = bound(n, p, parts);
          int to = bound(n, p + 1, parts);
          tasks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(() -> {
            LongIntMap map = new LongIntMap(expected);
            int[] idx = new int[to - from];
            for (int j = from; j < to; j++) {
              int d = ds[j];
              idx[j - from] = d > end || d < 0 || skip != null && skip[j] ? -1 : map.getOrAdd(cs[j]);
            }
            local[part] = idx;
            localKeys[part] = map.keysByIndex();
          }));
        }
        for (int p = 0; p < parts; p++) {
          int from = bound(n, p, parts);
          int to = bound(n, p + 1, parts);
          int[] idx = new int[0];
          int[] global = null;
          if (p > 0) {
            tasks.get(p - 1).join();
            // private indices to global ones, taken in the part's order of first appearance, so global
            // indices keep numbering customers in order of first appearance
            idx = local[p];
            long[] keys = localKeys[p];
            global = new int[keys.length];
            for (int k = 0; k < keys.length; k++) {
              global[k] = ids.getOrAdd(keys[k]);
            }
          }
          for (int j = from; j < to; j++) {
            int d = ds[j];
            if (clash != null && clash[j]) {
              continue; // rejected above
            }
            if (d > end) {
              after[0]++;
            } else if (d < 0) {
              rejections.add(new RejectedRecord(first + j, "date", "is before 1970-01-01"));
            } else {
              rows.add(global == null ? ids.getOrAdd(cs[j]) : global[idx[j - from]], d, as[j], first + j);
            }
          }
        }
      }

      @Override
      public void reject(RejectedRecord r) {
        rejections.add(r);
      }

      @Override
      public void skip(String reason) {
        // skipped records are not purchases
      }
    });
    Currency cur = currency[0] == null ? Currency.getInstance("XXX") : currency[0];
    int digits = Math.max(cur.getDefaultFractionDigits(), 0);
    int n = rows.size;
    int customers = ids.size();
    long[] keys = ids.keysByIndex();
    // counting sort by customer: region of customer i is [start[i], start[i + 1])
    int[] start = new int[customers + 1];
    for (int i = 0; i < customers; i++) {
      start[i + 1] = start[i] + rows.perCustomer[i];
    }
    long[] dayRow = scatter(rows, start, customers);
    boolean sorted = dayRow != null;
    if (dayRow == null) {
      dayRow = new long[n];
      int[] next = Arrays.copyOf(start, customers);
      int[] rc = rows.customer;
      int[] rd = rows.day;
      for (int r = 0; r < n; r++) {
        dayRow[next[rc[r]]++] = ((long) rd[r] << 32) | r;
      }
    }
    long[] regions = dayRow;
    long[] amount = rows.amount;
    Summaries out = new Summaries(customers);
    int threads = n >= 1 << 17 ? Math.min(Runtime.getRuntime().availableProcessors(), 8) : 1;
    List<List<RejectedRecord>> overflow = new ArrayList<>();
    List<java.util.concurrent.ForkJoinTask<?>> tasks = new ArrayList<>();
    int from = 0;
    for (int t = 0; t < threads; t++) {
      long target = (long) n * (t + 1) / threads;
      int to = from;
      while (to < customers && (t == threads - 1 || start[to] < target)) {
        to++;
      }
      List<RejectedRecord> rejected = new ArrayList<>();
      overflow.add(rejected);
      int lo = from;
      int hi = to;
      Runnable work = () -> summarise(lo, hi, start, regions, sorted, amount, cal, out, rows, keys, rejected);
      if (t == threads - 1) {
        work.run();
      } else {
        tasks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(work));
      }
      from = to;
    }
    tasks.forEach(java.util.concurrent.ForkJoinTask::join);
    int rejectedBefore = rejections.size();
    overflow.forEach(rejections::addAll);
    int firstAfter = 0;
    for (boolean b : out.firstAfter) {
      firstAfter += b ? 1 : 0;
    }
    if (rejections.size() > rejectedBefore) {
      rejections.sort(Comparator.comparingLong(RejectedRecord::record)); // arrival order
    }
    int[] byKey = new int[customers];
    for (int i = 0; i < customers; i++) {
      byKey[i] = i;
    }
    long[] sortedKeys = keys.clone();
    RadixSort.sort(sortedKeys, byKey, customers);
    double per = unit.days();
    BigDecimal zero = BigDecimal.ZERO.setScale(digits + 6);
    List<BtydCustomer> list = new ArrayList<>(customers);
    for (int k = 0; k < customers; k++) {
      int i = byKey[k];
      if (!out.firstAfter[i]) {
        int f = out.freq[i];
        int hf = out.hFreq[i];
        list.add(new BtydCustomer(sortedKeys[k], f, out.recency[i] / per, out.age[i] / per,
            f == 0 ? zero : mean(out.repeatSum[i], f, digits), hf, hf == 0 ? zero : mean(out.hSum[i], hf, digits),
            CustomerIds.text(sortedKeys[k], names.isEmpty() ? null : names.get(sortedKeys[k]))));
      }
    }
    double holdout = holdoutEnd == null ? 0 : (end - cal) / per;
    return new CustomerBaseSummary.Result(list, cur, unit, holdout, firstAfter, after[0], rejections);
  }

  /**
   * The kept rows as {@code day << 32 | row}, in customer regions ordered by day and then arrival: a
   * stable counting sort by day followed by a stable counting scatter by customer (least significant
   * digit first). Null when the days span more than {@code max(2^16, rows)} values; the caller then
   * scatters by customer only and orders each region itself.
   */
  private static long @Nullable [] scatter(Rows rows, int[] start, int customers) {
    int n = rows.size;
    int[] rc = rows.customer;
    int[] rd = rows.day;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int r = 0; r < n; r++) {
      min = Math.min(min, rd[r]);
      max = Math.max(max, rd[r]);
    }
    long span = (long) max - min + 1;
    if (n == 0 || span > Math.max(1 << 16, n)) {
      return null;
    }
    int threads = n >= PARALLEL_MIN ? Math.min(Runtime.getRuntime().availableProcessors(), 8) : 1;
    int days = (int) span;
    int low = min;
    // stable counting sort by day, rows cut into one range per thread: each range counts its days, then
    // writes its rows after those of the same day in earlier ranges
    int[][] hist = new int[threads][];
    parallel(threads, t -> {
      int[] h = new int[days];
      for (int r = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads); r < to; r++) {
        h[rd[r] - low]++;
      }
      hist[t] = h;
    });
    int[] dayStart = new int[days + 1]; // day k is [dayStart[k], dayStart[k + 1])
    int sum = 0;
    for (int d = 0; d < days; d++) {
      dayStart[d] = sum;
      for (int t = 0; t < threads; t++) {
        int c = hist[t][d];
        hist[t][d] = sum; // where range t writes its first row of day d
        sum += c;
      }
    }
    dayStart[days] = sum;
    long[] byDay = new long[n]; // customer << 32 | row, grouped by day in arrival order
    parallel(threads, t -> {
      int[] at = hist[t];
      for (int r = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads); r < to; r++) {
        byDay[at[rd[r] - low]++] = ((long) rc[r] << 32) | r;
      }
    });
    // stable scatter into customer regions: each thread reads every row and writes those of its own
    // customers (a range with about n / threads rows), so regions fill in day order
    long[] dayRow = new long[n];
    int[] cut = new int[threads + 1];
    cut[threads] = customers;
    for (int t = 1, c = 0; t < threads; t++) {
      long target = (long) n * t / threads;
      while (c < customers && start[c] < target) {
        c++;
      }
      cut[t] = c;
    }
    parallel(threads, t -> {
      int lo = cut[t];
      int hi = cut[t + 1];
      int[] next = Arrays.copyOfRange(start, lo, Math.max(lo, hi));
      int k = 0;
      for (int d = 0; d < days; d++) {
        long high = (long) (d + low) << 32;
        for (int e = dayStart[d + 1]; k < e; k++) {
          long v = byDay[k];
          int c = (int) (v >>> 32);
          if (c >= lo && c < hi) {
            dayRow[next[c - lo]++] = high | (v & 0xFFFF_FFFFL);
          }
        }
      }
    });
    return dayRow;
  }

  /**
   * Weight of a batch's first part in tenths of the others': the calling thread looks it up and then adds
   * every part's rows, so it takes a smaller share (4 measured best of 3, 4, 6 and 10 at 5M rows, 2 cores).
   */
  private static final int FIRST_PART_TENTHS = 4;

  /** Where part {@code p} of {@code parts} starts in a batch of {@code n} rows. */
  private static int bound(int n, int p, int parts) {
    if (p == 0) {
      return 0;
    }
    return (int) ((long) n * (FIRST_PART_TENTHS + 10L * (p - 1)) / (FIRST_PART_TENTHS + 10L * (parts - 1)));
  }

  /** Runs {@code work} for 0..threads-1, the last on the calling thread and the others on the common pool. */
  private static void parallel(int threads, java.util.function.IntConsumer work) {
    if (threads == 1) {
      work.accept(0);
      return;
    }
    List<java.util.concurrent.ForkJoinTask<?>> tasks = new ArrayList<>();
    for (int t = 0; t < threads - 1; t++) {
      int task = t;
      tasks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(() -> work.accept(task)));
    }
    work.accept(threads - 1);
    tasks.forEach(java.util.concurrent.ForkJoinTask::join);
  }

  /** Summarises customers [lo, hi): orders each region by day (then arrival) unless sorted, and scans it. */
  private static void summarise(int lo, int hi, int[] start, long[] dayRow, boolean sorted, long[] amount,
      int cal, Summaries out, Rows rows, long[] keys, List<RejectedRecord> rejected) {
    for (int i = lo; i < hi; i++) {
      int from = start[i];
      int to = start[i + 1];
      if (!sorted) {
        sortRegion(dayRow, from, to);
      }
      int first = (int) (dayRow[from] >>> 32);
      int last = first;
      int f = 0;
      int hf = 0;
      long repeat = 0;
      long holdout = 0;
      boolean firstDay = true;
      int q = from;
      while (q < to) {
        int d = (int) (dayRow[q] >>> 32);
        long total = 0;
        for (; q < to && (int) (dayRow[q] >>> 32) == d; q++) {
          long a = amount[(int) dayRow[q]];
          long s = total + a;
          if (((total ^ s) & (a ^ s)) < 0) {
            rejected.add(new RejectedRecord(rows.record((int) dayRow[q]), "amount", "overflows the 64-bit day total of"
                + " customer " + keys[i] + ": " + a));
            continue;
          }
          total = s;
        }
        if (d <= cal) {
          if (!firstDay) {
            f++;
            repeat = addOrFail(repeat, total, "repeat-purchase", keys[i]);
          }
          last = d;
        } else {
          hf++;
          holdout = addOrFail(holdout, total, "holdout", keys[i]);
        }
        firstDay = false;
      }
      if (first > cal) {
        out.firstAfter[i] = true;
      } else {
        out.freq[i] = f;
        out.recency[i] = last - first;
        out.age[i] = cal - first;
        out.repeatSum[i] = repeat;
        out.hFreq[i] = hf;
        out.hSum[i] = holdout;
      }
    }
  }

  private static long addOrFail(long sum, long add, String what, long customer) {
    long s = sum + add;
    if (((sum ^ s) & (add ^ s)) < 0) {
      throw new ArithmeticException("the " + what + " total of customer " + customer
          + " overflows 64-bit minor units");
    }
    return s;
  }

  /** Sorts {@code keys[from, to)} ascending. */
  private static void sortRegion(long[] keys, int from, int to) {
    if (to - from <= 48) {
      for (int i = from + 1; i < to; i++) {
        long k = keys[i];
        int j = i - 1;
        while (j >= from && keys[j] > k) {
          keys[j + 1] = keys[j];
          j--;
        }
        keys[j + 1] = k;
      }
      return;
    }
    Arrays.sort(keys, from, to);
  }

  /** {@code sumMinor / 10^digits / count} to {@code digits + 6} places, half-even. */
  static BigDecimal mean(long sumMinor, long count, int digits) {
    if (count == 0) {
      return BigDecimal.ZERO.setScale(digits + 6);
    }
    if (Math.abs(sumMinor) < 9_000_000_000_000L) {
      // exact in longs: round(sum * 10^6 / count) half-even, at scale digits + 6
      long x = sumMinor * 1_000_000L;
      long q = x / count;
      long r = x % count;
      long twice = Math.abs(r) * 2;
      if (twice > count || (twice == count && (q & 1) != 0)) {
        q += x < 0 ? -1 : 1;
      }
      return BigDecimal.valueOf(q, digits + 6);
    }
    return BigDecimal.valueOf(sumMinor, digits).divide(BigDecimal.valueOf(count), digits + 6,
        RoundingMode.HALF_EVEN);
  }
}
