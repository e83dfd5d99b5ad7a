package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.ecrm.core.io.ImportListener;

/**
 * Shows import progress: a bar redrawn in place on a terminal (rows, rows/s, ETA from the share of the
 * file read), plain lines when not a terminal, nothing when quiet.
 */
final class Progress implements ImportListener {
  private final PrintWriter err;
  private final boolean terminal;
  private final boolean quiet;
  private final CountingInput counter;

  Progress(PrintWriter err, boolean terminal, boolean quiet, CountingInput counter) {
    this.err = err;
    this.terminal = terminal;
    this.quiet = quiet;
    this.counter = counter;
  }

  @Override
  public void onProgress(long rowsDone, double rowsPerSecond) {
    if (quiet) {
      return;
    }
    double share = counter.share();
    String eta = share > 0 && share < 1 && rowsPerSecond > 0
        ? String.format(Locale.ROOT, " ETA %.0fs", rowsDone / share * (1 - share) / rowsPerSecond) : "";
    if (terminal) {
      int width = 30;
      int filled = (int) Math.round(share * width);
      err.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %,d rows %,.0f rows/s%s   ", "#".repeat(filled),
          " ".repeat(width - filled), share * 100, rowsDone, rowsPerSecond, eta);
    } else {
      err.printf(Locale.ROOT, "progress: %d rows, %.0f rows/s, %.0f%%%s%n", rowsDone, rowsPerSecond,
          share * 100, eta);
    }
    err.flush();
  }

  /** Ends the bar's line on a terminal. */
  void done() {
    if (terminal && !quiet) {
      err.println();
    }
  }
}
