package org.ecrm.tracking.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.ReadStats;
import org.ecrm.tracking.weblog.WebLogImport;
import org.ecrm.tracking.weblog.WebLogReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Web-log import on a generated file (crm-tracking/bench/peers/gen_bigger.py, see BENCHMARKS.md): the full import (parse,
 * bot/asset/status filter, sessionization) against parsing alone. Seconds per pass; lines/s = lines / score.
 *
 * <p>Run: {@code mvn -B -q -pl crm-tracking -am test-compile exec:exec -Dexec.skip=false
 * -Dexec.executable=java -Dexec.classpathScope=test
 * "-Dexec.args=-cp %classpath org.openjdk.jmh.Main WebLogImportBenchmark -f 1 -p file=../target/bench-data/weblog/combined_1000000.log"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class WebLogImportBenchmark {
  @Param({"../target/bench-data/weblog/combined_1000000.log"})
  public String file;

  @Benchmark
  public ImportReport fullImport() {
    return WebLogImport.builder().build().run(Path.of(file));
  }

  @Benchmark
  public ReadStats parseOnly() {
    long[] sink = new long[1];
    return WebLogReader.builder().build().read(Path.of(file), r -> sink[0] += r.status(), e -> sink[0]++);
  }
}
