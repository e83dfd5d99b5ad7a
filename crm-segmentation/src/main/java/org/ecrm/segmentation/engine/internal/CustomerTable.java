package org.ecrm.segmentation.engine.internal;

import org.ecrm.segmentation.internal.util.LongIntMap;
import org.ecrm.segmentation.internal.util.LongSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.jspecify.annotations.Nullable;

/**
 * The state behind the engine's accumulator: an open-addressing table whose entries hold the whole
 * per-customer state, {@code [key, sum, count, (index + 1) << 32 | last day]} (the index numbers customers
 * in order of first appearance; a zero last word marks a free slot), so adding a transaction touches one
 * cache line. A large batch is split into contiguous ranges added by {@code parallelism} threads (helpers
 * from the common fork-join pool) into private tables, which are then merged into this one in range
 * order. No object per transaction. The rows come as primitive columns; the engine's exported
 * accumulator wraps this table and turns its rejections into the API's records.
 *
 * <p>Not thread-safe: one thread at a time may call its methods (it may use helper threads inside).
 */
public final class CustomerTable {
  private static final int STRIDE = 4;
  /** Batches smaller than this are added by the calling thread alone. */
  private static final int PARALLEL_MIN = 1 << 17;

  private LocalDate asOf;
  private int asOfDay;
  private final boolean distinctDays;
  private final int parallelism;
  private @Nullable Currency currency;
  private final Part part;
  private long transactions;
  private long excluded;
  /**
   * Sum of |amount| over every row offered so far (saturating at Long.MAX_VALUE): no customer's running
   * sum can exceed it, so while it has not saturated no order of adding the rows can overflow, and
   * splitting a batch over threads gives exactly what adding it row by row gives.
   */
  private long absBound;
  /**
   * Sum of |amount| over the accepted rows: kept below 2^63 by rejecting the row that would pass it, so
   * no total over customers (segment revenue, Pareto) can overflow.
   */
  private long acceptedAbs;
  private final List<Rejection> rejections = new ArrayList<>();
  /** The id text of each named customer, by customer index (null for numeric keys); null while none. */
  private String @Nullable [] names;
  /**
   * Per customer index, {@code 1 << 32 | name.hashCode()} of a named customer, 0 for a numeric one: a row
   * of a known customer is checked against this word (one small array, no text compared), so two texts
   * with one key are told apart unless their 32-bit string hashes agree too (about 2^-94 per pair).
   */
  private long[] nameChecks = new long[0];
  private final Map<String, Long> skipped = new TreeMap<>();

  public CustomerTable(LocalDate asOf, @Nullable Currency currency, boolean distinctDays, int parallelism) {
    this.asOf = asOf;
    this.asOfDay = (int) asOf.toEpochDay();
    this.currency = currency;
    this.distinctDays = distinctDays;
    this.parallelism = Math.max(1, parallelism);
    this.part = new Part(distinctDays);
  }

  public boolean distinctDays() {
    return distinctDays;
  }

  static int hash(long key) {
    return LongIntMap.hash(key);
  }

  /** An open-addressing table of whole entries. */
  private static final class Part {
    long[] table = new long[16 * STRIDE];
    int mask = 15;
    int size;
    final @Nullable LongSet days;

    Part(boolean distinctDays) {
      days = distinctDays ? new LongSet(16) : null;
    }

    /** The offset of {@code key}'s entry, inserting an empty one (count 0) if absent. */
    int entry(long key, int hash) {
      long[] t = table;
      int slot = hash & mask;
      while (true) {
        int o = slot * STRIDE;
        if (t[o + 3] == 0) {
          if ((size + 1) * 2 > mask + 1) {
            grow();
            return entry(key, hash);
          }
          t[o] = key;
          t[o + 3] = (long) (++size) << 32; // index + 1 in the high half (never 0), last day 0 in the low
          return o;
        }
        if (t[o] == key) {
          return o;
        }
        slot = (slot + 1) & mask;
      }
    }

