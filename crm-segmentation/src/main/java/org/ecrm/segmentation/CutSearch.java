package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.internal.CustomerTable;
import org.ecrm.segmentation.internal.util.Keys;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.jspecify.annotations.Nullable;

/**
 * The driver side of the distributed cut search (see {@link RfmCuts}): exact selection of the keys at
 * given global ranks of each dimension's order, by sketch, histogram and gather rounds over the parts.
 *
 * <p>Every open question is a task: a key range (lower bound exclusive, upper inclusive; absent bounds
 * are open), how many keys lie below it over all parts, how many inside (once known) and which wanted
 * ranks fall inside. A SKETCH round asks each part for its count in the range and up to {@code sketch}
 * evenly spaced keys of it; from the merged sketch, a COUNT round asks for the counts between up to
 * {@code splitters} of those keys, which narrows every rank to one sub-range; a sub-range of at most
 * {@code gather} keys is fetched whole in a GATHER round and the ranks read off, a larger one is
 * sketched again. Between two of a part's sketch keys lie at most {@code c/(sketch+1)} of its keys, so a
 * sub-range holds at most about {@code C/splitters + C/sketch} keys of a range of C.
 *
 * <p>Not thread-safe (one driver loop).
 */
final class CutSearch implements RfmCuts.Search {
  static final int SKETCH = 1024;
  static final int SPLITTERS = 4096;
  static final int GATHER = 1 << 16;

  static final byte KIND_SKETCH = 0;
  static final byte KIND_COUNT = 1;
  static final byte KIND_GATHER = 2;

  private final RfmAnalysis analysis;
  private final int sketch;
  private final int splitters;
  private final int gather;
  private final long id = ThreadLocalRandom.current().nextLong();
  private final boolean ranked;
  private long customers = -1;
  private int rounds;
  private List<Task> tasks = new ArrayList<>();
  private @Nullable ProbeImpl current;
  /** Per dimension: key at each resolved rank. */
  private final List<Map<Long, long[]>> resolved = new ArrayList<>();
  private @Nullable CutsImpl cuts;

  public CutSearch(RfmAnalysis analysis) {
    this(analysis, SKETCH, SPLITTERS, GATHER);
  }

