package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.io.SafeText;
import org.ecrm.tracking.session.DailyStats;
import org.ecrm.tracking.session.PageStats;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.TrafficReport;
import org.ecrm.tracking.session.VisitorProfiles;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.TrafficClass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecrm sessions}: a web log (Common/Combined, plain or gzip) to sessions, visitors, pages and bounce. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
    description = {"Sessions, visitors, page views, bounce rate and top pages of a web-server log",
        "(NCSA Common or Combined, plain or .gz). Bots and static assets are counted, not sessionized."})
final class SessionsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The access log.")
  Path file;

  @Option(names = "--top", defaultValue = "10", description = "How many top pages (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin
  WebLogInput input;

  @Mixin
  Rejects rejects;

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (top < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must not be negative: " + top);
    }
    input.check(spec.commandLine());
    rejects.check(spec.commandLine());
    Outputs.refuseInput(spec.commandLine(), "--rejects", rejects.file, file);
    TrafficReport traffic = new TrafficReport(input.zoneId());
    VisitorProfiles profiles = new VisitorProfiles(PathCategories.NONE, 3);
    ImportReport r = input.read("sessions", file, rejects, traffic, profiles);
    out.printf(Locale.ROOT, "%,d lines, %,d malformed; page views %,d; excluded: %s%n", r.read().lines(),
        r.read().malformed(), r.pageViews(), r.classes().entrySet().stream()
            .filter(e -> e.getKey() != TrafficClass.PAGE_VIEW).sorted(java.util.Map.Entry.comparingByKey())
            .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue()).toList());
    out.printf(Locale.ROOT, "%,d sessions, %,d visitors, %,d returning; %,d late hits%s%n", r.sessions().sessions(),
        profiles.visitors(), profiles.returningVisitors(), r.lateHits(),
        r.futureLines() == 0 ? "" : String.format(Locale.ROOT, "; %,d lines too far in the future rejected",
            r.futureLines()));
    out.printf(Locale.ROOT, "%-12s %10s %9s %9s %7s%n", "day", "pageviews", "sessions", "visitors", "bounce");
    for (DailyStats d : traffic.daily()) {
      out.printf(Locale.ROOT, "%-12s %10d %9d %9d %6.1f%%%n", d.date(), d.pageViews(), d.sessions(), d.visitors(),
          100 * d.bounceRate());
    }
    out.printf(Locale.ROOT, "top pages:%n");
    traffic.pages().stream().sorted(Comparator.comparingLong(PageStats::views).reversed()).limit(top)
        .forEach(p -> out.printf(Locale.ROOT, "  %8d  %s%n", p.views(), SafeText.abbreviate(p.path())));
    out.flush();
    return rejects.finish("sessions", err);
  }
}
