package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ecrm.segmentation.internal.CsvSource;
import org.ecrm.segmentation.internal.Engine;
import org.ecrm.segmentation.engine.internal.CustomerTable;
import org.jspecify.annotations.Nullable;

/**
 * The RFM entry point: configure once with {@link #builder()}, then {@link #run} a source, or feed
 * {@link #newAccumulator() accumulators} and {@link #score} their merged state.
 *
 * <pre>{@code
 * RfmResult result = RfmAnalysis.builder().asOf(LocalDate.of(2025, 1, 1)).build()
 *     .run(TransactionSources.csv(path, CsvFormat.defaults(Currency.getInstance("EUR"))));
 * }</pre>
 *
 * <p>Immutable and thread-safe; serializable, so a distributed engine can ship it to its workers.
 */
public final class RfmAnalysis implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** The as-of of an analysis whose date is derived from the data, while reading. */
  private static final LocalDate OPEN = LocalDate.of(999_999, 12, 31);
  /** The reference date recency is counted to; null when derived from the data by {@link #run}. */
  private final @Nullable LocalDate asOf;
  /** The number of score bins per dimension. */
  private final int bins;
  /** How values are cut into bins. */
  private final Binning binning;
  /** The fixed thresholds per dimension (FIXED binning only). */
  private final Map<Dimension, long[]> thresholds;
  /** What counts as one purchase. */
  private final FrequencyMode frequencyMode;
  /** How the monetary value is aggregated. */
  private final MonetaryMode monetaryMode;
  /** What happens to customers whose monetary value is not positive. */
  private final NonPositiveMonetary nonPositive;
  /** The named segments. */
  private final SegmentTable segments;
  /** The currency amounts must be in, if fixed. */
  private final @Nullable Currency currency;
  /** Threads that may work on one batch or one scoring. */
  private final int parallelism;

  private RfmAnalysis(RfmAnalysis o, LocalDate asOf) {
    this.asOf = asOf;
    this.bins = o.bins;
    this.binning = o.binning;
    this.thresholds = o.thresholds;
    this.frequencyMode = o.frequencyMode;
    this.monetaryMode = o.monetaryMode;
    this.nonPositive = o.nonPositive;
    this.segments = o.segments;
    this.currency = o.currency;
    this.parallelism = o.parallelism;
  }

  private RfmAnalysis(Builder b, @Nullable LocalDate asOf, SegmentTable segments) {
    this.asOf = asOf;
    this.bins = b.bins;
    this.binning = b.binning;
    this.thresholds = new EnumMap<>(Dimension.class);
    b.thresholds.forEach((k, v) -> thresholds.put(k, v.clone()));
    this.frequencyMode = b.frequencyMode;
    this.monetaryMode = b.monetaryMode;
    this.nonPositive = b.nonPositive;
    this.segments = segments;
    this.currency = b.currency;
    this.parallelism = b.parallelism;
  }

  /** A new builder; {@code asOf} (or {@code asOfToday}) is required. */
  public static Builder builder() {
    return new Builder();
  }

  static int checkBins(int bins) {
    if (bins < 2 || bins > 100) {
      throw new IllegalArgumentException("bins must be between 2 and 100: " + bins);
    }
    return bins;
  }

  /**
   * An empty accumulator for this analysis.
   *
   * @throws IllegalStateException if the as-of date is derived from the data (only {@link #run} derives it)
   */
  public RfmAccumulator newAccumulator() {
    return Engine.ACCESS.accumulator(newTable());
  }

  private CustomerTable newTable() {
    return new CustomerTable(asOf(), currency, frequencyMode == FrequencyMode.DISTINCT_DAYS, parallelism);
  }

  /**
   * Reads {@code source} and scores it; an empty source gives an empty result. With
   * {@link Builder#asOfDayAfterLast()} the as-of date is the day after the latest accepted transaction,
   * found in the same pass ({@link RfmResult#asOf()} tells it; 1970-01-02 for an empty source).
   */
  public RfmResult run(TransactionSource source) {
    Objects.requireNonNull(source, "source");
    if (asOf == null) {
      RfmAnalysis open = new RfmAnalysis(this, OPEN);
      CustomerTable t = open.aggregate(source);
      LocalDate derived = LocalDate.ofEpochDay(Math.max(t.lastDay(), 0) + 1L);
      t.rebase(derived);
      return new RfmAnalysis(this, derived).score(Engine.ACCESS.accumulator(t));
    }
    return score(Engine.ACCESS.accumulator(aggregate(source)));
  }

  private CustomerTable aggregate(TransactionSource source) {
    if (source instanceof CsvSource csv) {
      // a file without quotes is cut into ranges read in parallel, each into its own accumulator
      java.util.Optional<CustomerTable> fast = csv.aggregateFast(this::newTable, parallelism);
      if (fast.isPresent()) {
        return fast.get();
      }
    }
    CustomerTable table = newTable();
    Engine.ACCESS.accumulator(table).addAll(source);
    return table;
  }

  /**
   * Scores the state of {@code accumulator} (which must come from {@link #newAccumulator()} of an
   * analysis with the same as-of date and frequency mode).
   */
  public RfmResult score(RfmAccumulator accumulator) {
    return RfmEngine.score(accumulator, this);
  }

  /**
   * Starts the search for the global cut points over parts with disjoint customers; see
   * {@link RfmCuts}.
   */
  public RfmCuts.Search cutSearch() {
    return new CutSearch(this);
  }

  /**
   * Scores one part of a customer base split by customer against the global {@code cuts} found by
   * {@link #cutSearch()} of this analysis over all parts: each of the part's customers gets the score and
   * segment it gets when the whole base is scored at once. The result holds the part's customers only;
   * its segment sizes, heat map and {@link ScoreBins#bins()} count them (they add up over the parts), its
   * thresholds are the global ones.
   *
   * @throws IllegalArgumentException if the accumulator or the cuts belong to another analysis
   */
  public RfmResult score(RfmAccumulator part, RfmCuts cuts) {
    Objects.requireNonNull(cuts, "cuts");
    RfmEngine.table(part, this); // the accumulator is checked first
    if (!(cuts instanceof CutsImpl c)) {
      throw new IllegalArgumentException("cuts must come from RfmAnalysis.cutSearch(): "
          + cuts.getClass().getName());
    }
    return RfmEngine.score(part, this, c);
  }

  /**
   * The reference date: recency is counted in days from the last purchase to this date.
   *
   * @return the date
   * @throws IllegalStateException if it is derived from the data ({@link Builder#asOfDayAfterLast()}):
   *     then the result of {@link #run} has it
   */
  public LocalDate asOf() {
    if (asOf == null) {
      throw new IllegalStateException("the as-of date is derived from the data by run(source); "
          + "RfmResult.asOf() tells it");
    }
    return asOf;
  }

  /**
   * Whether the as-of date is derived from the data by {@link #run} ({@link Builder#asOfDayAfterLast()}).
   *
   * @return true when derived
   */
  public boolean asOfDerived() {
    return asOf == null;
  }

  /**
   * The number of score bins per dimension (scores run from 1 to this).
   *
   * @return the bin count
   */
  public int bins() {
    return bins;
  }

  /** Threads that may work on one batch or one scoring; see {@link Builder#parallelism(int)}. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * How values are cut into bins.
   *
   * @return the binning
   */
  public Binning binning() {
    return binning;
  }

  /** The fixed thresholds of {@code d} (a copy), empty unless the binning is FIXED. */
  public Optional<long[]> thresholds(Dimension d) {
    long[] t = thresholds.get(d);
    return t == null ? Optional.empty() : Optional.of(t.clone());
  }

  /**
   * What counts as one purchase for the frequency.
   *
   * @return the mode
   */
  public FrequencyMode frequencyMode() {
    return frequencyMode;
  }

  /**
   * How a customer's monetary value is aggregated.
   *
   * @return the mode
   */
  public MonetaryMode monetaryMode() {
    return monetaryMode;
  }

  /**
   * What happens to customers whose monetary value is zero or negative.
   *
   * @return the rule
   */
  public NonPositiveMonetary nonPositiveMonetary() {
    return nonPositive;
  }

  /**
   * The table that names segments from scores.
   *
   * @return the table
   */
  public SegmentTable segmentTable() {
    return segments;
  }

  /** The currency fixed by the builder, if any (else the first batch's). */
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  @Override
  public String toString() {
    return "RfmAnalysis[asOf=" + asOf + ", bins=" + bins + ", binning=" + binning + ", frequency="
        + frequencyMode + ", monetary=" + monetaryMode + ", nonPositive=" + nonPositive + "]";
  }

  /**
   * Configures an analysis. Each setter may be called once and rejects bad values at once, naming the
   * argument; {@link #build()} checks combinations. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable LocalDate asOf;
    private boolean derivedAsOf;
    private int bins = 5;
    private boolean binsSet;
    private Binning binning = Binning.NTILE;
    private boolean binningSet;
    private final Map<Dimension, long[]> thresholds = new EnumMap<>(Dimension.class);
    private FrequencyMode frequencyMode = FrequencyMode.TRANSACTIONS;
    private boolean frequencySet;
    private MonetaryMode monetaryMode = MonetaryMode.SUM;
    private boolean monetarySet;
    private NonPositiveMonetary nonPositive = NonPositiveMonetary.SCORE;
    private boolean nonPositiveSet;
    private @Nullable SegmentTable segments;
    private @Nullable Currency currency;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private boolean parallelismSet;

    private Builder() {
    }

    private static void once(boolean set, String what, Object current) {
      if (set) {
        throw new IllegalStateException(what + " was already set to " + current);
      }
    }

    /**
     * The analysis date: recency counts days to it; later transactions are excluded and counted.
     *
     * @throws IllegalArgumentException if before 1970-01-01
     * @throws IllegalStateException if already set
     */
    public Builder asOf(LocalDate date) {
      Objects.requireNonNull(date, "asOf");
      once(asOf != null || derivedAsOf, "asOf", asOf == null ? "derived" : asOf);
      if (date.toEpochDay() < 0) {
        throw new IllegalArgumentException("asOf must not be before 1970-01-01: " + date);
      }
      asOf = date;
      return this;
    }

    /**
     * The as-of date is the day after the latest accepted transaction of the source given to
     * {@link RfmAnalysis#run}, found while reading it (no second pass). Such an analysis only runs whole
     * sources: {@link RfmAnalysis#newAccumulator()}, {@link RfmAnalysis#score} and
     * {@link RfmAnalysis#cutSearch()} need a fixed date.
     *
     * @throws IllegalStateException if the as-of date was already set
     */
    public Builder asOfDayAfterLast() {
      once(asOf != null || derivedAsOf, "asOf", asOf == null ? "derived" : asOf);
      derivedAsOf = true;
      return this;
    }

    /** The as-of date as today in {@code clock}'s zone (an injectable clock for tests). */
    public Builder asOfToday(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      return asOf(LocalDate.now(clock));
    }

    /**
     * The number of scores n, 2..100 (default 5).
     *
     * @throws IllegalArgumentException outside 2..100
     */
    public Builder bins(int n) {
      once(binsSet, "bins", bins);
      bins = checkBins(n);
      binsSet = true;
      return this;
    }

    /** The binning method (default NTILE). */
    public Builder binning(Binning method) {
      Objects.requireNonNull(method, "binning");
      once(binningSet, "binning", binning);
      binning = method;
      binningSet = true;
      return this;
    }

    /**
     * Fixed thresholds for one dimension (bins-1 strictly ascending values; days, count or minor units);
     * needed for all three dimensions with {@link Binning#FIXED}.
     */
    public Builder thresholds(Dimension dimension, long... values) {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(values, "values");
      once(thresholds.containsKey(dimension), "thresholds of " + dimension,
          Arrays.toString(thresholds.get(dimension)));
      for (int i = 1; i < values.length; i++) {
        if (values[i] <= values[i - 1]) {
          throw new IllegalArgumentException("thresholds of " + dimension + " must be strictly ascending: "
              + Arrays.toString(values));
        }
      }
      thresholds.put(dimension, values.clone());
      return this;
    }

    /**
     * Sets what counts as one purchase; may be set once.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder frequencyMode(FrequencyMode mode) {
      Objects.requireNonNull(mode, "frequencyMode");
      once(frequencySet, "frequencyMode", frequencyMode);
      frequencyMode = mode;
      frequencySet = true;
      return this;
    }

    /**
     * Sets how the monetary value is aggregated; may be set once.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder monetaryMode(MonetaryMode mode) {
      Objects.requireNonNull(mode, "monetaryMode");
      once(monetarySet, "monetaryMode", monetaryMode);
      monetaryMode = mode;
      monetarySet = true;
      return this;
    }

    /**
     * Sets what happens to customers whose monetary value is zero or negative; may be set once.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder nonPositiveMonetary(NonPositiveMonetary rule) {
      Objects.requireNonNull(rule, "nonPositiveMonetary");
      once(nonPositiveSet, "nonPositiveMonetary", nonPositive);
      nonPositive = rule;
      nonPositiveSet = true;
      return this;
    }

    /**
     * The segment table (default {@link SegmentTable#defaults()} for 5 bins; with other bin counts and
     * no table every customer is "Others").
     */
    public Builder segments(SegmentTable table) {
      Objects.requireNonNull(table, "segments");
      once(segments != null, "segments", segments);
      segments = table;
      return this;
    }

    /**
     * How many threads may work on one large batch or one scoring (default: the available processors).
     * Helper threads come from {@link java.util.concurrent.ForkJoinPool#commonPool()}; the calling
     * thread always takes a share. Results do not depend on it. 1 keeps all work on the caller.
     *
     * @throws IllegalArgumentException if below 1
     * @throws IllegalStateException if already set
     */
    public Builder parallelism(int threads) {
      once(parallelismSet, "parallelism", parallelism);
      if (threads < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1: " + threads);
      }
      parallelism = threads;
      parallelismSet = true;
      return this;
    }

    /** Fixes the currency up front (else the first batch's); batches in another are an error. */
    public Builder currency(Currency c) {
      Objects.requireNonNull(c, "currency");
      once(currency != null, "currency", currency);
      currency = c;
      return this;
    }

    /**
     * Builds the analysis.
     *
     * @throws IllegalStateException if asOf is missing
     * @throws IllegalArgumentException if thresholds and binning disagree or the segment table is for
     *     another bin count
     */
    public RfmAnalysis build() {
      if (asOf == null && !derivedAsOf) {
        throw new IllegalStateException("asOf must be set (an explicit analysis date, or asOfDayAfterLast())");
      }
      if (binning == Binning.FIXED) {
        for (Dimension d : Dimension.values()) {
          long[] t = thresholds.get(d);
          if (t == null) {
            throw new IllegalArgumentException("FIXED binning needs thresholds for " + d);
          }
          if (t.length != bins - 1) {
            throw new IllegalArgumentException("thresholds of " + d + " must have bins-1 = " + (bins - 1)
                + " values: " + t.length);
          }
        }
      } else if (!thresholds.isEmpty()) {
        throw new IllegalArgumentException("thresholds are only used with FIXED binning, not " + binning);
      }
      SegmentTable table = segments;
      if (table == null) {
        table = bins == 5 ? SegmentTable.defaults() : SegmentTable.builder(bins).build();
      }
      if (table.bins() != bins) {
        throw new IllegalArgumentException("segment table is for " + table.bins() + " bins, the analysis has "
            + bins);
      }
      return new RfmAnalysis(this, asOf, table);
    }
  }
}