  /** A search with other round sizes (tests use tiny ones to exercise every path). */
  public CutSearch(RfmAnalysis analysis, int sketch, int splitters, int gather) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    if (sketch < 1 || splitters < 1 || gather < 1) {
      throw new IllegalArgumentException("sketch, splitters and gather must be positive: " + sketch + ", "
          + splitters + ", " + gather);
    }
    this.sketch = sketch;
    this.splitters = splitters;
    this.gather = gather;
    this.ranked = analysis.binning() != Binning.FIXED;
    for (int d = 0; d < 3; d++) {
      resolved.add(new HashMap<>());
    }
    // round 1: the count (and, when ranked, a sketch) of every dimension's whole order
    for (Dimension d : ranked ? Dimension.values() : new Dimension[] {Dimension.RECENCY}) {
      tasks.add(new Task(new Range(d.ordinal(), KIND_SKETCH, false, 0, 0, false, 0, 0, null, null), 0, -1,
          new long[0]));
    }
  }

  @Override
  public boolean done() {
    return cuts != null;
  }

  @Override
  public int rounds() {
    return rounds;
  }

  @Override
  public RfmCuts.Probe probe() {
    if (done()) {
      throw new IllegalStateException("the search is done: " + cuts);
    }
    if (current == null) {
      Range[] ranges = new Range[tasks.size()];
      for (int i = 0; i < ranges.length; i++) {
        ranges[i] = tasks.get(i).range;
      }
      current = new ProbeImpl(analysis, id, rounds, customers < 0 && !ranked ? 0 : sketch, ranges);
    }
    return current;
  }

  @Override
  public void accept(RfmCuts.Reply merged) {
    Objects.requireNonNull(merged, "merged");
    probe(); // not done
    if (!(merged instanceof ReplyImpl r) || r.id != id || r.round != rounds || r.parts.length != tasks.size()) {
      throw new IllegalArgumentException("reply does not answer round " + (rounds + 1) + " of this search");
    }
    List<Task> next = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      Part p = r.parts[i];
      switch (t.range.kind) {
        case KIND_SKETCH -> sketched(t, p, next);
        case KIND_COUNT -> counted(t, p, next);
        default -> gathered(t, p);
      }
    }
    rounds++;
    current = null;
    tasks = next;
    if (tasks.isEmpty()) {
      cuts = build();
    }
  }

  @Override
  public RfmCuts cuts() {
    if (cuts == null) {
      throw new IllegalStateException("the search is not done after " + rounds + " rounds");
    }
    return cuts;
  }

  private void sketched(Task t, Part p, List<Task> next) {
    long c = p.count;
    Task task = t;
    if (t.count < 0) {
      // first round: the whole order of one dimension; every dimension counts the same customers
      if (customers >= 0 && customers != c) {
        throw inconsistent("dimensions count " + customers + " and " + c + " customers");
      }
      customers = c;
      task = new Task(t.range, 0, c, ranks(c));
    } else if (c != t.count) {
      throw inconsistent("a range held " + t.count + " keys and now " + c);
    }
    if (task.targets.length == 0) {
      return;
    }
    if (c <= gather) {
      next.add(task.as(KIND_GATHER, null, null));
      return;
    }
    long[] h = p.hi.clone();
    long[] l = p.lo.clone();
    Keys.sort(h, l);
    int m = h.length;
    int s = Math.min(splitters, m);
    long[] sh = new long[s];
    long[] sl = new long[s];
    int k = 0;
    for (int j = 0; j < s; j++) {
      int at = s == m ? j : (int) ((long) (j + 1) * m / (s + 1));
      if (k == 0 || Keys.compare(sh[k - 1], sl[k - 1], h[at], l[at]) < 0) {
        sh[k] = h[at];
        sl[k++] = l[at];
      }
    }
    if (k == 0) {
      next.add(task.as(KIND_GATHER, null, null));
      return;
    }
    next.add(task.as(KIND_COUNT, Arrays.copyOf(sh, k), Arrays.copyOf(sl, k)));
  }

  private void counted(Task t, Part p, List<Task> next) {
    long[] counts = p.counts;
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total != t.count) {
      throw inconsistent("a range held " + t.count + " keys and now " + total);
    }
    Range g = t.range;
    long[] sh = g.splitHi;
    long[] sl = g.splitLo;
    int j = 0;
    long below = 0; // keys of this range below sub-range j
    int from = 0;
    long[] targets = t.targets; // ascending
    while (from < targets.length) {
      long q = targets[from] - t.base;
      while (below + counts[j] <= q) {
        below += counts[j++];
      }
      int to = from;
      while (to < targets.length && targets[to] - t.base < below + counts[j]) {
        to++;
      }
      // sub-range j: (split j-1, split j]; the first is bounded below by the range, the last above
      boolean hasLo = j > 0 || g.hasLo;
      long loHi = j > 0 ? sh[j - 1] : g.loHi;
      long loLo = j > 0 ? sl[j - 1] : g.loLo;
      boolean hasHi = j < sh.length || g.hasHi;
      long hiHi = j < sh.length ? sh[j] : g.hiHi;
      long hiLo = j < sh.length ? sl[j] : g.hiLo;
      long c = counts[j];
      byte kind = c <= gather || c >= t.count ? KIND_GATHER : KIND_SKETCH;
      next.add(new Task(new Range(g.dim, kind, hasLo, loHi, loLo, hasHi, hiHi, hiLo, null, null), t.base + below, c,
          Arrays.copyOfRange(targets, from, to)));
      from = to;
    }
  }

  private void gathered(Task t, Part p) {
    if (p.hi.length != t.count) {
      throw inconsistent("a range held " + t.count + " keys and now " + p.hi.length);
    }
    long[] h = p.hi.clone();
    long[] l = p.lo.clone();
    Keys.sort(h, l);
    for (long rank : t.targets) {
      int at = (int) (rank - t.base);
      resolved.get(t.range.dim).put(rank, new long[] {h[at], l[at]});
    }
  }

  private static IllegalArgumentException inconsistent(String what) {
    return new IllegalArgumentException("the parts' replies do not add up (" + what + "): every part must keep its "
        + "state while the search runs");
  }

  /** The global ranks the cuts depend on, ascending. */
  private long[] ranks(long n) {
    if (!ranked || n == 0) {
      return new long[0];
    }
    int bins = analysis.bins();
    java.util.TreeSet<Long> set = new java.util.TreeSet<>();
    if (analysis.binning() == Binning.NTILE) {
      for (int s = 2; s <= Math.min(bins, n); s++) {
        set.add(ntileStart(s, n, bins));
      }
    } else {
      for (int q = 1; q < bins; q++) {
        long h = (n - 1) * q;
        set.add(h / bins);
        if (h % bins != 0) {
          set.add(h / bins + 1);
        }
      }
    }
    return set.stream().mapToLong(Long::longValue).toArray();
  }

  /** The 0-based position of the first row of NTILE score {@code s} among {@code n} rows. */
  static long ntileStart(int s, long n, int bins) {
    long k = Math.min(bins, n);
    long size = n / k;
    long large = n - k * size;
    long i = s - 1;
    return i < large ? i * (size + 1) : large * (size + 1) + (i - large) * size;
  }

  private CutsImpl build() {
    int bins = analysis.bins();
    long n = customers;
    long[][] hi = new long[3][];
    long[][] lo = new long[3][];
    List<List<BigDecimal>> reported = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      int x = d.ordinal();
      Map<Long, long[]> at = resolved.get(x);
      List<BigDecimal> rep = new ArrayList<>();
      switch (analysis.binning()) {
        case NTILE -> {
          int k = (int) Math.min(bins, n);
          hi[x] = new long[Math.max(0, k - 1)];
          lo[x] = new long[hi[x].length];
          for (int s = 2; s <= k; s++) {
            long[] key = at.get(ntileStart(s, n, bins));
            hi[x][s - 2] = key[0];
            lo[x][s - 2] = key[1];
            rep.add(BigDecimal.valueOf(d == Dimension.RECENCY ? -key[0] : key[0]));
          }
        }
        case QUANTILE -> {
          hi[x] = new long[n > 0 ? bins - 1 : 0];
          lo[x] = new long[0];
          for (int q = 1; q < bins && n > 0; q++) {
            long h = (n - 1) * q;
            long rem = h % bins;
            long vj = at.get(h / bins)[0];
            long next = rem == 0 ? vj : at.get(h / bins + 1)[0];
            rep.add(RfmEngine.quantileBreak(vj, next, rem, bins));
            hi[x][q - 1] = RfmEngine.quantileEdge(vj, next, rem);
          }
        }
        default -> {
          hi[x] = analysis.thresholds(d).orElseThrow();
          lo[x] = new long[0];
          for (long v : hi[x]) {
            rep.add(BigDecimal.valueOf(v));
          }
        }
      }
      reported.add(rep);
    }
    return new CutsImpl(analysis, n, hi, lo, reported);
  }

  /** An open question: a range, keys below it, keys in it (-1 until known) and the wanted ranks in it. */
  private record Task(Range range, long base, long count, long[] targets) {
    Task as(byte kind, long @Nullable [] splitHi, long @Nullable [] splitLo) {
      Range g = range;
      return new Task(new Range(g.dim, kind, g.hasLo, g.loHi, g.loLo, g.hasHi, g.hiHi, g.hiLo, splitHi, splitLo),
          base, count, targets);
    }
  }

  /** A key range of one dimension's order and what to tell of it. */
  record Range(int dim, byte kind, boolean hasLo, long loHi, long loLo, boolean hasHi, long hiHi, long hiLo,
      long @Nullable [] splitHi, long @Nullable [] splitLo) implements Serializable {
  }

  /** One range's answer: count (SKETCH), keys (SKETCH sample, GATHER all), counts between splitters (COUNT). */
  record Part(long count, long[] hi, long[] lo, long[] counts) implements Serializable {
    Part merge(Part o) {
      long[] c = counts.clone();
      for (int i = 0; i < c.length; i++) {
        c[i] += o.counts[i];
      }
      return new Part(count + o.count, concat(hi, o.hi), concat(lo, o.lo), c);
    }

    private static long[] concat(long[] a, long[] b) {
      long[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  /** The question of one round. */
  static final class ProbeImpl implements RfmCuts.Probe {
    private static final long serialVersionUID = 1L;
    private final RfmAnalysis analysis;
    private final long id;
    private final int round;
    private final int sketch;
    private final Range[] ranges;

    ProbeImpl(RfmAnalysis analysis, long id, int round, int sketch, Range[] ranges) {
      this.analysis = analysis;
      this.id = id;
      this.round = round;
      this.sketch = sketch;
      this.ranges = ranges;
    }

    @Override
    public RfmCuts.Reply answer(RfmAccumulator part) {
      CustomerTable t = RfmEngine.table(part, analysis);
      RfmEngine.Metrics x = RfmEngine.metrics(t, analysis);
      long[][] sortedHi = new long[3][];
      long[][] sortedLo = new long[3][];
      Part[] parts = new Part[ranges.length];
      for (int i = 0; i < ranges.length; i++) {
        Range g = ranges[i];
        int d = g.dim;
        if (sortedHi[d] == null) {
          Dimension dim = Dimension.values()[d];
          sortedHi[d] = (analysis.binning() == Binning.NTILE ? x.order(dim) : x.value(dim)).clone();
          sortedLo[d] = x.keys().clone();
          Keys.sort(sortedHi[d], sortedLo[d]);
        }
        parts[i] = answer(g, sortedHi[d], sortedLo[d]);
      }
      return new ReplyImpl(id, round, parts);
    }

    private Part answer(Range g, long[] h, long[] l) {
      int start = g.hasLo ? Keys.above(h, l, g.loHi, g.loLo) : 0;
      int end = g.hasHi ? Keys.above(h, l, g.hiHi, g.hiLo) : h.length;
      end = Math.max(start, end);
      int c = end - start;
      long[] none = new long[0];
      switch (g.kind) {
        case KIND_SKETCH -> {
          if (c <= sketch) {
            return new Part(c, Arrays.copyOfRange(h, start, end), Arrays.copyOfRange(l, start, end), none);
          }
          long[] sh = new long[sketch];
          long[] sl = new long[sketch];
          for (int i = 1; i <= sketch; i++) {
            int at = start + (int) ((long) i * c / (sketch + 1));
            sh[i - 1] = h[at];
            sl[i - 1] = l[at];
          }
          return new Part(c, sh, sl, none);
        }
        case KIND_COUNT -> {
          long[] sh = g.splitHi;
          long[] sl = g.splitLo;
          long[] counts = new long[sh.length + 1];
          int prev = start;
          for (int j = 0; j < sh.length; j++) {
            int p = Math.min(end, Math.max(prev, Keys.above(h, l, sh[j], sl[j])));
            counts[j] = p - prev;
            prev = p;
          }
          counts[sh.length] = end - prev;
          return new Part(0, none, none, counts);
        }
        default -> {
          return new Part(0, Arrays.copyOfRange(h, start, end), Arrays.copyOfRange(l, start, end), none);
        }
      }
    }

    @Override
    public RfmCuts.Reply empty() {
      Part[] parts = new Part[ranges.length];
      long[] none = new long[0];
      for (int i = 0; i < parts.length; i++) {
        Range g = ranges[i];
        parts[i] = new Part(0, none, none, g.kind == KIND_COUNT ? new long[g.splitHi.length + 1] : none);
      }
      return new ReplyImpl(id, round, parts);
    }

    @Override
    public String toString() {
      return "RfmCuts.Probe[round=" + (round + 1) + ", ranges=" + ranges.length + "]";
    }
  }

  /** The merged answers of some parts to one probe. */
  static final class ReplyImpl implements RfmCuts.Reply {
    private static final long serialVersionUID = 1L;
    final long id;
    final int round;
    final Part[] parts;

    ReplyImpl(long id, int round, Part[] parts) {
      this.id = id;
      this.round = round;
      this.parts = parts;
    }

    @Override
    public RfmCuts.Reply merge(RfmCuts.Reply other) {
      Objects.requireNonNull(other, "other");
      if (!(other instanceof ReplyImpl o) || o.id != id || o.round != round || o.parts.length != parts.length) {
        throw new IllegalArgumentException("replies to different probes cannot be merged");
      }
      Part[] out = new Part[parts.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = parts[i].merge(o.parts[i]);
      }
      return new ReplyImpl(id, round, out);
    }

    @Override
    public String toString() {
      return "RfmCuts.Reply[round=" + (round + 1) + ", ranges=" + parts.length + "]";
    }
  }
}
