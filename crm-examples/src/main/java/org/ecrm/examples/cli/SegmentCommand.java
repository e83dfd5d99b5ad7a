package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.io.SafeText;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code ecrm segment}: RFM scores and segments, and the Pareto summary, from a transaction CSV. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = {"Computes RFM scores and segments and the Pareto summary of a transaction CSV. The table "
        + "lists the segments; csv and json give one record per customer. Customer ids are numbers or any "
        + "text such as C-0042, written back as given.",
        "Rejected rows are counted by reason and listed (see --rejects). The exit code is 1 when more rows "
        + "were rejected than --max-rejects allows."})
final class SegmentCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  RfmInput input;

  @Mixin
  OutputOptions output;

  @Mixin
  Rejects rejects;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws java.io.IOException {
    CommandLine cl = spec.commandLine();
    common.check(cl);
    output.check(cl);
    input.check(cl);
    rejects.check(cl);
    Outputs.refuseInput(cl, "--out", output.out, input.file, input.rules);
    Outputs.refuseInput(cl, "--rejects", rejects.file, input.file, input.rules, output.out);
    Outputs.oneStdout(cl, "--out", output.target(), "--rejects", String.valueOf(rejects.file));
    RfmResult result;
    try (Ticker t = common.ticker(() -> "reading " + SafeText.abbreviate(input.name(), 40))) {
      result = input.analyse(cl, "segment", rejects);
    }
    common.note("%s: %,d customers, %,d rejected rows, %.1f s", SafeText.abbreviate(input.name()), result.size(),
        rejects.count(), common.elapsedSeconds());
    output.write(cl, w -> {
      switch (output.format) {
        case TABLE -> table(new PrintWriter(w), result);
        case CSV -> result.writeCsv(w);
        case JSON -> {
          result.writeJson(w);
          w.write("\n");
        }
      }
    });
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
    out.flush();
  }
}
