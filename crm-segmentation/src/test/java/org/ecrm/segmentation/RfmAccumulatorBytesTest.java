package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RfmAccumulatorBytesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final LocalDate AS_OF = LocalDate.of(2024, 1, 1);

  private static RfmAnalysis analysis(FrequencyMode mode) {
    return RfmAnalysis.builder().asOf(AS_OF).frequencyMode(mode).parallelism(1).build();
  }

  private static List<CustomerRfm> rows(RfmResult r) {
    return r.stream().toList();
  }

  @ParameterizedTest(name = "seed {0}, {1}")
  @CsvSource({"1, TRANSACTIONS", "2, DISTINCT_DAYS", "3, TRANSACTIONS", "4, DISTINCT_DAYS"})
  void partsShippedAsBytesAndMergedScoreLikeAllDataAtOnce(long seed, FrequencyMode mode) {
    Random rnd = new Random(seed);
    int n = 5_000 + rnd.nextInt(5_000);
    long[] c = new long[n];
    int[] d = new int[n];
    long[] a = new long[n];
    int asOfDay = (int) AS_OF.toEpochDay();
    for (int i = 0; i < n; i++) {
      c[i] = rnd.nextInt(800) * 7919L - 1000;
      d[i] = asOfDay - 400 + rnd.nextInt(410); // some after the as-of date
      a[i] = rnd.nextInt(20_000) - 2_000;
    }
    RfmAnalysis analysis = analysis(mode);
    RfmResult whole = analysis.run(TransactionSource.ofArrays(EUR, c, d, a));

    int parts = 1 + rnd.nextInt(6);
    RfmAccumulator merged = null;
    for (int p = 0; p < parts; p++) {
      int from = p * n / parts;
      int to = (p + 1) * n / parts;
      RfmAccumulator acc = analysis.newAccumulator();
      acc.add(TransactionBatch.of(EUR, Arrays.copyOfRange(c, from, to), Arrays.copyOfRange(d, from, to),
          Arrays.copyOfRange(a, from, to), to - from, from));
      RfmAccumulator shipped = RfmAccumulator.fromBytes(acc.toBytes());
      assertThat(shipped.customers()).isEqualTo(acc.customers());
      assertThat(shipped.transactions()).isEqualTo(acc.transactions());
      assertThat(shipped.excludedAfterAsOf()).isEqualTo(acc.excludedAfterAsOf());
      merged = merged == null ? shipped : RfmAccumulator.fromBytes(merged.toBytes()).merge(shipped);
    }
    RfmResult fromParts = analysis.score(merged);
    assertThat(rows(fromParts)).isEqualTo(rows(whole));
    assertThat(fromParts.excludedAfterAsOf()).isEqualTo(whole.excludedAfterAsOf());
  }

  @Test
  void rejectionsSkipsAndCurrencySurviveTheRoundTrip() {
    RfmAccumulator acc = analysis(FrequencyMode.TRANSACTIONS).newAccumulator();
    acc.addAll(new TransactionSource() {
      @Override
      public void read(TransactionSink sink) {
        sink.accept(TransactionBatch.of(EUR, new long[] {1, 2}, new int[] {19_000, 19_001}, new long[] {5, 7}, 2, 0));
        sink.reject(new RejectedRecord(3, "amount", "not a number 'x'"));
        sink.skip("cancelled order");
        sink.skip("cancelled order");
      }
    });
    RfmAccumulator back = RfmAccumulator.fromBytes(acc.toBytes());
    assertThat(back.currency()).contains(EUR);
    assertThat(back.asOf()).isEqualTo(AS_OF);
    assertThat(back.rejections()).containsExactly(new RejectedRecord(3, "amount", "not a number 'x'"));
    assertThat(back.skipped()).containsEntry("cancelled order", 2L);
    assertThat(back.toBytes()).isEqualTo(acc.toBytes());
  }

  @Test
  void emptyAccumulatorRoundTripsWithoutCurrency() {
    RfmAccumulator back = RfmAccumulator.fromBytes(analysis(FrequencyMode.DISTINCT_DAYS).newAccumulator().toBytes());
    assertThat(back.customers()).isZero();
    assertThat(back.currency()).isEmpty();
    assertThat(analysis(FrequencyMode.DISTINCT_DAYS).score(back).size()).isZero();
  }

  @Test
  void aStateOfAnotherAnalysisIsStillRefusedWhenScored() {
    RfmAccumulator back = RfmAccumulator.fromBytes(analysis(FrequencyMode.DISTINCT_DAYS).newAccumulator().toBytes());
    assertThatThrownBy(() -> analysis(FrequencyMode.TRANSACTIONS).score(back))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another analysis");
  }

  @Test
  void bytesThatAreNoAccumulatorAreRejectedClearly() {
    byte[] good = analysis(FrequencyMode.TRANSACTIONS).newAccumulator().toBytes();
    assertThatThrownBy(() -> RfmAccumulator.fromBytes(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RfmAccumulator.fromBytes: not an");
    assertThatThrownBy(() -> RfmAccumulator.fromBytes(Arrays.copyOf(good, good.length - 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> RfmAccumulator.fromBytes(longer))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
  }
}
