package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ecrm.core.io.SafeText;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The rejected rows of one command, reported the same way by every command: a count per reason always;
 * the rows themselves on standard error (the first {@value #SHOWN}, abbreviated and escaped) or, with
 * {@code --rejects FILE}, all of them in a CSV file ({@code file,line,field,reason,value}, cells
 * neutralised against formula injection). The exit code is 1 when more rows were rejected than
 * {@code --max-rejects} allows (default 0). Not thread-safe.
 */
final class Rejects {
  /** Rows shown on standard error without {@code --rejects}. */
  static final int SHOWN = 20;
  /** Characters of a value kept per rejected row (the length is stated when cut). */
  static final int KEPT = 1000;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Write every rejected row to FILE as CSV, or to standard output for -; standard error "
          + "then only gets the counts. The columns are file, line, field, reason and value.")
  @Nullable Path file;

  @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "0",
      description = "How many rejected rows still give exit code 0 (default: ${DEFAULT-VALUE}). The good "
          + "rows are used either way.")
  long max;

  /** One rejected row. */
  record Row(String file, long line, String field, String reason, String value) {
    String message() {
      return field.isEmpty() && value.isEmpty() ? SafeText.abbreviate(file) + ": " + SafeText.escape(reason)
          : SafeText.message(file, line, field, reason, value);
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private @Nullable PrintWriter stdout;
  private final Map<String, Long> byReason = new TreeMap<>();

  /** Usage checks, before any work: {@code --max-rejects} not negative. */
  void check(CommandLine cl) {
    stdout = cl.getOut();
    if (max < 0) {
      throw new CommandLine.ParameterException(cl, "--max-rejects must not be negative: " + max);
    }
  }

  void add(String source, long line, String field, String reason, String value) {
    String v = value.length() > KEPT ? value.substring(0, KEPT) + "… (" + value.length() + " chars)" : value;
    // a reason may quote the data itself (library messages): cut it like a value
    String why = reason.length() > SafeText.MAX_SHOWN ? SafeText.abbreviate(reason, SafeText.MAX_SHOWN) : reason;
    rows.add(new Row(source, line, field, why, v));
    String key = reason.startsWith("truncated gzip") || reason.startsWith("corrupt gzip") ? "truncated gzip"
        : reason.startsWith("unreadable record") ? "unreadable record" : reason;
    byReason.merge(key.length() > 80 ? SafeText.abbreviate(key, 80) : key, 1L, Long::sum);
  }

  void addAll(Path source, List<RejectedRecord> rejections) {
    addAll(Inputs.name(source), rejections);
  }

  /** Adds the rejections of the input named {@code name} in messages. */
  void addAll(String name, List<RejectedRecord> rejections) {
    for (RejectedRecord r : rejections) {
      add(name, r.record(), r.field(), r.reason(), r.value());
    }
  }

  int count() {
    return rows.size();
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /**
   * Reports the rows (standard error or the {@code --rejects} file) and the counts, and returns
   * {@link CrmCli#OK} or {@link CrmCli#BAD_INPUT}.
   */
  int finish(String command, PrintWriter err) throws IOException {
    if (file != null) {
      PrintWriter so = stdout != null ? stdout : new PrintWriter(System.out, true);
      Outputs.write(so, file, w -> {
        w.write("file,line,field,reason,value\n");
        for (Row r : rows) {
          w.write(SafeText.csvCell(r.file()) + "," + r.line() + "," + SafeText.csvCell(r.field()) + ","
              + SafeText.csvCell(r.reason()) + "," + SafeText.csvCell(r.value()) + "\n");
        }
      });
    } else {
      int n = 0;
      for (Row r : rows) {
        if (n++ == SHOWN) {
          err.printf(Locale.ROOT, "ecrm %s: … and %,d more rejected rows (--rejects FILE lists them all)%n",
              command, rows.size() - SHOWN);
          break;
        }
        err.println(r.message());
      }
    }
    if (!rows.isEmpty()) {
      StringBuilder b = new StringBuilder();
      byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> b.append(b.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%,d ", e.getValue()))
              .append(SafeText.abbreviate(e.getKey(), 80)));
      err.printf(Locale.ROOT, "ecrm %s: %,d rejected rows%s: %s%n", command, rows.size(),
          file == null ? "" : Inputs.isDash(file) ? " (listed on standard output)"
              : " (listed in " + SafeText.abbreviate(file.toString()) + ")", b);
    }
    err.flush();
    return rows.size() > max ? CrmCli.BAD_INPUT : CrmCli.OK;
  }

  /** Whether the rejections are within {@code --max-rejects}. */
  boolean tolerated() {
    return rows.size() <= max;
  }
}
