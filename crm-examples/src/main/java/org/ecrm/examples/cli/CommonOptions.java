package org.ecrm.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command shares ({@code --quiet}, {@code --verbose}) and what they govern: notes and
 * progress on standard error. Also the command line's standard input, the terminal test and temporary
 * files. Progress is drawn only when standard error is a terminal, the run has lasted over two seconds
 * and {@code --quiet} is off; {@code --verbose} adds notes (inputs, counts, timings) and plain progress
 * lines when standard error is not a terminal. Not thread-safe.
 */
final class CommonOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = {"-q", "--quiet"},
      description = "Print no progress and no notes on standard error; errors and rejected rows are still "
          + "reported.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"},
      description = "Also print notes (inputs, counts, timings) on standard error, and progress lines "
          + "when standard error is not a terminal.")
  boolean verbose;

  private final long started = System.nanoTime();

  /** Usage checks (exit 2): not both quiet and verbose. */
  void check(CommandLine cl) {
    if (quiet && verbose) {
      throw new CommandLine.ParameterException(cl, "--quiet and --verbose exclude each other");
    }
  }

  /** The {@link CrmCli} running this command. */
  static CrmCli cli(CommandSpec spec) {
    Object root = spec.root().userObject();
    if (root instanceof CrmCli cli) {
      return cli;
    }
    throw new IllegalStateException("not run by CrmCli: " + root);
  }

  CrmCli cli() {
    return cli(mixee);
  }

  /** What {@code -} reads. */
  InputStream stdin() {
    return cli().stdin();
  }

  /** A note on standard error, printed with {@code --verbose} only. */
  void note(String format, Object... args) {
    if (verbose) {
      PrintWriter err = mixee.commandLine().getErr();
      err.println("ecrm " + mixee.name() + ": " + String.format(Locale.ROOT, format, args));
      err.flush();
    }
  }

  /** Seconds since the command started. */
  double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * How progress is shown in {@code command}: as its {@code CommonOptions} say, or on a terminal only
   * when it has none.
   */
  static Ticker.Mode progressMode(CommandSpec command) {
    for (CommandSpec mixin : command.mixins().values()) {
      if (mixin.userObject() instanceof CommonOptions common) {
        return common.progressMode();
      }
    }
    return cli(command).terminal() ? Ticker.Mode.TERMINAL : Ticker.Mode.OFF;
  }

  /** How progress is shown: a redrawn line on a terminal, plain lines with --verbose, else nothing. */
  Ticker.Mode progressMode() {
    if (quiet) {
      return Ticker.Mode.OFF;
    }
    if (cli().terminal()) {
      return Ticker.Mode.TERMINAL;
    }
    return verbose ? Ticker.Mode.LINES : Ticker.Mode.OFF;
  }

  /**
   * Starts showing {@code status} (what is being done) with the elapsed time on standard error, after
   * the progress delay and as {@link #progressMode()} says; close it when done.
   */
  Ticker ticker(Supplier<String> status) {
    return Ticker.start(mixee.commandLine().getErr(), "ecrm " + mixee.name(), status, progressMode(),
        cli().progressDelayMillis());
  }

  /** A temporary file deleted when the command line ends. */
  Path temporaryFile(String prefix) {
    return cli().temporaryFile(prefix);
  }
}
