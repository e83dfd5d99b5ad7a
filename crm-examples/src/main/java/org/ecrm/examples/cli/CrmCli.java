package org.ecrm.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ecrm} command line. Exit codes: 0 success, 1 bad input (a file that cannot be read, an
 * invalid archive, more rejected rows than {@code --max-rejects} allows), 2 usage errors (reported
 * before any output). Errors go to standard error and name the file, line and field, in the form
 * {@code FILE:LINE: FIELD: reason 'value'} with the value abbreviated and control characters escaped.
 */
@Command(name = "ecrm", mixinStandardHelpOptions = true, version = "ecrm 0.1.0-SNAPSHOT",
    description = "e-CRM command line: import and export customer data, RFM segments, BTYD summary, the demo.",
    subcommands = {ImportCommand.class, ExportCommand.class, SegmentCommand.class, SummaryCommand.class,
        SessionsCommand.class, ReportCommand.class,
        DemoCommand.class})
public final class CrmCli implements Runnable {
  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for bad input. */
  public static final int BAD_INPUT = 1;
  /** Exit code for a usage error. */
  public static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new CrmCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println((e instanceof BadInputException ? "ecrm " : "ecrm: ")
          + org.ecrm.core.io.SafeText.abbreviate(e.getMessage() == null ? e.toString() : e.getMessage(), 2000));
      return BAD_INPUT;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
