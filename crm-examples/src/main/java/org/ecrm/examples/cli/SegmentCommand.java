package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.model.Money;
import org.ecrm.segmentation.Binning;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.TransactionSources;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecrm segment}: RFM scores and segments, and the Pareto summary, from a transaction CSV. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = {"RFM scores, segments and the Pareto summary of a transaction CSV",
        "(header customer_id,date,amount; date yyyy-mm-dd; amount with the currency's decimals)."})
final class SegmentCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The transaction CSV.")
  Path file;

  @Option(names = "--currency", defaultValue = "EUR", description = "Currency of the amounts (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--bins", defaultValue = "5", description = "Score bins, 2..100 (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--as-of", description = "Analysis date yyyy-mm-dd (default: the day after the last transaction).")
  @Nullable LocalDate asOf;

  @Option(names = "--method", defaultValue = "ntile", description = "ntile or quantile (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--rules", paramLabel = "FILE", description = "Segment rules as JSON (default: the built-in table).")
  @Nullable Path rules;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Per-customer output for csv/json (default: stdout).")
  @Nullable Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("ecrm segment: " + file + ": no such file");
      return CrmCli.BAD_INPUT;
    }
    RfmAnalysis.Builder b = RfmAnalysis.builder().bins(bins).binning(switch (method.toLowerCase(Locale.ROOT)) {
      case "ntile" -> Binning.NTILE;
      case "quantile" -> Binning.QUANTILE;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--method must be ntile or quantile: " + method);
    });
    if (rules != null) {
      if (!Files.isRegularFile(rules)) {
        err.println("ecrm segment: " + rules + ": no such file");
        return CrmCli.BAD_INPUT;
      }
      b.segments(SegmentTable.fromJson(Files.readString(rules)));
    }
    b.asOf(asOf != null ? asOf : lastDatePlusOne());
    RfmResult result = b.build().run(TransactionSources.csv(file, CsvFormat.defaults(Money.currency(currency))));
    result.rejections().forEach(r -> err.println(file + ": " + r));
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

  private LocalDate lastDatePlusOne() throws IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.skip(1).map(l -> l.split(",", -1)).filter(p -> p.length > 1)
          .map(p -> p[1].strip()).filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}")).map(LocalDate::parse)
          .max(Comparator.naturalOrder()).orElse(LocalDate.now()).plusDays(1);
    }
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
