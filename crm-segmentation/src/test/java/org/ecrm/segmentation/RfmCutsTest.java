package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scoring parts with disjoint customers against the cuts of {@link RfmAnalysis#cutSearch()} gives every
 * customer the score and segment of scoring the whole base at once.
 */
class RfmCutsTest {
  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (long seed = 1; seed <= 60; seed++) {
      for (Binning binning : Binning.values()) {
        b.add(Arguments.of(seed, binning));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0} {1}")
  @MethodSource("cases")
  void partsScoredAgainstSearchedCutsEqualTheWholeWithTinyRounds(long seed, Binning binning) {
    RfmPropertyTest.Data data = RfmPropertyTest.random(seed, (int) (seed % 5));
    SplittableRandom rnd = new SplittableRandom(seed * 7919);
    RfmAnalysis analysis = analysis(data.asOfDay(), 2 + (int) (seed * 7 % 9), binning, seed);
    int parts = 1 + rnd.nextInt(7);
    // tiny sketches, few splitters and small gathers: many refining rounds on a few hundred customers
    CutSearch search = new CutSearch(analysis, 1 + rnd.nextInt(3), 1 + rnd.nextInt(4), 1 + rnd.nextInt(6));
    checkAgainstWhole(analysis, data, parts, search);
    if (binning != Binning.FIXED && search.cuts().customers() > 6) {
      assertThat(search.rounds()).as("refining rounds").isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void defaultSearchNeedsThreeRoundsOnTwoHundredThousandCustomersAndMatchesTheWhole() {
    SplittableRandom rnd = new SplittableRandom(42);
    int rows = 600_000;
    long[] c = new long[rows];
    int[] d = new int[rows];
    long[] a = new long[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = rnd.nextLong(200_000) * 7919 - 500_000_000L;
      d[i] = 20_000 - rnd.nextInt(700);
      a[i] = rnd.nextLong(-500, 50_000);
    }
    RfmPropertyTest.Data data = new RfmPropertyTest.Data(c, d, a, 20_000);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(20_000)).build();
    RfmCuts.Search search = analysis.cutSearch();
    checkAgainstWhole(analysis, data, 8, search);
    // count + sketch, histogram, gather
    assertThat(search.rounds()).isEqualTo(3);
    assertThat(search.cuts().customers()).isGreaterThan(150_000);
  }

  @Test
  void fixedThresholdsNeedOnlyTheCountRound() {
    RfmPropertyTest.Data data = RfmPropertyTest.random(3, 0);
    RfmAnalysis analysis = analysis(data.asOfDay(), 4, Binning.FIXED, 3);
    RfmCuts.Search search = analysis.cutSearch();
    checkAgainstWhole(analysis, data, 3, search);
    assertThat(search.rounds()).isEqualTo(1);
  }

  @Test
  void anEmptyBaseHasNoCustomersAndScoresEmptyParts() {
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(LocalDate.of(2025, 1, 1)).build();
    RfmCuts.Search search = analysis.cutSearch();
    RfmCuts.Probe probe = search.probe();
    search.accept(probe.empty().merge(probe.answer(analysis.newAccumulator())));
    assertThat(search.done()).isTrue();
    assertThat(search.cuts().customers()).isZero();
    assertThat(search.cuts().thresholds(Dimension.MONETARY)).isEmpty();
    assertThat(analysis.score(analysis.newAccumulator(), search.cuts()).size()).isZero();
  }

  @Test
  void probesRepliesCutsAndTheAnalysisTravelAsJavaSerialization() throws Exception {
    RfmPropertyTest.Data data = RfmPropertyTest.random(11, 0);
    RfmAnalysis analysis = copy(analysis(data.asOfDay(), 5, Binning.NTILE, 11));
    List<RfmAccumulator> parts = split(analysis, data, 3);
    CutSearch search = new CutSearch(analysis, 2, 2, 3);
    while (!search.done()) {
      RfmCuts.Probe probe = copy(search.probe());
      RfmCuts.Reply merged = probe.empty();
      for (RfmAccumulator p : parts) {
        merged = merged.merge(copy(probe.answer(RfmAccumulator.fromBytes(p.toBytes()))));
      }
      search.accept(copy(merged));
    }
    RfmCuts cuts = copy(search.cuts());
    RfmResult whole = analysis.run(TransactionSource.ofArrays(RfmPropertyTest.EUR, data.c(), data.d(), data.a()));
    for (RfmAccumulator p : parts) {
      analysis.score(p, cuts).stream().forEach(r -> assertThat(r).isEqualTo(whole.find(r.customer()).orElseThrow()));
    }
  }

  @Test
  void aReplyToAnotherRoundOrSearchIsRejected() {
    RfmPropertyTest.Data data = RfmPropertyTest.random(5, 0);
    RfmAnalysis analysis = analysis(data.asOfDay(), 5, Binning.NTILE, 5);
    RfmAccumulator part = split(analysis, data, 1).get(0);
    CutSearch search = new CutSearch(analysis, 2, 2, 2);
    RfmCuts.Probe first = search.probe();
    RfmCuts.Reply firstReply = first.answer(part);
    RfmCuts.Reply other = analysis.cutSearch().probe().answer(part);

    assertThatThrownBy(() -> search.accept(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("round 1");
    assertThatThrownBy(() -> firstReply.merge(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different probes");
    search.accept(firstReply);
    assertThatThrownBy(() -> search.accept(firstReply)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("round 2");
    assertThatThrownBy(search::cuts).isInstanceOf(IllegalStateException.class).hasMessageContaining("not done");
  }

  @Test
  void aPartThatChangesBetweenRoundsIsReportedAsInconsistent() {
    RfmPropertyTest.Data data = RfmPropertyTest.random(6, 0);
    RfmAnalysis analysis = analysis(data.asOfDay(), 5, Binning.NTILE, 6);
    List<RfmAccumulator> parts = split(analysis, data, 2);
    CutSearch search = new CutSearch(analysis, 2, 2, 2);
    RfmCuts.Probe probe = search.probe();
    search.accept(probe.answer(parts.get(0)).merge(probe.answer(parts.get(1))));
    RfmCuts.Probe second = search.probe();
    assertThatThrownBy(() -> search.accept(second.answer(parts.get(0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not add up");
  }

  @Test
  void cutsAndAccumulatorsOfAnotherAnalysisAreRejectedNamingTheSetting() {
    RfmPropertyTest.Data data = RfmPropertyTest.random(7, 0);
    RfmAnalysis analysis = analysis(data.asOfDay(), 5, Binning.NTILE, 7);
    RfmAccumulator part = split(analysis, data, 1).get(0);
    RfmCuts.Search search = analysis.cutSearch();
    while (!search.done()) {
      search.accept(search.probe().answer(part));
    }
    RfmCuts cuts = search.cuts();
    RfmAnalysis sixBins = RfmAnalysis.builder().asOf(analysis.asOf()).bins(6)
        .frequencyMode(analysis.frequencyMode()).monetaryMode(analysis.monetaryMode())
        .nonPositiveMonetary(analysis.nonPositiveMonetary()).build();
    RfmAnalysis otherDay = RfmAnalysis.builder().asOf(analysis.asOf().plusDays(1)).build();

    assertThatThrownBy(() -> sixBins.score(RfmAccumulator.fromBytes(part.toBytes()), cuts))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins 5 vs 6");
    assertThatThrownBy(() -> otherDay.cutSearch().probe().answer(part))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another analysis");
    assertThatThrownBy(search::probe).isInstanceOf(IllegalStateException.class).hasMessageContaining("done");
  }

  // --- support ---

  static RfmAnalysis analysis(int asOfDay, int bins, Binning binning, long seed) {
    RfmAnalysis.Builder b = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(asOfDay)).bins(bins).binning(binning)
        .frequencyMode(seed % 2 == 0 ? FrequencyMode.DISTINCT_DAYS : FrequencyMode.TRANSACTIONS)
        .monetaryMode(seed % 3 == 0 ? MonetaryMode.MEAN : MonetaryMode.SUM)
        .nonPositiveMonetary(seed % 4 == 1 ? NonPositiveMonetary.EXCLUDE : NonPositiveMonetary.SCORE);
    if (binning == Binning.FIXED) {
      for (int d = 0; d < 3; d++) {
        long[] t = new long[bins - 1];
        long step = d == 0 ? 30 : d == 1 ? 1 : 20_000;
        for (int i = 0; i < bins - 1; i++) {
          t[i] = (i + 1) * step;
        }
        b.thresholds(Dimension.values()[d], t);
      }
    }
    if (bins != 5) {
      b.segments(SegmentTable.builder(bins).rule("Top", bins, bins, 1, bins, 1, bins).build());
    }
    return b.build();
  }

  /** The rows split into {@code parts} accumulators by customer hash (some may be empty). */
  static List<RfmAccumulator> split(RfmAnalysis analysis, RfmPropertyTest.Data data, int parts) {
    List<RfmAccumulator> out = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int cnt = 0;
      for (long c : data.c()) {
        cnt += owner(c, parts) == p ? 1 : 0;
      }
      long[] c = new long[cnt];
      int[] d = new int[cnt];
      long[] a = new long[cnt];
      int k = 0;
      for (int i = 0; i < data.c().length; i++) {
        if (owner(data.c()[i], parts) == p) {
          c[k] = data.c()[i];
          d[k] = data.d()[i];
          a[k++] = data.a()[i];
        }
      }
      RfmAccumulator acc = analysis.newAccumulator();
      acc.addAll(TransactionSource.ofArrays(RfmPropertyTest.EUR, c, d, a));
      out.add(acc);
    }
    return out;
  }

  private static int owner(long customer, int parts) {
    return Math.floorMod(Long.hashCode(customer * 0x9E3779B97F4A7C15L), parts);
  }

  private static void checkAgainstWhole(RfmAnalysis analysis, RfmPropertyTest.Data data, int parts,
      RfmCuts.Search search) {
    RfmResult whole = analysis.run(TransactionSource.ofArrays(RfmPropertyTest.EUR, data.c(), data.d(), data.a()));
    List<RfmAccumulator> accs = split(analysis, data, parts);
    int rounds = 0;
    while (!search.done()) {
      RfmCuts.Probe probe = search.probe();
      RfmCuts.Reply merged = probe.empty();
      for (RfmAccumulator p : accs) {
        merged = p.customers() % 2 == 0 ? merged.merge(probe.answer(p)) : probe.answer(p).merge(merged);
      }
      search.accept(merged);
      assertThat(++rounds).as("rounds").isLessThan(200);
    }
    RfmCuts cuts = search.cuts();
    assertThat(cuts.customers()).isEqualTo(whole.size());
    int seen = 0;
    int[][] binCounts = new int[3][analysis.bins() + 1];
    long[] segmentSizes = new long[whole.segments().size()];
    for (RfmAccumulator p : accs) {
      RfmResult part = analysis.score(p, cuts);
      for (int row = 0; row < part.size(); row++) {
        CustomerRfm got = part.get(row);
        assertThat(got).isEqualTo(whole.find(got.customer()).orElseThrow());
        seen++;
      }
      for (Dimension d : Dimension.values()) {
        ScoreBins bins = part.scoreBins(d);
        assertThat(bins.thresholds()).as("thresholds of %s", d).isEqualTo(whole.scoreBins(d).thresholds());
        bins.bins().forEach(bin -> binCounts[d.ordinal()][bin.score()] += bin.customers());
      }
      for (int s = 0; s < segmentSizes.length; s++) {
        segmentSizes[s] += part.segments().get(s).customers();
      }
    }
    assertThat(seen).isEqualTo(whole.size());
    for (Dimension d : Dimension.values()) {
      for (ScoreBins.Bin bin : whole.scoreBins(d).bins()) {
        assertThat(binCounts[d.ordinal()][bin.score()]).as("%s score %d", d, bin.score()).isEqualTo(bin.customers());
      }
    }
    for (int s = 0; s < segmentSizes.length; s++) {
      assertThat(segmentSizes[s]).isEqualTo(whole.segments().get(s).customers());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
