package org.ecrm.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --format table|csv|json} and {@code -o/--out FILE}, shared by every command that prints
 * results. The table is for people and goes to standard output; csv and json go to standard output or
 * to {@code --out FILE} (written atomically; {@code -} is standard output). Not thread-safe.
 */
final class OutputOptions {
  /** The output formats. */
  enum Format {
    /** Aligned columns for people. */
    TABLE,
    /** RFC 4180 CSV with a header row. */
    CSV,
    /** One JSON document. */
    JSON
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
  Format format = Format.TABLE;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Write csv or json output to FILE instead of standard output (- is standard output).")
  @Nullable Path out;

  /** Usage checks (exit 2): a table goes to standard output only. */
  void check(CommandLine cl) {
    if (format == Format.TABLE && out != null && !Inputs.isDash(out)) {
      throw new CommandLine.ParameterException(cl,
          "-o/--out needs --format csv or json (the table goes to standard output)");
    }
  }

  /** {@code "-"} when the output goes to standard output, else the file name (for {@link Outputs#oneStdout}). */
  String target() {
    return out == null || Inputs.isDash(out) ? "-" : out.toString();
  }

  /** Writes the output to standard output or {@code --out}. */
  void write(CommandLine cl, Outputs.Body body) throws IOException {
    Outputs.write(cl.getOut(), out, body);
  }
}
