package org.ecrm.segmentation.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.ecrm.segmentation.BenchDataAccess;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.engine.RfmAccumulator;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.engine.TransactionSource;
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
 * The hot paths on the rfm-peers data (same generator, seed 42) and on UCI Online Retail.
 *
 * <p>Run (from the repository root; writes JSON):
 * <pre>
 * mvn -B -q -pl crm-segmentation -am test-compile exec:exec \
 *   -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-Xmx6g -cp %classpath org.openjdk.jmh.Main RfmBench -f 1 -rf json -rff rfm-bench.json"
 * </pre>
 * or {@code bash crm-segmentation/bench/rfm-vs-peers.sh} (see BENCHMARKS.md). The CSV benchmark reads
 * {@code tx_<rows>_s42.csv} in the folder of system property {@code bench.data} (default
 * {@code target/bench-data/rfm} in the repository; what the peers' run.sh writes) and writes it there first when missing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
public class RfmBench {
  static final Currency USD = Currency.getInstance("USD");

  @Param({"1000000", "10000000"})
  public int rows;

  long[] customers;
  int[] days;
  long[] cents;
  LocalDate asOf;
  RfmAnalysis analysis;
  RfmAnalysis derived;
  TransactionSource arrays;
  RfmAccumulator aggregated;
  Path csv;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    BenchDataAccess d = BenchDataAccess.generate(rows, 42);
    customers = d.customers();
    days = d.days();
    cents = d.cents();
    asOf = d.asOf();
    analysis = RfmAnalysis.builder().asOf(asOf).build();
    derived = RfmAnalysis.builder().asOfDayAfterLast().build();
    arrays = TransactionSource.ofArrays(USD, customers, days, cents);
    aggregated = analysis.newAccumulator();
    aggregated.addAll(arrays);
    csv = benchDir().resolve("tx_" + rows + "_s42.csv");
    if (!Files.exists(csv)) {
      Files.createDirectories(csv.getParent());
      d.writeCsv(csv);
    }
    RfmResult check = analysis.run(arrays);
    System.out.printf("%n[RfmBench] rows=%d customers=%d score checksum=%016x state bytes=%d (%.1f per customer,"
        + " %.1f per transaction)%n", rows, check.size(), d.scoreChecksum(check), aggregated.stateBytes(),
        (double) aggregated.stateBytes() / check.size(), (double) aggregated.stateBytes() / rows);
  }

  /** Transactions into per-customer state (the hash-aggregation part). */
  @Benchmark
  public RfmAccumulator aggregate() {
    RfmAccumulator acc = analysis.newAccumulator();
    acc.addAll(arrays);
    return acc;
  }

  /** Scores and segments from an aggregated state. */
  @Benchmark
  public RfmResult scoreAndSegment() {
    return analysis.score(aggregated);
  }

  /** In memory: columns to scores and segments (aggregate + score + segment): the number to compare with DuckDB. */
  @Benchmark
  public RfmResult rfmAndSegments() {
    return analysis.run(arrays);
  }

  /** CSV file to scores and segments (FastCSV parse included). */
  @Benchmark
  public RfmResult csvToSegments() {
    return analysis.run(TransactionSources.csv(csv, CsvFormat.defaults(USD)));
  }

  /** CSV file to scores and segments with the as-of date derived from the data in the same pass. */
  @Benchmark
  public RfmResult csvToSegmentsDerivedAsOf() {
    return derived.run(TransactionSources.csv(csv, CsvFormat.defaults(USD)));
  }

  /** The BTYD summary (customer-day grouping), calibration end = last day. */
  @Benchmark
  public CustomerBaseSummary.Result btydSummary() {
    return CustomerBaseSummary.builder().calibrationEnd(asOf.minusDays(1)).unit(PeriodUnit.WEEKS).build()
        .summarize(arrays);
  }

  /** UCI Online Retail (406,829 rows with a customer; amount = quantity × unit price, cancellations negative). */
  @State(Scope.Benchmark)
  public static class Retail {
    long[] c;
    int[] d;
    long[] a;
    RfmAnalysis analysis;

    @Setup(Level.Trial)
    public void load() throws IOException {
      String named = System.getProperty("retail");
      Path gz = named != null ? Path.of(named)
          : repositoryRoot().resolveSibling("shared").resolve("data/online-retail/online-retail.csv.gz");
      if (!Files.exists(gz)) {
        throw new IllegalStateException("Online Retail not found at " + gz + ": download the UCI Online Retail"
            + " data set (online-retail.csv.gz) and pass -Dretail=PATH");
      }
      var cs = new java.util.ArrayList<long[]>();
      try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
          var reader = de.siegmar.fastcsv.reader.CsvReader.builder()
              .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        boolean header = true;
        for (var r : reader) {
          if (header) {
            header = false;
            continue;
          }
          String id = r.getField(6);
          if (id.isEmpty()) {
            continue;
          }
          long cust = Long.parseLong(id.endsWith(".0") ? id.substring(0, id.length() - 2) : id);
          long day = LocalDate.parse(r.getField(4).substring(0, 10)).toEpochDay();
          long pence = new BigDecimal(r.getField(5)).multiply(BigDecimal.valueOf(Long.parseLong(r.getField(3))))
              .movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
          cs.add(new long[] {cust, day, pence});
        }
      }
      c = new long[cs.size()];
      d = new int[cs.size()];
      a = new long[cs.size()];
      int maxDay = 0;
      for (int i = 0; i < c.length; i++) {
        c[i] = cs.get(i)[0];
        d[i] = (int) cs.get(i)[1];
        a[i] = cs.get(i)[2];
        maxDay = Math.max(maxDay, d[i]);
      }
      analysis = RfmAnalysis.builder().asOf(LocalDate.ofEpochDay(maxDay + 1L)).build();
      System.out.printf("%n[RfmBench] Online Retail rows=%d customers=%d%n", c.length,
          analysis.run(TransactionSource.ofArrays(Currency.getInstance("GBP"), c, d, a)).size());
    }
  }

  /** Online Retail in memory: rows to scores and segments. Ignores {@code rows}. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
  public RfmResult onlineRetailRfm(Retail r) {
    return r.analysis.run(TransactionSource.ofArrays(Currency.getInstance("GBP"), r.c, r.d, r.a));
  }

  /** {@code -Dbench.data}, else target/bench-data/rfm in this repository (where the peers' run.sh writes). */
  static Path benchDir() {
    String named = System.getProperty("bench.data");
    return named != null ? Path.of(named)
        : repositoryRoot().resolve("target").resolve("bench-data").resolve("rfm");
  }

  /** The repository root: the first directory at or above the working directory with crm-segmentation/pom.xml. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("crm-segmentation").resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath()
        + " (set -Dbench.data and -Dretail)");
  }
}
