package org.ecrm.tracking.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.WebLogImport;

/**
 * Whole-process timing of one web-log import, for the table next to GoAccess and the parse floor
 * (shared/bench/log-peers). Prints lines/s and the peak used heap, sampled every 5 ms (run it under
 * {@code /usr/bin/time -v} for the peak RSS).
 *
 * <p>Run (after {@code mvn -pl crm-tracking -am test-compile}, from the repository root):
 * {@code java -cp crm-tracking/target/test-classes:crm-tracking/target/classes:$(cat cp.txt)
 * org.ecrm.tracking.bench.ImportTiming FILE [repeat]} where {@code cp.txt} comes from
 * {@code mvn -q -pl crm-tracking dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class ImportTiming {
  private ImportTiming() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    long[] peak = new long[1];
    Thread sampler = new Thread(() -> {
      Runtime rt = Runtime.getRuntime();
      while (true) {
        long used = rt.totalMemory() - rt.freeMemory();
        if (used > peak[0]) {
          peak[0] = used;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    for (int i = 1; i <= repeat; i++) {
      long t0 = System.nanoTime();
      ImportReport r = WebLogImport.builder().build().run(file);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT,
          "pass=%d lines=%d malformed=%d pageViews=%d bots=%d sessions=%d visitors=%d seconds=%.3f lines_per_s=%.0f peak_heap_mib=%d%n",
          i, r.read().lines(), r.read().malformed(), r.pageViews(),
          r.count(org.ecrm.tracking.weblog.TrafficClass.BOT), r.sessions().sessions(), r.sessions().visitors(), s,
          r.read().lines() / s, peak[0] >> 20);
    }
  }
}
