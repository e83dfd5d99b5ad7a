package org.ecrm.segmentation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ecrm.segmentation.MixedCurrencyException;
import org.ecrm.segmentation.Rejection;
import org.ecrm.segmentation.RfmAccumulator;
import org.ecrm.segmentation.TransactionBatch;
import org.ecrm.segmentation.TransactionSink;
import org.ecrm.segmentation.TransactionSource;
import org.jspecify.annotations.Nullable;

/**
 * The accumulator: customers interned to dense indices, per-customer primitive columns. No object per
 * transaction. Not thread-safe.
 */
public final class CustomerTable implements RfmAccumulator {
  private final LocalDate asOf;
  private final int asOfDay;
  private final boolean distinctDays;
  private @Nullable Currency currency;
  private final LongIntMap index = new LongIntMap(1024);
  private int[] first = new int[1024];
  private int[] last = new int[1024];
  private long[] count = new long[1024];
  private long[] sum = new long[1024];
  private final @Nullable LongSet days;
  private long transactions;
  private long excluded;
  private final List<Rejection> rejections = new ArrayList<>();
  private final Map<String, Long> skipped = new TreeMap<>();

  public CustomerTable(LocalDate asOf, @Nullable Currency currency, boolean distinctDays) {
    this.asOf = asOf;
    this.asOfDay = (int) asOf.toEpochDay();
    this.currency = currency;
    this.distinctDays = distinctDays;
    this.days = distinctDays ? new LongSet(1024) : null;
  }

  public boolean distinctDays() {
    return distinctDays;
  }

  private void checkCurrency(Currency c, long record) {
    if (currency == null) {
      currency = c;
    } else if (!currency.equals(c)) {
      throw new MixedCurrencyException(currency, c, record);
    }
  }

  private int slot(long customer) {
    int before = index.size();
    int i = index.getOrAdd(customer);
    if (i == before) {
      if (i == first.length) {
        int cap = first.length * 2;
        first = java.util.Arrays.copyOf(first, cap);
        last = java.util.Arrays.copyOf(last, cap);
        count = java.util.Arrays.copyOf(count, cap);
        sum = java.util.Arrays.copyOf(sum, cap);
      }
      first[i] = Integer.MAX_VALUE;
      last[i] = Integer.MIN_VALUE;
      count[i] = 0;
      sum[i] = 0;
    }
    return i;
  }

  @Override
  public void add(TransactionBatch batch) {
    checkCurrency(batch.currency(), batch.firstRecord());
    BatchAccess a = BatchAccess.get();
    long[] cs = a.customers(batch);
    int[] ds = a.days(batch);
    long[] as = a.amounts(batch);
    int n = batch.size();
    for (int j = 0; j < n; j++) {
      int d = ds[j];
      if (d > asOfDay) {
        excluded++;
        continue;
      }
      if (d < 0) {
        rejections.add(new Rejection(batch.firstRecord() + j, "date", "is before 1970-01-01: "
            + LocalDate.ofEpochDay(d)));
        continue;
      }
      int i = slot(cs[j]);
      long s = sum[i] + as[j];
      if (((sum[i] ^ s) & (as[j] ^ s)) < 0) {
        rejections.add(new Rejection(batch.firstRecord() + j, "amount", "overflows the 64-bit monetary sum of"
            + " customer " + cs[j] + ": " + as[j]));
        continue;
      }
      sum[i] = s;
      count[i]++;
      if (d > last[i]) {
        last[i] = d;
      }
      if (d < first[i]) {
        first[i] = d;
      }
      if (days != null) {
        days.add(((long) i << 32) | d);
      }
      transactions++;
    }
  }

  @Override
  public void addAll(TransactionSource source) {
    source.read(new TransactionSink() {
      @Override
      public void accept(TransactionBatch batch) {
        add(batch);
      }

      @Override
      public void reject(Rejection rejection) {
        rejections.add(rejection);
      }

      @Override
      public void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
      }
    });
  }

  @Override
  public RfmAccumulator merge(RfmAccumulator other) {
    if (!(other instanceof CustomerTable o)) {
      throw new IllegalArgumentException("accumulator must come from RfmAnalysis.newAccumulator(): "
          + other.getClass().getName());
    }
    if (o == this) {
      throw new IllegalArgumentException("cannot merge an accumulator into itself");
    }
    if (o.asOfDay != asOfDay || o.distinctDays != distinctDays) {
      throw new IllegalArgumentException("accumulators of different analyses: as-of " + asOf + " vs "
          + o.asOf + ", distinct days " + distinctDays + " vs " + o.distinctDays);
    }
    if (o.currency != null) {
      checkCurrency(o.currency, 0);
    }
    long[] keys = o.index.keysByIndex();
    int[] map = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      int i = slot(keys[k]);
      map[k] = i;
      sum[i] = Math.addExact(sum[i], o.sum[k]);
      count[i] += o.count[k];
      last[i] = Math.max(last[i], o.last[k]);
      first[i] = Math.min(first[i], o.first[k]);
    }
    if (days != null && o.days != null) {
      o.days.forEach(p -> days.add(((long) map[(int) (p >>> 32)] << 32) | (p & 0xFFFFFFFFL)));
    }
    transactions += o.transactions;
    excluded += o.excluded;
    rejections.addAll(o.rejections);
    o.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
    return this;
  }

  @Override
  public LocalDate asOf() {
    return asOf;
  }

  public int asOfDay() {
    return asOfDay;
  }

  @Override
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  @Override
  public int customers() {
    return index.size();
  }

  @Override
  public long transactions() {
    return transactions;
  }

  @Override
  public long excludedAfterAsOf() {
    return excluded;
  }

  @Override
  public List<Rejection> rejections() {
    return Collections.unmodifiableList(new ArrayList<>(rejections));
  }

  @Override
  public Map<String, Long> skipped() {
    return Collections.unmodifiableMap(new TreeMap<>(skipped));
  }

  @Override
  public long stateBytes() {
    return index.bytes() + (long) first.length * (4 + 4 + 8 + 8) + (days == null ? 0 : days.bytes());
  }

  // --- raw access for the engine ---
  /** The dense index of {@code key}, or -1. */
  public int indexOf(long key) {
    return index.get(key);
  }

  public long[] keys() {
    return index.keysByIndex();
  }

  public int lastDay(int i) {
    return last[i];
  }

  public long count(int i) {
    return count[i];
  }

  public long sum(int i) {
    return sum[i];
  }

  /** Distinct purchase days per customer index (only with distinct days). */
  public long[] distinctDayCounts() {
    long[] out = new long[index.size()];
    if (days != null) {
      days.forEach(p -> out[(int) (p >>> 32)]++);
    }
    return out;
  }

  @Override
  public String toString() {
    return "RfmAccumulator[asOf=" + asOf + ", customers=" + customers() + ", transactions=" + transactions
        + ", excludedAfterAsOf=" + excluded + "]";
  }
}
