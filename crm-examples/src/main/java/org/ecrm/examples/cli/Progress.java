package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.ecrm.core.io.ImportListener;

/**
 * Shows import progress: on a terminal a bar redrawn in place (rows, rows/s, ETA from the share of the
 * file read) once the import has run longer than the progress delay; plain lines in
 * {@link Ticker.Mode#LINES}; nothing when off. Called from the importing thread only.
 */
final class Progress implements ImportListener {
  private final PrintWriter err;
  private final Ticker.Mode mode;
  private final long delayNanos;
  private final CountingInput counter;
  private final long started = System.nanoTime();
  private boolean drawn;

  Progress(PrintWriter err, Ticker.Mode mode, long delayMillis, CountingInput counter) {
    this.err = err;
    this.mode = mode;
    this.delayNanos = delayMillis * 1_000_000L;
    this.counter = counter;
  }

  @Override
  public void onProgress(long rowsDone, double rowsPerSecond) {
    if (mode == Ticker.Mode.OFF || mode == Ticker.Mode.TERMINAL && System.nanoTime() - started < delayNanos) {
      return;
    }
    double share = counter.share();
    String eta = share > 0 && share < 1 && rowsPerSecond > 0
        ? String.format(Locale.ROOT, " ETA %.0fs", rowsDone / share * (1 - share) / rowsPerSecond) : "";
    if (mode == Ticker.Mode.TERMINAL) {
      int width = 30;
      int filled = (int) Math.round(share * width);
      err.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %,d rows %,.0f rows/s%s   ", "#".repeat(filled),
          " ".repeat(width - filled), share * 100, rowsDone, rowsPerSecond, eta);
      drawn = true;
    } else {
      err.printf(Locale.ROOT, "progress: %d rows, %.0f rows/s, %.0f%%%s%n", rowsDone, rowsPerSecond,
          share * 100, eta);
    }
    err.flush();
  }

  /** Ends the bar's line on a terminal. */
  void done() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
