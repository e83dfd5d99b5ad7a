package org.ecrm.core.dedupe;

import java.util.List;

/**
 * Manual benchmark (not run by surefire): precision, recall and wall-clock time of {@link DuplicateFinder}
 * on 100,000 generated customers with 5 % planted duplicates. Run from {@code crm-core} after
 * {@code mvn -pl crm-core test-compile} with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.ecrm.core.dedupe.DuplicateFinderBenchmark}
 * where {@code cp.txt} comes from {@code mvn -pl crm-core dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 * Arguments: customers (default 100000), runs (default 5); the first run is warm-up.
 */
final class DuplicateFinderBenchmark {
  private DuplicateFinderBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    SyntheticCustomers.Data data = SyntheticCustomers.generate(n, 0.05, 20_261_123L);
    DuplicateFinder finder = DuplicateFinder.builder().build();
    System.out.printf("JDK %s, %d processors, %s %s%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"));
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      List<DuplicateCandidate> found = finder.find(data.customers().stream());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      double[] pr = SyntheticCustomers.precisionRecall(found, data.truePairs());
      System.out.printf("run %d%s: %d customers, %d planted pairs, %d candidates, precision %.4f, recall %.4f,"
          + " %d ms%n", r, r == 0 ? " (warm-up)" : "", n, data.truePairs().size(), found.size(), pr[0], pr[1], ms);
    }
  }
}
