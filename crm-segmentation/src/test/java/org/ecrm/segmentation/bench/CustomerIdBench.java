package org.ecrm.segmentation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.ecrm.segmentation.BenchDataAccess;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.TransactionSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of text customer ids: the rfm-peers data (seed 42) as a CSV file with the ids as numbers
 * ({@code 1234}) or as text ({@code C-1234}, the same customers), read and scored
 * ({@link RfmAnalysis#run} over {@link TransactionSources#csv}). Files are written to {@code
 * -Dbench.data} (default {@code target/bench-data/rfm} in the repository) when missing. Run as
 * {@link RfmBench} with the class name {@code CustomerIdBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
public class CustomerIdBench {
  static final Currency USD = Currency.getInstance("USD");

  @Param({"10000000"})
  public int rows;

  /** {@code numeric}: ids as numbers; {@code text}: the same ids with the prefix {@code C-}. */
  @Param({"numeric", "text"})
  public String ids;

  RfmAnalysis analysis;
  Path csv;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    BenchDataAccess d = BenchDataAccess.generate(rows, 42);
    analysis = RfmAnalysis.builder().asOf(d.asOf()).build();
    String prefix = ids.equals("text") ? "C-" : "";
    csv = RfmBench.benchDir().resolve("tx_" + rows + "_s42" + (prefix.isEmpty() ? "" : "_text") + ".csv");
    if (!Files.exists(csv)) {
      Files.createDirectories(csv.getParent());
      d.writeCsv(csv, prefix);
    }
    RfmResult check = csvToSegments();
    System.out.printf("%n[CustomerIdBench] rows=%d ids=%s customers=%d rejected=%d%n", rows, ids, check.size(),
        check.rejections().size());
  }

  /** CSV file to scores and segments (parse included). */
  @Benchmark
  public RfmResult csvToSegments() {
    return analysis.run(TransactionSources.csv(csv, CsvFormat.defaults(USD)));
  }
}
