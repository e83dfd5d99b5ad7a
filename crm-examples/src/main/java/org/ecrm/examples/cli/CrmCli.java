package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecrm.core.io.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ecrm} command line. Exit codes: 0 success, 1 bad input (a file that cannot be read, an
 * invalid archive, more rejected rows than {@code --max-rejects} allows), 2 usage errors (reported
 * before any output). Errors go to standard error and name the file, line and field, in the form
 * {@code FILE:LINE: FIELD: reason 'value'} with the value abbreviated and control characters escaped.
 *
 * <p>Every file argument may be {@code -}: standard input for an input, standard output for an output.
 * Inputs may be gzip (told by their first bytes). Commands that print results take
 * {@code --format table|csv|json}; every command takes {@code --quiet} and {@code --verbose}. One
 * instance runs one command line; not thread-safe.
 */
@Command(name = "ecrm", mixinStandardHelpOptions = true, version = "ecrm 0.1.0-SNAPSHOT",
    usageHelpWidth = 80, usageHelpAutoWidth = false,
    description = {"The e-CRM command line: import and export customer data, RFM segments, the BTYD "
        + "summary, customer lifetime value, web-log sessions, an HTML report and the demo.",
        "Every FILE may be - for standard input (or standard output for an output file); gzip input is "
        + "recognised by its first bytes."},
    subcommands = {ImportCommand.class, ExportCommand.class, SegmentCommand.class, SummaryCommand.class,
        ClvCommand.class, SessionsCommand.class, ReportCommand.class, DemoCommand.class})
public final class CrmCli implements Runnable {
  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for bad input. */
  public static final int BAD_INPUT = 1;
  /** Exit code for a usage error. */
  public static final int USAGE = 2;

  /** Progress appears only for runs longer than this, in milliseconds. */
  static final long PROGRESS_DELAY_MILLIS = 2000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;
  private final boolean terminal;
  private final long progressDelayMillis;
  private final List<Path> temporaryFiles = new ArrayList<>();

  private CrmCli(InputStream stdin, boolean terminal, long progressDelayMillis) {
    this.stdin = stdin;
    this.terminal = terminal;
    this.progressDelayMillis = progressDelayMillis;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        stderrIsTerminal(), args));
  }

  /**
   * Runs the command line with the given output streams, standard input from {@link System#in} and no
   * progress display, and returns the exit code (for tests and embedding).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(System.in, out, err, args);
  }

  /**
   * Runs the command line with the given streams ({@code in} is what {@code -} reads) and no progress
   * display, and returns the exit code (for tests and embedding).
   */
  public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    return run(in, out, err, false, args);
  }

  static int run(InputStream in, PrintWriter out, PrintWriter err, boolean terminal, String... args) {
    return run(in, out, err, terminal, PROGRESS_DELAY_MILLIS, args);
  }

  /** The full form: {@code terminal} says whether progress may be drawn, after {@code delayMillis}. */
  static int run(InputStream in, PrintWriter out, PrintWriter err, boolean terminal, long delayMillis,
      String... args) {
    CommandLine cl = commandLine(in, out, err, terminal, delayMillis);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
      ((CrmCli) cl.getCommand()).deleteTemporaryFiles();
    }
  }

  /** The configured command line, for {@link #run} and for tests that inspect the commands. */
  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, boolean terminal,
      long delayMillis) {
    Objects.requireNonNull(in, "in");
    CommandLine cl = new CommandLine(new CrmCli(in, terminal, delayMillis));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpWidth(80);
    cl.setUsageHelpAutoWidth(false);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println((e instanceof BadInputException ? "ecrm " : "ecrm: ")
          + SafeText.abbreviate(e.getMessage() == null ? e.toString() : e.getMessage(), 2000));
      return BAD_INPUT;
    });
    return cl;
  }

  /**
   * Whether standard error is a terminal: on Linux, whether file descriptor 2 is a terminal device (so a
   * pipe into standard input or out of standard output does not hide the terminal); elsewhere, whether
   * {@link System#console()} is present and, on JDK 22 and later (where a console may exist without a
   * terminal), {@code Console.isTerminal()} says so.
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      // not Linux, or not allowed to look: ask the console
    }
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22 a console exists only on a terminal
    }
  }

  /** What {@code -} reads. */
  InputStream stdin() {
    return stdin;
  }

  /** Whether progress may be drawn on standard error. */
  boolean terminal() {
    return terminal;
  }

  long progressDelayMillis() {
    return progressDelayMillis;
  }

  /** A temporary file deleted when the command line ends. */
  Path temporaryFile(String prefix) {
    try {
      Path p = Files.createTempFile(prefix, ".tmp");
      temporaryFiles.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file: " + e.getMessage(), e);
    }
  }

  private void deleteTemporaryFiles() {
    for (Path p : temporaryFiles) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // best effort: the file is in the temporary directory
      }
    }
    temporaryFiles.clear();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
