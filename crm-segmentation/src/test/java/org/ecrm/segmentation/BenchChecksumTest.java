package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproduces the rfm-peers checksums (shared/bench/rfm-peers/RESULTS.md) on the same generated data. */
class BenchChecksumTest {
  static final Currency USD = Currency.getInstance("USD");

  @Test
  void millionRowBenchDataGivesThePublishedChecksums() {
    BenchData data = BenchData.generate(1_000_000, 42);
    RfmResult r = RfmAnalysis.builder().asOf(data.asOf()).build()
        .run(TransactionSource.ofArrays(USD, data.customers, data.days, data.cents));

    assertThat(r.size()).isEqualTo(50_003);
    assertThat(String.format("%016x", BenchData.scoreChecksum(r))).isEqualTo("e14ee46dc1fe6625");
    assertThat(String.format("%016x", BenchData.aggregateChecksum(r))).isEqualTo("f9e66cbf58c5bd6d");
  }

  @Test
  void csvOfBenchDataGivesTheSameResultAsTheArrays(@TempDir Path dir) throws Exception {
    BenchData data = BenchData.generate(50_000, 7);
    Path csv = dir.resolve("tx.csv");
    data.writeCsv(csv);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(data.asOf()).build();

    RfmResult fromCsv = analysis.run(TransactionSources.csv(csv, CsvFormat.defaults(USD)));
    RfmResult fromArrays = analysis.run(TransactionSource.ofArrays(USD, data.customers, data.days, data.cents));

    assertThat(fromCsv.rejections()).isEmpty();
    assertThat(fromCsv.size()).isEqualTo(50_000 / 20 + 3);
    assertThat(BenchData.scoreChecksum(fromCsv)).isEqualTo(BenchData.scoreChecksum(fromArrays));
    assertThat(BenchData.aggregateChecksum(fromCsv)).isEqualTo(BenchData.aggregateChecksum(fromArrays));
  }
}