    void grow() {
      long[] old = table;
      int slots = (mask + 1) * 2;
      long[] t = new long[slots * STRIDE];
      int m = slots - 1;
      for (int o = 0; o < old.length; o += STRIDE) {
        if (old[o + 3] != 0) {
          int slot = hash(old[o]) & m;
          while (t[slot * STRIDE + 3] != 0) {
            slot = (slot + 1) & m;
          }
          System.arraycopy(old, o, t, slot * STRIDE, STRIDE);
        }
      }
      table = t;
      mask = m;
    }

    long bytes() {
      return (long) table.length * Long.BYTES + (days == null ? 0 : days.bytes());
    }
  }

  private static int indexOf(long meta) {
    return (int) (meta >>> 32) - 1;
  }

  private static int lastOf(long meta) {
    return (int) meta;
  }

  /**
   * Takes {@code c} as the currency when none is set yet; false when the table is in another currency
   * (then the caller reports the mix).
   */
  public boolean useCurrency(Currency c) {
    if (currency == null) {
      currency = c;
    }
    return currency.equals(c);
  }

  /** Adds rows [from, to) of one batch's columns to this table. */
  private void addRows(long[] cs, String @Nullable [] ids, int[] ds, long[] as, long firstRecord, int from,
      int to) {
    Part part = this.part;
    int asOf = asOfDay;
    long added = 0;
    long late = 0;
    for (int j = from; j < to; j++) {
      int d = ds[j];
      if (d > asOf) {
        late++;
        continue;
      }
      if (d < 0) {
        rejections.add(new Rejection(firstRecord + j, "date", "is before 1970-01-01: " + LocalDate.ofEpochDay(d)));
        continue;
      }
      long a = as[j];
      long total = acceptedAbs + Math.abs(a);
      if (total < 0) {
        rejections.add(new Rejection(firstRecord + j, "amount", "overflows the 64-bit total of all amounts",
            Long.toString(a)));
        continue;
      }
      long key = cs[j];
      int o = part.entry(key, hash(key));
      long[] t = part.table;
      if (ids != null && ids[j] != null && !name(indexOf(t[o + 3]), ids[j], t[o + 2] == 0)) {
        String other = nameOf(indexOf(t[o + 3]));
        rejections.add(new Rejection(firstRecord + j, "customer", "has the same engine key as the "
            + (other == null ? "numeric customer key " + key : "customer id " + org.ecrm.core.io.SafeText.quote(other))
            + "; rename one of them", ids[j]));
        continue;
      }
      long old = t[o + 1];
      long s = old + a;
      if (((old ^ s) & (a ^ s)) < 0) {
        rejections.add(new Rejection(firstRecord + j, "amount", "overflows the 64-bit monetary sum of customer "
            + key + ": " + a));
        continue;
      }
      t[o + 1] = s;
      t[o + 2]++;
      acceptedAbs = total;
      long meta = t[o + 3];
      if (d > lastOf(meta)) {
        t[o + 3] = (meta & 0xFFFF_FFFF_0000_0000L) | d;
      }
      if (part.days != null) {
        part.days.add(((long) indexOf(meta) << 32) | d);
      }
      added++;
    }
    transactions += added;
    excluded += late;
  }

  /**
   * Records {@code name} as the id text of the customer with {@code index}; false when that customer
   * already has another text (two names with one key), or had rows under its bare key.
   */
  private boolean name(int index, String name, boolean fresh) {
    long check = 1L << 32 | (name.hashCode() & 0xFFFF_FFFFL);
    long[] c = nameChecks;
    if (c.length > index && c[index] != 0) {
      return c[index] == check; // a known named customer
    }
    if (!fresh) {
      return false; // rows under the bare key came first
    }
    String[] n = names;
    if (n == null || n.length <= index) {
      int size = Math.max(16, Math.max(index + 1, part.size * 2));
      n = java.util.Arrays.copyOf(n == null ? new String[0] : n, size);
      names = n;
      nameChecks = c = java.util.Arrays.copyOf(c, size);
    }
    n[index] = name;
    c[index] = check;
    return true;
  }

