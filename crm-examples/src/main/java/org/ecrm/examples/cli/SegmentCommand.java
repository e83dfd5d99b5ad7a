package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.io.SafeText;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecrm segment}: RFM scores and segments, and the Pareto summary, from a transaction CSV. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = {"RFM scores, segments and the Pareto summary of a transaction CSV, plain or gzip",
        "(header customer_id,date,amount; date yyyy-mm-dd; amount with the currency's decimals;",
        "customer ids are numbers or any text such as C-0042, written back as given).",
        "Rejected rows are counted by reason and listed (see --rejects); exit 1 when more were",
        "rejected than --max-rejects allows."})
final class SegmentCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  RfmInput input;

  @Mixin
  Rejects rejects;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Per-customer output for csv/json (default: stdout); not with --format table.")
  @Nullable Path out;

  @Override
  public Integer call() throws java.io.IOException {
    CommandLine cl = spec.commandLine();
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("table") && !f.equals("csv") && !f.equals("json")) {
      throw new CommandLine.ParameterException(cl, "--format must be table, csv or json: "
          + SafeText.abbreviate(format));
    }
    if (f.equals("table") && out != null) {
      throw new CommandLine.ParameterException(cl, "-o/--out needs --format csv or json (the table goes to stdout)");
    }
    input.check(cl);
    rejects.check(cl);
    Outputs.refuseInput(cl, "--out", out, input.file, input.rules);
    Outputs.refuseInput(cl, "--rejects", rejects.file, input.file, input.rules, out);
    RfmResult result = input.analyse(cl, "segment", rejects);
    switch (f) {
      case "table" -> table(cl.getOut(), result);
      default -> {
        Outputs.Body body = w -> {
          if (f.equals("csv")) {
            result.writeCsv(w);
          } else {
            result.writeJson(w);
          }
          w.flush();
        };
        if (out == null) {
          body.write(cl.getOut());
        } else {
          Outputs.write(out, body);
        }
      }
    }
    cl.getOut().flush();
    return rejects.finish("segment", cl.getErr());
  }

  private static void table(PrintWriter out, RfmResult r) {
    out.printf(Locale.ROOT, "RFM as of %s, %,d customers%n", r.asOf(), r.stream().count());
    out.printf(Locale.ROOT, "%-20s %10s %8s %16s%n", "segment", "customers", "share", "revenue");
    r.segments().stream().sorted(Comparator.comparingInt(SegmentSummary::customers).reversed())
        .forEach(s -> out.printf(Locale.ROOT, "%-20s %10d %7.1f%% %16s%n", SafeText.abbreviate(s.segment(), 60),
            s.customers(), 100 * s.shareOfCustomers(), s.revenue()));
    Pareto p = Pareto.of(r);
    out.printf(Locale.ROOT, "Pareto: %.1f %% of customers make %.0f %% of revenue; Gini %.3f%n",
        100 * p.shareOfCustomersForLimitA(), 100 * p.limitA(), p.gini());
  }
}
