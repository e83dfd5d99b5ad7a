package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.io.SafeText;
import org.ecrm.examples.report.HtmlReport;
import org.ecrm.examples.report.TrafficSummary;
import org.ecrm.examples.report.VisitCounts;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.tracking.session.TrafficReport;
import org.ecrm.tracking.weblog.ImportReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecrm report}: one self-contained HTML page with SVG charts of the purchases and, optionally, a web log. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes a self-contained HTML report with inline SVG charts (nothing to load): the RFM "
        + "heat map, the segments and the Pareto curve; with --weblog also sessions per day, top pages and "
        + "return visits. The page is the output, so there is no --format."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  RfmInput input;

  @Mixin
  WebLogInput web;

  @Option(names = "--weblog", paramLabel = "LOG",
      description = "An access log (Common or Combined, plain or gzip; - for standard input) for the "
          + "traffic charts.")
  @Nullable Path weblog;

  @Option(names = "--top", paramLabel = "N", defaultValue = "15",
      description = "How many top pages to chart (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "e-CRM report",
      description = "Page title (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "report.html",
      description = "The HTML file to write (default: ${DEFAULT-VALUE}); - writes the page to standard "
          + "output.")
  Path out;

  @Mixin
  Rejects rejects;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    common.check(spec.commandLine());
    if (top <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be positive: " + top);
    }
    input.check(spec.commandLine());
    web.check(spec.commandLine());
    rejects.check(spec.commandLine());
    Outputs.refuseInput(spec.commandLine(), "--out", out, input.file, input.rules, weblog);
    Outputs.refuseInput(spec.commandLine(), "--rejects", rejects.file, input.file, input.rules, weblog, out);
    Inputs.oneStdin(spec.commandLine(), input.file, input.rules, weblog);
    Outputs.oneStdout(spec.commandLine(), "--out", out.toString(), "--rejects", String.valueOf(rejects.file));
    if (weblog != null) {
      Inputs.require("report", weblog);
    }
    RfmResult rfm = input.analyse(spec.commandLine(), "report", rejects);
    HtmlReport.Builder report = HtmlReport.builder(rfm).title(title).source(Inputs.isDash(input.file) ? Inputs.STDIN
        : input.file.getFileName().toString());
    String trafficNote = "";
    if (weblog != null) {
      TrafficReport traffic = new TrafficReport(web.zoneId());
      VisitCounts visits = new VisitCounts();
      ImportReport imported = web.read("report", weblog, rejects, traffic, visits);
      trafficNote = String.format(Locale.ROOT, ", traffic of %s: %,d sessions, %,d late hits",
          SafeText.abbreviate(weblog.getFileName().toString()), imported.sessions().sessions(), imported.lateHits());
      report.traffic(TrafficSummary.of(weblog.getFileName().toString(), traffic, visits, top, 10)
          .withLateHits(imported.lateHits()));
    }
    HtmlReport page = report.build();
    Outputs.write(spec.commandLine().getOut(), out, page::writeTo);
    // with the page on standard output, the note goes to standard error (a note: not under --quiet)
    if (!Inputs.isDash(out) || !common.quiet) {
      (Inputs.isDash(out) ? err : spec.commandLine().getOut()).printf(Locale.ROOT, "wrote %s (%,d customers%s)%n",
          SafeText.abbreviate(out.toString()), rfm.size(), trafficNote);
    }
    spec.commandLine().getOut().flush();
    return rejects.finish("report", err);
  }
}