  /** The id text of the named customer with {@code index}, or null. */
  private @Nullable String nameOf(int index) {
    String[] n = names;
    return n == null || index >= n.length ? null : n[index];
  }

  /**
   * Adds the first {@code n} rows of a batch's columns (record numbers from {@code first}); the caller has
   * checked the currency ({@link #useCurrency}). Rows after the as-of date are excluded and counted; a row
   * whose amount would overflow is rejected (record, field "amount").
   */
  public void add(long[] cs, String @Nullable [] ids, int[] ds, long[] as, int n, long first) {
    int threads = n >= PARALLEL_MIN ? (int) Math.min(parallelism, n / (PARALLEL_MIN / 2)) : 1;
    absBound = saturatingAdd(absBound, absSum(as, n));
    if (absBound == Long.MAX_VALUE) {
      threads = 1; // sums this large might overflow: only row order decides which row is rejected
    }
    if (threads <= 1) {
      addRows(cs, ids, ds, as, first, 0, n);
      return;
    }
    CustomerTable[] shares = new CustomerTable[threads];
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    for (int w = 1; w < threads; w++) {
      int from = (int) ((long) n * w / threads);
      int to = (int) ((long) n * (w + 1) / threads);
      CustomerTable share = new CustomerTable(asOf, currency, distinctDays, 1);
      shares[w] = share;
      tasks.add(ForkJoinPool.commonPool().submit(() -> share.addRows(cs, ids, ds, as, first, from, to)));
    }
    addRows(cs, ids, ds, as, first, 0, (int) ((long) n / threads));
    for (int w = 1; w < threads; w++) {
      tasks.get(w - 1).join();
      merge(shares[w]); // in range order, so rejections stay in arrival order
    }
  }

