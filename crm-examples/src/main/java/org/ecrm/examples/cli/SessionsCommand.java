package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecrm.core.io.SafeText;
import org.ecrm.tracking.session.DailyStats;
import org.ecrm.tracking.session.PageStats;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.TrafficReport;
import org.ecrm.tracking.session.VisitorProfiles;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.TrafficClass;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

/** {@code ecrm sessions}: a web log (Common/Combined, plain or gzip) to sessions, visitors, pages and bounce. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
    description = {"Counts sessions, visitors, page views, the bounce rate and the top pages of a web-server "
        + "log in NCSA Common or Combined format. Bots and static assets are counted, not sessionized.",
        "The table and json give totals, days and top pages; csv gives one row per day."})
final class SessionsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LOG",
      description = "The access log, or - for standard input; plain or gzip.")
  java.nio.file.Path file;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many top pages to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin
  WebLogInput input;

  @Mixin
  OutputOptions output;

  @Mixin
  Rejects rejects;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    common.check(cl);
    output.check(cl);
    if (top < 0) {
      throw new CommandLine.ParameterException(cl, "--top must not be negative: " + top);
    }
    input.check(cl);
    rejects.check(cl);
    Outputs.refuseInput(cl, "--out", output.out, file);
    Outputs.refuseInput(cl, "--rejects", rejects.file, file, output.out);
    Outputs.oneStdout(cl, "--out", output.target(), "--rejects", String.valueOf(rejects.file));
    TrafficReport traffic = new TrafficReport(input.zoneId());
    VisitorProfiles profiles = new VisitorProfiles(PathCategories.NONE, 3);
    ImportReport r = input.read("sessions", file, rejects, traffic, profiles);
    common.note("%s: %,d lines in %.1f s", SafeText.abbreviate(Inputs.name(file)), r.read().lines(),
        common.elapsedSeconds());
    List<PageStats> pages = traffic.pages().stream().sorted(Comparator.comparingLong(PageStats::views).reversed())
        .limit(top).toList();
    Map<String, Long> excluded = new java.util.TreeMap<>();
    r.classes().forEach((k, v) -> {
      if (k != TrafficClass.PAGE_VIEW) {
        excluded.put(k.name().toLowerCase(Locale.ROOT), v.longValue());
      }
    });
    output.write(cl, w -> {
      switch (output.format) {
        case TABLE -> table(w, r, profiles, traffic, excluded, pages);
        case CSV -> {
          w.write("date,pageviews,sessions,visitors,bounce_rate\n");
          for (DailyStats d : traffic.daily()) {
            w.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%.6f\n", d.date(), d.pageViews(), d.sessions(),
                d.visitors(), d.bounceRate()));
          }
        }
        case JSON -> json(w, r, profiles, traffic, excluded, pages);
      }
    });
    return rejects.finish("sessions", cl.getErr());
  }

  private static void table(Writer w, ImportReport r, VisitorProfiles profiles, TrafficReport traffic,
      Map<String, Long> excluded, List<PageStats> pages) throws IOException {
    w.write(String.format(Locale.ROOT, "%,d lines, %,d malformed; page views %,d; excluded: %s%n", r.read().lines(),
        r.read().malformed(), r.pageViews(), excluded.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .toList()));
    w.write(String.format(Locale.ROOT, "%,d sessions, %,d visitors, %,d returning; %,d late hits%s%n",
        r.sessions().sessions(), profiles.visitors(), profiles.returningVisitors(), r.lateHits(),
        r.futureLines() == 0 ? "" : String.format(Locale.ROOT, "; %,d lines too far in the future rejected",
            r.futureLines())));
    w.write(String.format(Locale.ROOT, "%-12s %10s %9s %9s %7s%n", "day", "pageviews", "sessions", "visitors",
        "bounce"));
    for (DailyStats d : traffic.daily()) {
      w.write(String.format(Locale.ROOT, "%-12s %10d %9d %9d %6.1f%%%n", d.date(), d.pageViews(), d.sessions(),
          d.visitors(), 100 * d.bounceRate()));
    }
    w.write(String.format(Locale.ROOT, "top pages:%n"));
    for (PageStats p : pages) {
      w.write(String.format(Locale.ROOT, "  %8d  %s%n", p.views(), SafeText.abbreviate(p.path())));
    }
  }

  private static void json(Writer w, ImportReport r, VisitorProfiles profiles, TrafficReport traffic,
      Map<String, Long> excluded, List<PageStats> pages) throws IOException {
    try (JsonGenerator g = Json.generator(w)) {
      g.writeStartObject();
      g.writeNumberProperty("lines", r.read().lines());
      g.writeNumberProperty("malformed", r.read().malformed());
      g.writeNumberProperty("pageViews", r.pageViews());
      g.writeObjectPropertyStart("excluded");
      for (Map.Entry<String, Long> e : excluded.entrySet()) {
        g.writeNumberProperty(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberProperty("sessions", r.sessions().sessions());
      g.writeNumberProperty("visitors", profiles.visitors());
      g.writeNumberProperty("returningVisitors", profiles.returningVisitors());
      g.writeNumberProperty("lateHits", r.lateHits());
      g.writeNumberProperty("futureLines", r.futureLines());
      g.writeArrayPropertyStart("days");
      for (DailyStats d : traffic.daily()) {
        g.writeStartObject();
        g.writeStringProperty("date", d.date().toString());
        g.writeNumberProperty("pageViews", d.pageViews());
        g.writeNumberProperty("sessions", d.sessions());
        g.writeNumberProperty("visitors", d.visitors());
        Json.number(g, "bounceRate", d.bounceRate());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("topPages");
      for (PageStats p : pages) {
        g.writeStartObject();
        g.writeStringProperty("path", p.path());
        g.writeNumberProperty("views", p.views());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    w.write("\n");
  }
}
