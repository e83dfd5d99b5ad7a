package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.io.InputFiles;
import org.ecrm.core.io.SafeText;
import org.ecrm.examples.report.HtmlReport;
import org.ecrm.examples.report.Purchases;
import org.ecrm.examples.report.TrafficSummary;
import org.ecrm.examples.report.VisitCounts;
import org.ecrm.examples.report.WebDetails;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.tracking.session.TrafficReport;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.WebLogReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecrm report}: one self-contained HTML page with SVG charts of the purchases and, optionally, a web log. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes a self-contained HTML report with inline SVG charts (nothing to load): headline "
        + "tiles with the change against the previous period, revenue and orders over time, the segments with "
        + "their score boxes, the RFM heat map, the Pareto curve, lifetime value, monthly cohorts and, with "
        + "--migration-from, segment migration; with --weblog also sessions, pages, referrers, UTM campaigns, "
        + "status codes, hours and browsers. The page is the output, so there is no --format."})
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

  @Option(names = "--from", paramLabel = "DATE", description = "First day of the report period, yyyy-mm-dd "
      + "(default: the first purchase).")
  @Nullable LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day of the report period, yyyy-mm-dd "
      + "(default: the last purchase, at most the as-of date).")
  @Nullable LocalDate to;

  @Option(names = "--compare", paramLabel = "WHAT", defaultValue = "previous", description = "What the headline "
      + "tiles are compared with: previous (the period of equal length before), year (a year earlier) or none "
      + "(default: ${DEFAULT-VALUE}).")
  String compare;

  @Option(names = "--migration-from", paramLabel = "DATE", description = "Adds the segment migration matrix from "
      + "this date to the as-of date, yyyy-mm-dd.")
  @Nullable LocalDate migrationFrom;

  @Option(names = "--clv-months", paramLabel = "N", defaultValue = "12", description = "Lifetime-value horizon in "
      + "months, 0 to leave the section out (default: ${DEFAULT-VALUE}).")
  int clvMonths;

  @Option(names = "--hide-unmatchable-segments", description = "Leave out segments whose rule can never match "
      + "(default: shown and marked with the reason).")
  boolean hideUnmatchable;

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
    if (clvMonths < 0 || clvMonths > 120) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--clv-months must be 0..120: " + clvMonths);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--from must not be after --to: " + from
          + " > " + to);
    }
    HtmlReport.Comparison comparison = switch (compare.toLowerCase(Locale.ROOT)) {
      case "previous" -> HtmlReport.Comparison.PREVIOUS;
      case "year" -> HtmlReport.Comparison.YEAR;
      case "none" -> HtmlReport.Comparison.NONE;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--compare must be previous, year or none: " + SafeText.abbreviate(compare));
    };
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
    Purchases purchases = new Purchases();
    RfmResult rfm = input.analyse(spec.commandLine(), "report", rejects, purchases::tee);
    if (migrationFrom != null && !migrationFrom.isBefore(rfm.asOf())) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--migration-from must be before the "
          + "as-of date " + rfm.asOf() + ": " + migrationFrom);
    }
    HtmlReport.Builder report = HtmlReport.builder(rfm).title(title).source(Inputs.isDash(input.file) ? Inputs.STDIN
        : input.file.getFileName().toString())
        .purchases(purchases).compare(comparison).clvMonths(clvMonths).hideUnmatchableSegments(hideUnmatchable)
        .top(top);
    if (from != null) {
      report.from(from);
    }
    if (to != null) {
      report.to(to);
    }
    if (migrationFrom != null) {
      report.migrationFrom(migrationFrom);
    }
    String trafficNote = "";
    if (weblog != null) {
      TrafficReport traffic = new TrafficReport(web.zoneId());
      VisitCounts visits = new VisitCounts();
      WebDetails details = new WebDetails(web.zoneId());
      // the log is read twice (sessions, then status codes and user agents): standard input is copied once
      Path log = Inputs.isDash(weblog)
          ? Inputs.readable(CommonOptions.cli(spec), "report", weblog, new java.util.concurrent.atomic.AtomicLong())
          : weblog;
      String logName = Inputs.isDash(weblog) ? Inputs.STDIN : weblog.getFileName().toString();
      ImportReport imported = web.read("report", log, rejects, traffic, visits, details);
      readLines(log, details);
      report.webDetails(details);
      trafficNote = String.format(Locale.ROOT, ", traffic of %s: %,d sessions, %,d late hits",
          SafeText.abbreviate(logName), imported.sessions().sessions(), imported.lateHits());
      report.traffic(TrafficSummary.of(logName, traffic, visits, top, 10)
          .withLateHits(imported.lateHits()));
    }
    HtmlReport page;
    try {
      page = report.build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException("report: " + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
    Outputs.write(spec.commandLine().getOut(), out, page::writeTo);
    // with the page on standard output, the note goes to standard error (a note: not under --quiet)
    if (!Inputs.isDash(out) || !common.quiet) {
      (Inputs.isDash(out) ? err : spec.commandLine().getOut()).printf(Locale.ROOT, "wrote %s (%,d customers%s)%n",
          SafeText.abbreviate(out.toString()), rfm.size(), trafficNote);
    }
    spec.commandLine().getOut().flush();
    return rejects.finish("report", err);
  }

  /** Second pass over the log for what sessions do not carry: status codes and user agents (errors were reported). */
  private static void readLines(Path log, WebDetails details) {
    try (InputFiles.CompleteLines in = InputFiles.openCompleteLines(log)) {
      WebLogReader.builder().build().read(in, details::record, e -> { });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException("report: " + SafeText.abbreviate(log.toString()) + ": "
          + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
  }
}