  /** {@code a + b} for non-negative values, Long.MAX_VALUE when it overflows. */
  public static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** Sum of |v| over {@code v[0..n)}, saturating; in two halves so the loop has no branch. */
  static long absSum(long[] v, int n) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < n; i++) {
      long x = Math.abs(v[i]); // Long.MIN_VALUE stays 2^63 when read unsigned
      hi += x >>> 32;
      lo += x & 0xFFFF_FFFFL;
    }
    // hi < 2^62 and lo < 2^63 for n < 2^31 rows
    hi += lo >>> 32;
    lo &= 0xFFFF_FFFFL;
    return hi >= 1L << 31 ? Long.MAX_VALUE : (hi << 32) | lo;
  }

  /** See {@link #absBound}. */
  public long absBound() {
    return absBound;
  }

  /** Records a row rejected by the reader, in arrival order with the table's own rejections. */
  public void reject(Rejection rejection) {
    rejections.add(rejection);
  }

  /** Counts a record the reader skipped on purpose under {@code reason}. */
  public void skip(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  /**
   * Checks that {@code other} may be merged into this table: another table of the same analysis (as-of,
   * frequency mode). Currencies are the caller's to check ({@link #useCurrency}).
   *
   * @throws IllegalArgumentException if it may not
   */
  public void checkMergeable(CustomerTable other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge an accumulator into itself");
    }
    if (other.asOfDay != asOfDay || other.distinctDays != distinctDays) {
      throw new IllegalArgumentException("accumulators of different analyses: as-of " + asOf + " vs "
          + other.asOf + ", distinct days " + distinctDays + " vs " + other.distinctDays);
    }
  }

  /**
   * Merges {@code o} into this table; {@code o} is left unchanged.
   *
   * @throws IllegalArgumentException if {@code o} may not be merged ({@link #checkMergeable}), is in
   *     another currency, or names a customer key with another id text
   * @throws ArithmeticException if a customer's monetary sum overflows 64 bits
   */
  public void merge(CustomerTable o) {
    checkMergeable(o);
    if (o.currency != null && !useCurrency(o.currency)) {
      throw new IllegalArgumentException("accumulators in different currencies: " + currency + " and "
          + o.currency);
    }
    Part mine = part;
    Part theirs = o.part;
    int[] map = new int[theirs.size];
    long[] ot = theirs.table;
    for (int q = 0; q < ot.length; q += STRIDE) {
      if (ot[q + 3] == 0) {
        continue;
      }
      int e = mine.entry(ot[q], hash(ot[q]));
      long[] t = mine.table;
      map[indexOf(ot[q + 3])] = indexOf(t[e + 3]);
      String theirName = o.nameOf(indexOf(ot[q + 3]));
      if (theirName != null && !name(indexOf(t[e + 3]), theirName, t[e + 2] == 0)) {
        throw new IllegalArgumentException("the customer ids " + org.ecrm.core.io.SafeText.quote(theirName)
            + " and " + org.ecrm.core.io.SafeText.quote(String.valueOf(nameOf(indexOf(t[e + 3]))))
            + " have the same engine key " + ot[q]);
      }
      t[e + 1] = Math.addExact(t[e + 1], ot[q + 1]);
      t[e + 2] += ot[q + 2];
      if (lastOf(ot[q + 3]) > lastOf(t[e + 3])) {
        t[e + 3] = (t[e + 3] & 0xFFFF_FFFF_0000_0000L) | lastOf(ot[q + 3]);
      }
    }
    if (mine.days != null && theirs.days != null) {
      LongSet days = mine.days;
      theirs.days.forEach(v -> days.add(((long) map[(int) (v >>> 32)] << 32) | (v & 0xFFFFFFFFL)));
    }
    transactions += o.transactions;
    excluded += o.excluded;
    absBound = saturatingAdd(absBound, o.absBound);
    acceptedAbs = saturatingAdd(acceptedAbs, o.acceptedAbs);
    rejections.addAll(o.rejections);
    o.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
  }

  /** The analysis date. */
  public LocalDate asOf() {
    return asOf;
  }

  public int asOfDay() {
    return asOfDay;
  }

  /** The latest day of any customer's transactions, or -1 when there are none. */
  public int lastDay() {
    int max = -1;
    long[] t = part.table;
    for (int o = 0; o < t.length; o += STRIDE) {
      if (t[o + 3] != 0 && t[o + 2] > 0) {
        max = Math.max(max, lastOf(t[o + 3]));
      }
    }
    return max;
  }

  /**
   * Moves the as-of date to {@code date}, which must not be before {@link #lastDay()} and only when no
   * row was excluded as later than the current as-of (so the state is the one {@code date} gives).
   */
  public void rebase(LocalDate date) {
    if (excluded != 0 || date.toEpochDay() < lastDay()) {
      throw new IllegalStateException("cannot move the as-of date to " + date + " (last day "
          + LocalDate.ofEpochDay(Math.max(lastDay(), 0)) + ", " + excluded + " excluded)");
    }
    asOf = date;
    asOfDay = (int) date.toEpochDay();
  }

  /** The currency, or null until the first batch (or the analysis) set it. */
  public @Nullable Currency currency() {
    return currency;
  }

  /** Distinct customers seen. */
  public int customers() {
    return part.size;
  }

  /** Rows taken in. */
  public long transactions() {
    return transactions;
  }

  /** Rows dated after the as-of date, left out. */
  public long excludedAfterAsOf() {
    return excluded;
  }

  /** Every rejected row, in arrival order (a read-only view). */
  public List<Rejection> rejections() {
    return Collections.unmodifiableList(rejections);
  }

  /** Records skipped on purpose, counted per reason (a copy). */
  public Map<String, Long> skipped() {
    return Collections.unmodifiableMap(new TreeMap<>(skipped));
  }

  /** Approximate heap bytes held by the state. */
  public long stateBytes() {
    return part.bytes();
  }

  /**
   * For readers that number records relative to a part of their input: adds {@code firstRecord} to the
   * record number of every rejection held, adds {@code more} (also relative) the same way, and puts
   * them all in record order.
   */
  public void renumber(long firstRecord, List<Rejection> more) {
    List<Rejection> all = new ArrayList<>(rejections.size() + more.size());
    for (Rejection r : rejections) {
      all.add(r.shifted(firstRecord));
    }
    for (Rejection r : more) {
      all.add(r.shifted(firstRecord));
    }
    all.sort(java.util.Comparator.comparingLong(Rejection::record));
    rejections.clear();
    rejections.addAll(all);
  }

  private static final int FORMAT = 0x52464D31; // "RFM1"
  /** Starts the optional section of named customers' id texts. */
  private static final int NAMES = 0x4E414D45; // "NAME"

  /**
   * The whole state in a compact, self-describing byte form (the form of the exported accumulator's
   * {@code toBytes}); {@link #fromBytes} reads it back.
   */
  public byte[] toBytes() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64 + part.size * 32);
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeLong(asOf.toEpochDay());
      out.writeBoolean(distinctDays);
      out.writeUTF(currency == null ? "" : currency.getCurrencyCode());
      out.writeLong(transactions);
      out.writeLong(excluded);
      out.writeLong(absBound);
      out.writeInt(rejections.size());
      for (Rejection r : rejections) {
        out.writeLong(r.record());
        out.writeUTF(r.field());
        // the value follows the reason after a NUL (cut: writeUTF takes at most 64 KiB)
        out.writeUTF(r.value().isEmpty() ? r.reason()
            : r.reason() + '\0' + r.value().substring(0, Math.min(r.value().length(), 4096)));
      }
      out.writeInt(skipped.size());
      for (Map.Entry<String, Long> e : skipped.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue());
      }
      // entries in index order, so that reading them back assigns the same indexes
      long[] byIndex = new long[part.size * 3];
      int[] lastByIndex = new int[part.size];
      long[] t = part.table;
      for (int o = 0; o < t.length; o += STRIDE) {
        if (t[o + 3] != 0) {
          int i = indexOf(t[o + 3]);
          byIndex[i * 3] = t[o];
          byIndex[i * 3 + 1] = t[o + 1];
          byIndex[i * 3 + 2] = t[o + 2];
          lastByIndex[i] = lastOf(t[o + 3]);
        }
      }
      out.writeInt(part.size);
      for (int i = 0; i < part.size; i++) {
        out.writeLong(byIndex[i * 3]);
        out.writeLong(byIndex[i * 3 + 1]);
        out.writeLong(byIndex[i * 3 + 2]);
        out.writeInt(lastByIndex[i]);
      }
      if (part.days != null) {
        out.writeInt(part.days.size());
        java.io.UncheckedIOException[] failure = new java.io.UncheckedIOException[1];
        part.days.forEach(v -> {
          try {
            out.writeLong(v);
          } catch (java.io.IOException e) {
            failure[0] = new java.io.UncheckedIOException(e);
          }
        });
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      // the id texts of named customers, only when there are any (so numeric states keep their form)
      int named = 0;
      for (int i = 0; i < part.size; i++) {
        named += nameOf(i) != null ? 1 : 0;
      }
      if (named > 0) {
        out.writeInt(NAMES);
        out.writeInt(named);
        for (int i = 0; i < part.size; i++) {
          if (nameOf(i) != null) {
            out.writeInt(i);
            out.writeUTF(nameOf(i));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a byte array stream does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Reads the form written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if {@code data} is not such a form (truncated, or another format)
   */
  public static CustomerTable fromBytes(byte[] data, int parallelism) {
    try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(data))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("RfmAccumulator.fromBytes: not an accumulator's byte form (format "
            + Integer.toHexString(format) + ")");
      }
      long asOfDay = in.readLong();
      boolean distinct = in.readBoolean();
      String code = in.readUTF();
      CustomerTable t = new CustomerTable(LocalDate.ofEpochDay(asOfDay),
          code.isEmpty() ? null : Currency.getInstance(code), distinct, parallelism);
      t.transactions = in.readLong();
      t.excluded = in.readLong();
      t.absBound = in.readLong();
      int nRejections = in.readInt();
      for (int i = 0; i < nRejections; i++) {
        long record = in.readLong();
        String field = in.readUTF();
        String reason = in.readUTF();
        int nul = reason.indexOf('\0');
        t.rejections.add(nul < 0 ? new Rejection(record, field, reason)
            : new Rejection(record, field, reason.substring(0, nul), reason.substring(nul + 1)));
      }
      int nSkipped = in.readInt();
      for (int i = 0; i < nSkipped; i++) {
        t.skipped.put(in.readUTF(), in.readLong());
      }
      int n = in.readInt();
      Part p = t.part;
      for (int i = 0; i < n; i++) {
        long key = in.readLong();
        int o = p.entry(key, hash(key));
        if (indexOf(p.table[o + 3]) != i) {
          throw new IllegalArgumentException("RfmAccumulator.fromBytes: customer " + key + " appears twice");
        }
        p.table[o + 1] = in.readLong();
        p.table[o + 2] = in.readLong();
        p.table[o + 3] = (p.table[o + 3] & 0xFFFF_FFFF_0000_0000L) | (in.readInt() & 0xFFFF_FFFFL);
      }
      if (distinct) {
        int nDays = in.readInt();
        for (int i = 0; i < nDays; i++) {
          p.days.add(in.readLong());
        }
      }
      if (in.available() > 0) {
        if (in.available() < 8 || in.readInt() != NAMES) {
          throw new IllegalArgumentException("RfmAccumulator.fromBytes: trailing bytes after the state");
        }
        int named = in.readInt();
        for (int k = 0; k < named; k++) {
          int index = in.readInt();
          String name = in.readUTF();
          if (index < 0 || index >= n || !t.name(index, name, true)) {
            throw new IllegalArgumentException("RfmAccumulator.fromBytes: bad customer id entry " + index);
          }
        }
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("RfmAccumulator.fromBytes: trailing bytes after the state");
      }
      return t;
    } catch (java.io.EOFException e) {
      throw new IllegalArgumentException("RfmAccumulator.fromBytes: truncated byte form", e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // --- raw access for the engine ---
  /**
   * The state as dense columns, one entry per customer (in no particular key order): key, sum, count, last day, and distinct purchase days (an empty array unless counting
   * days).
   */
  public Columns columns() {
    int n = customers();
    long[] keys = new long[n];
    long[] sums = new long[n];
    long[] counts = new long[n];
    int[] lasts = new int[n];
    long[] distinct = distinctDays ? new long[n] : new long[0];
    java.util.Map<Long, String> ids = names == null ? Map.of() : new java.util.HashMap<>();
    int g = 0;
    {
      long[] perIndex = null;
      if (part.days != null) {
        long[] c = new long[part.size];
        part.days.forEach(v -> c[(int) (v >>> 32)]++);
        perIndex = c;
      }
      long[] t = part.table;
      for (int o = 0; o < t.length; o += STRIDE) {
        if (t[o + 3] != 0) {
          keys[g] = t[o];
          sums[g] = t[o + 1];
          counts[g] = t[o + 2];
          lasts[g] = lastOf(t[o + 3]);
          String name = nameOf(indexOf(t[o + 3]));
          if (name != null) {
            ids.put(t[o], name);
          }
          if (perIndex != null) {
            distinct[g] = perIndex[indexOf(t[o + 3])];
          }
          g++;
        }
      }
    }
    return new Columns(keys, sums, counts, lasts, distinct, ids);
  }

  /** Dense per-customer columns, and the id texts of named customers by key; see {@link #columns()}. */
  public record Columns(long[] keys, long[] sums, long[] counts, int[] lastDays, long[] distinctDays,
      Map<Long, String> ids) {
  }

  @Override
  public String toString() {
    return "RfmAccumulator[asOf=" + asOf + ", customers=" + customers() + ", transactions=" + transactions
        + ", excludedAfterAsOf=" + excluded + "]";
  }
}
