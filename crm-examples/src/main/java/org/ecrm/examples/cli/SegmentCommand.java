package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecrm segment}: RFM scores and segments, and the Pareto summary, from a transaction CSV. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = {"RFM scores, segments and the Pareto summary of a transaction CSV",
        "(header customer_id,date,amount; date yyyy-mm-dd; amount with the currency's decimals)."})
final class SegmentCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  RfmInput input;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Per-customer output for csv/json (default: stdout).")
  @Nullable Path out;

  @Override
  public Integer call() throws java.io.IOException {
    RfmResult result = input.analyse(spec.commandLine(), "segment");
    switch (format.toLowerCase(Locale.ROOT)) {
      case "table" -> table(spec.commandLine().getOut(), result);
      case "csv", "json" -> {
        try (Writer w = out == null ? spec.commandLine().getOut()
            : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          if (format.equalsIgnoreCase("csv")) {
            result.writeCsv(w);
          } else {
            result.writeJson(w);
          }
          w.flush();
        }
      }
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format must be table, csv or json: " + format);
    }
    return CrmCli.OK;
  }

  private static void table(PrintWriter out, RfmResult r) {
    out.printf(Locale.ROOT, "RFM as of %s, %,d customers%n", r.asOf(), r.stream().count());
    out.printf(Locale.ROOT, "%-20s %10s %8s %16s%n", "segment", "customers", "share", "revenue");
    r.segments().stream().sorted(Comparator.comparingInt(SegmentSummary::customers).reversed())
        .forEach(s -> out.printf(Locale.ROOT, "%-20s %10d %7.1f%% %16s%n", s.segment(), s.customers(),
            100 * s.shareOfCustomers(), s.revenue()));
    Pareto p = Pareto.of(r);
    out.printf(Locale.ROOT, "Pareto: %.1f %% of customers make %.0f %% of revenue; Gini %.3f%n",
        100 * p.shareOfCustomersForLimitA(), 100 * p.limitA(), p.gini());
  }
}
