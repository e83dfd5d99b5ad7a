package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast engine against {@link NaiveRfm} on seeded random data with many ties and edge shapes. */
class RfmPropertyTest {
  static final Currency EUR = Currency.getInstance("EUR");

  record Data(long[] c, int[] d, long[] a, int asOfDay) {
  }

  /** Shapes: 0 = general, 1 = single customer, 2 = all equal values, 3 = fewer customers than bins, 4 = heavy ties. */
  static Data random(long seed, int shape) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int customers = switch (shape) {
      case 1 -> 1;
      case 3 -> 1 + rnd.nextInt(4);
      default -> 1 + rnd.nextInt(300);
    };
    int rows = customers + rnd.nextInt(customers * 4 + 1);
    long[] ids = new long[customers];
    for (int i = 0; i < customers; i++) {
      ids[i] = rnd.nextLong(-1_000_000, 1_000_000);
    }
    int asOf = 20_000;
    long[] c = new long[rows];
    int[] d = new int[rows];
    long[] a = new long[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = ids[i < customers ? i : rnd.nextInt(customers)];
      switch (shape) {
        case 2 -> {
          d[i] = asOf - 5;
          a[i] = 1000;
        }
        case 4 -> {
          d[i] = asOf - rnd.nextInt(3);
          a[i] = 100L * rnd.nextInt(-1, 3);
        }
        default -> {
          d[i] = asOf - rnd.nextInt(400) + (rnd.nextInt(20) == 0 ? 30 : 0); // some after as-of
          a[i] = rnd.nextLong(-5_000, 100_000);
        }
      }
    }
    return new Data(c, d, a, asOf);
  }

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (long seed = 1; seed <= 40; seed++) {
      int shape = (int) (seed % 5);
      int bins = 2 + (int) (seed * 7 % 9);
      for (Binning binning : Binning.values()) {
        b.add(Arguments.of(seed, shape, bins, binning, seed % 2 == 0, seed % 3 == 0));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0} shape {1} bins {2} {3} distinctDays={4} mean={5}")
  @MethodSource("cases")
  void engineScoresEqualNaiveReference(long seed, int shape, int bins, Binning binning, boolean distinct,
      boolean mean) {
    Data data = random(seed, shape);
    long[][] fixed = {{}, {}, {}};
    RfmAnalysis.Builder builder = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(data.asOfDay())).bins(bins)
        .binning(binning).frequencyMode(distinct ? FrequencyMode.DISTINCT_DAYS : FrequencyMode.TRANSACTIONS)
        .monetaryMode(mean ? MonetaryMode.MEAN : MonetaryMode.SUM);
    if (binning == Binning.FIXED) {
      for (int d = 0; d < 3; d++) {
        fixed[d] = new long[bins - 1];
        long step = d == 0 ? 30 : d == 1 ? 1 : 20_000;
        for (int i = 0; i < bins - 1; i++) {
          fixed[d][i] = (i + 1) * step;
        }
        builder.thresholds(Dimension.values()[d], fixed[d]);
      }
    }
    RfmResult result = builder.build().run(TransactionSource.ofArrays(EUR, data.c(), data.d(), data.a()));
    Map<Long, NaiveRfm.Row> expected = NaiveRfm.compute(data.c(), data.d(), data.a(), data.asOfDay(), bins,
        binning, distinct, mean, fixed);

    assertThat(result.size()).isEqualTo(expected.size());
    int row = 0;
    for (NaiveRfm.Row e : expected.values()) {
      CustomerRfm got = result.get(row++);
      assertThat(new long[] {got.customer(), got.recencyDays(), got.frequency(), got.monetaryMinor(), got.r(),
          got.f(), got.m()}).as("customer %d", e.id())
          .containsExactly(e.id(), e.recency(), e.frequency(), e.monetary(), e.r(), e.f(), e.m());
    }
    long after = 0;
    for (int d : data.d()) {
      if (d > data.asOfDay()) {
        after++;
      }
    }
    assertThat(result.excludedAfterAsOf()).isEqualTo(after);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("mergeSeeds")
  void randomPartitionsMergedInRandomOrderEqualTheWhole(long seed) {
    Data data = random(seed, (int) (seed % 5));
    SplittableRandom rnd = new SplittableRandom(seed * 31);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(data.asOfDay()))
        .frequencyMode(seed % 2 == 0 ? FrequencyMode.DISTINCT_DAYS : FrequencyMode.TRANSACTIONS).build();
    RfmResult whole = analysis.run(TransactionSource.ofArrays(EUR, data.c(), data.d(), data.a()));

    int parts = 1 + rnd.nextInt(6);
    RfmAccumulator[] acc = new RfmAccumulator[parts];
    for (int p = 0; p < parts; p++) {
      acc[p] = analysis.newAccumulator();
    }
    // each row to a random partition, rows within a partition in random batches
    int n = data.c().length;
    int[] owner = new int[n];
    for (int i = 0; i < n; i++) {
      owner[i] = rnd.nextInt(parts);
    }
    for (int p = 0; p < parts; p++) {
      int cnt = 0;
      for (int o : owner) {
        cnt += o == p ? 1 : 0;
      }
      long[] c = new long[cnt];
      int[] d = new int[cnt];
      long[] a = new long[cnt];
      int k = 0;
      for (int i = n - 1; i >= 0; i--) { // reversed order on purpose
        if (owner[i] == p) {
          c[k] = data.c()[i];
          d[k] = data.d()[i];
          a[k++] = data.a()[i];
        }
      }
      int from = 0;
      while (from < cnt) {
        int size = 1 + rnd.nextInt(cnt - from);
        acc[p].add(TransactionBatch.of(EUR, java.util.Arrays.copyOfRange(c, from, from + size),
            java.util.Arrays.copyOfRange(d, from, from + size), java.util.Arrays.copyOfRange(a, from, from + size),
            size, from));
        from += size;
      }
    }
    // merge in a random tree: pick two, merge one into the other, until one is left
    java.util.List<RfmAccumulator> pool = new java.util.ArrayList<>(java.util.List.of(acc));
    while (pool.size() > 1) {
      RfmAccumulator x = pool.remove(rnd.nextInt(pool.size()));
      RfmAccumulator y = pool.remove(rnd.nextInt(pool.size()));
      pool.add(y.merge(x));
    }
    RfmResult merged = analysis.score(pool.get(0));

    assertThat(merged.stream().toList()).isEqualTo(whole.stream().toList());
    assertThat(merged.excludedAfterAsOf()).isEqualTo(whole.excludedAfterAsOf());
    assertThat(pool.get(0).transactions() + merged.excludedAfterAsOf()).isEqualTo(n);
  }

  /**
   * Inputs large enough for the parallel paths (batch split over threads, radix sort, the three
   * dimensions scored at once): every thread count gives the naive reference's scores, and the same
   * rejections in the same order.
   */
  @ParameterizedTest(name = "seed {0} distinctDays={1}")
  @CsvSource({"1,false", "2,true", "3,false"})
  void largeInputsGiveTheSameResultOnAnyNumberOfThreads(long seed, boolean distinct) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int customers = 40_000 + rnd.nextInt(20_000);
    int rows = 300_000;
    int asOf = 20_000;
    long[] ids = new long[customers];
    for (int i = 0; i < customers; i++) {
      ids[i] = 1_000_000_000L + 7L * i * (seed % 2 == 0 ? -1 : 1);
    }
    long[] c = new long[rows];
    int[] d = new int[rows];
    long[] a = new long[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = ids[i < customers ? i : rnd.nextInt(customers)];
      d[i] = rnd.nextInt(1_000) == 0 ? -1 - rnd.nextInt(100) // before 1970: rejected
          : asOf - rnd.nextInt(1_100) + (rnd.nextInt(50) == 0 ? 40 : 0);
      a[i] = rnd.nextLong(-2_000, 50_000);
    }
    RfmResult[] results = new RfmResult[3];
    int[] threads = {1, 2, 4};
    for (int t = 0; t < 3; t++) {
      results[t] = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(asOf)).parallelism(threads[t])
          .frequencyMode(distinct ? FrequencyMode.DISTINCT_DAYS : FrequencyMode.TRANSACTIONS).build()
          .run(TransactionSource.ofArrays(EUR, c, d, a));
    }
    assertThat(results[0].rejections()).isNotEmpty();
    for (int t = 1; t < 3; t++) {
      assertThat(results[t].stream().toList()).as("%d threads", threads[t]).isEqualTo(results[0].stream().toList());
      assertThat(results[t].rejections()).as("%d threads", threads[t]).isEqualTo(results[0].rejections());
      assertThat(results[t].excludedAfterAsOf()).isEqualTo(results[0].excludedAfterAsOf());
    }
    // the reference, on the rows the engine did not reject
    java.util.Set<Long> rejected = new java.util.HashSet<>();
    results[0].rejections().forEach(r -> rejected.add(r.record()));
    int keep = rows - rejected.size();
    long[] kc = new long[keep];
    int[] kd = new int[keep];
    long[] ka = new long[keep];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (!rejected.contains((long) i)) {
        kc[k] = c[i];
        kd[k] = d[i];
        ka[k++] = a[i];
      }
    }
    Map<Long, NaiveRfm.Row> expected = NaiveRfm.compute(kc, kd, ka, asOf, 5, Binning.NTILE, distinct, false,
        new long[][] {{}, {}, {}});
    assertThat(results[0].size()).isEqualTo(expected.size());
    int row = 0;
    for (NaiveRfm.Row e : expected.values()) {
      CustomerRfm got = results[0].get(row++);
      assertThat(new long[] {got.customer(), got.recencyDays(), got.frequency(), got.monetaryMinor(), got.r(),
          got.f(), got.m()}).as("customer %d", e.id())
          .containsExactly(e.id(), e.recency(), e.frequency(), e.monetary(), e.r(), e.f(), e.m());
    }
  }

  /**
   * A large batch is split over threads into private tables that are merged; the same rows fed in
   * small batches go row by row into one table. Sums that overflow, rows after the as-of date and before 1970 included: the same
   * customers, values, rejections (in record order) and exclusions, on 1, 2 and 3 threads.
   */
  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"11", "12", "13"})
  void aLargeFirstBatchGivesWhatSmallBatchesGive(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int rows = 70_000 + rnd.nextInt(200_000);
    int customers = 1 + rnd.nextInt(rows / 3);
    int asOf = 19_000;
    long[] c = new long[rows];
    int[] d = new int[rows];
    long[] a = new long[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = rnd.nextLong(customers) * 1_000_003L - 500_000_000L;
      int kind = rnd.nextInt(500);
      d[i] = kind == 0 ? -1 - rnd.nextInt(30) : kind == 1 ? asOf + 1 + rnd.nextInt(30) : rnd.nextInt(asOf + 1);
      a[i] = rnd.nextLong(-1_000, 100_000);
    }
    for (int k = 0; k < 5; k++) { // one customer's third row overflows its sum; the next two bring it back down
      int i = (int) ((long) rows * k / 5); // rows far apart: in different thread ranges
      c[i] = c[0];
      d[i] = 5;
      a[i] = k < 3 ? Long.MAX_VALUE / 2 : -(Long.MAX_VALUE / 2);
    }
    TransactionSource small = sink -> {
      for (int from = 0; from < rows; from += 4_096) {
        int n = Math.min(4_096, rows - from);
        sink.accept(TransactionBatch.of(EUR, java.util.Arrays.copyOfRange(c, from, from + n),
            java.util.Arrays.copyOfRange(d, from, from + n), java.util.Arrays.copyOfRange(a, from, from + n), n, from));
      }
    };
    RfmAnalysis sequential = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(asOf)).parallelism(1).build();
    RfmResult expected = sequential.run(small);
    assertThat(expected.rejections()).extracting(RejectedRecord::field).contains("amount", "date");
    for (int threads = 1; threads <= 3; threads++) {
      RfmResult got = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(asOf)).parallelism(threads).build()
          .run(TransactionSource.ofArrays(EUR, c, d, a));
      assertThat(got.stream().toList()).as("%d threads", threads).isEqualTo(expected.stream().toList());
      assertThat(got.rejections()).as("%d threads", threads).isEqualTo(expected.rejections());
      assertThat(got.excludedAfterAsOf()).isEqualTo(expected.excludedAfterAsOf()).isPositive();
    }
  }

  static Stream<Long> mergeSeeds() {
    return Stream.iterate(100L, s -> s + 1).limit(40);
  }
}
