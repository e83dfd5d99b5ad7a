package org.ecrm.segmentation.clv.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecrm.segmentation.clv.Cdnow;
import org.ecrm.segmentation.clv.CustomerSummary;
import org.ecrm.segmentation.clv.internal.BgNbdMath;
import org.ecrm.segmentation.clv.internal.GammaGammaMath;
import org.ecrm.segmentation.clv.internal.ParetoNbdMath;
import org.ecrm.segmentation.clv.internal.SummaryRows;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of each model's log-likelihood over the 2,357 CDNOW customers, at the published
 * parameters: what the optimiser pays per step. {@code variant=compressed} is the shipped path (identical
 * rows merged into weights, log-gamma terms once per distinct frequency); {@code variant=perCustomer}
 * is the naive baseline (every customer, every term).
 *
 * <p>Not run by {@code mvn verify}. Run it with (from the repository root):
 *
 * <pre>
 * mvn -B -ntp -pl crm-segmentation -am test-compile exec:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test "-Dexec.args=-cp %classpath org.openjdk.jmh.Main LikelihoodBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LikelihoodBenchmark {
  @Param({"compressed", "perCustomer"})
  public String variant;

  private SummaryRows purchaseRows;
  private SummaryRows spendRows;
  private double[] x;
  private double[] tx;
  private double[] age;
  private double[] m;

  @Setup
  public void load() {
    List<CustomerSummary> data = Cdnow.summaries();
    x = data.stream().mapToDouble(CustomerSummary::frequency).toArray();
    tx = data.stream().mapToDouble(CustomerSummary::recency).toArray();
    age = data.stream().mapToDouble(CustomerSummary::t).toArray();
    m = data.stream().mapToDouble(CustomerSummary::monetary).toArray();
    purchaseRows = SummaryRows.of(x, tx, age, m, null, false, false);
    spendRows = SummaryRows.of(x, tx, age, m, null, true, true);
  }

  @Benchmark
  public double bgNbd() {
    if (variant.equals("compressed")) {
      return BgNbdMath.logLikelihood(0.243, 4.414, 0.793, 2.426, purchaseRows);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += BgNbdMath.logLikelihood(0.243, 4.414, 0.793, 2.426, x[i], tx[i], age[i]);
    }
    return sum;
  }

  @Benchmark
  public double paretoNbd() {
    if (variant.equals("compressed")) {
      return ParetoNbdMath.logLikelihood(0.553, 10.58, 0.606, 11.67, purchaseRows);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += ParetoNbdMath.logLikelihood(0.553, 10.58, 0.606, 11.67, x[i], tx[i], age[i]);
    }
    return sum;
  }

  @Benchmark
  public double gammaGamma() {
    if (variant.equals("compressed")) {
      return GammaGammaMath.logLikelihood(6.25, 3.74, 15.44, spendRows);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0) {
        sum += GammaGammaMath.logLikelihood(6.25, 3.74, 15.44, x[i], m[i]);
      }
    }
    return sum;
  }
}
