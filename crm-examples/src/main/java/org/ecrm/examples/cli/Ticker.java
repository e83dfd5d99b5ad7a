package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Progress of a long step on standard error: after a delay, a status line with the elapsed time, redrawn
 * in place on a terminal every half second or printed as plain lines every ten seconds otherwise; erased
 * on a terminal when closed. The status supplier is called from the ticker's daemon thread and must be
 * thread-safe. Thread-safe.
 */
final class Ticker implements AutoCloseable {
  /** How progress is shown. */
  enum Mode {
    /** Nothing. */
    OFF,
    /** One line redrawn in place. */
    TERMINAL,
    /** Plain lines. */
    LINES
  }

  private final PrintWriter err;
  private final String label;
  private final Supplier<String> status;
  private final Mode mode;
  private final long delayMillis;
  private final long started = System.nanoTime();
  private final Object lock = new Object();
  private final @Nullable Thread thread;
  private boolean closed;
  private int drawn;

  private Ticker(PrintWriter err, String label, Supplier<String> status, Mode mode, long delayMillis) {
    this.err = err;
    this.label = label;
    this.status = status;
    this.mode = mode;
    this.delayMillis = delayMillis;
    this.thread = mode == Mode.OFF ? null : new Thread(this::loop, "ecrm-progress");
  }

  static Ticker start(PrintWriter err, String label, Supplier<String> status, Mode mode, long delayMillis) {
    Ticker t = new Ticker(err, label, status, mode, delayMillis);
    if (mode != Mode.OFF && delayMillis <= 0) {
      synchronized (t.lock) {
        t.draw(); // no delay: at once
      }
    }
    Thread th = t.thread;
    if (th != null) {
      th.setDaemon(true);
      th.start();
    }
    return t;
  }

  private void loop() {
    long period = mode == Mode.TERMINAL ? 500 : 10_000;
    try {
      synchronized (lock) {
        long wait = delayMillis > 0 ? delayMillis : period;
        while (!closed) {
          lock.wait(wait);
          if (closed) {
            return;
          }
          draw();
          wait = period;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void draw() {
    double seconds = (System.nanoTime() - started) / 1e9;
    String line = String.format(Locale.ROOT, "%s: %s, %.0f s", label, status.get(), seconds);
    if (mode == Mode.TERMINAL) {
      String shown = line.length() > 79 ? line.substring(0, 78) + "…" : line;
      err.print("\r" + shown + " ".repeat(Math.max(0, drawn - shown.length())));
      drawn = shown.length();
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Stops the ticker and erases its line on a terminal. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
      if (mode == Mode.TERMINAL && drawn > 0) {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
      }
    }
  }
}
