package org.ecrm.examples.report;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ecrm.segmentation.Dimension;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.ecrm.segmentation.SegmentTransitions;
import org.jspecify.annotations.Nullable;
import org.owasp.encoder.Encode;

/**
 * One self-contained HTML page (inline CSS and SVG; no scripts, fonts, images or links to fetch) for the
 * marketer's weekly look: headline tiles (customers, revenue, orders, repeat rate, median order value,
 * sessions, visitors, bounce rate, each with its change against the previous period of equal length when
 * the data reaches back that far), revenue and orders per week or month, the RFM heat map, segments with
 * their score boxes, the Pareto curve, customer lifetime value (BG/NBD and Gamma-Gamma), segment
 * migration between two dates, monthly acquisition cohorts and, with a web log, sessions per day, top,
 * entry and exit pages, referrers and UTM campaigns, status codes and missing pages, the hour-of-day ×
 * weekday heat map and browsers and operating systems. Sections that need the purchases
 * ({@link Builder#purchases}) or the log details ({@link Builder#webDetails}) appear when they are given.
 * Every string that comes from the data (segment names, page paths, referrers, user agents, file names,
 * the title) is escaped with the OWASP Java Encoder for its context. The page is also well-formed XML, so
 * it can be checked with any XML parser.
 *
 * <pre>{@code
 * Purchases purchases = new Purchases();
 * RfmResult rfm = analysis.run(purchases.tee(source));
 * HtmlReport.builder(rfm).purchases(purchases).from(LocalDate.of(2011, 11, 1)).migrationFrom(LocalDate.of(2011, 6, 1))
 *     .title("Shop report").traffic(summary).build().writeTo(writer);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HtmlReport {
  /** What the headline tiles are compared with. */
  public enum Comparison {
    /** The period of equal length just before the report period. */
    PREVIOUS,
    /** The same period one year earlier. */
    YEAR,
    /** No comparison. */
    NONE
  }

  private final String title;
  private final String source;
  private final RfmResult rfm;
  private final @Nullable TrafficSummary traffic;
  private final @Nullable Sales sales;
  private final WebDetails.@Nullable Snapshot web;
  private final String webZone;
  private final @Nullable LocalDate from;
  private final @Nullable LocalDate to;
  private final Comparison comparison;
  private final boolean hideUnmatchable;
  private final int top;
  private final ClvSection.@Nullable Result clv;
  private final @Nullable SegmentTransitions migration;
  private final @Nullable LocalDate migrationFrom;

  private HtmlReport(Builder b) {
    this.title = b.title;
    this.source = b.source;
    this.rfm = b.rfm;
    this.traffic = b.traffic;
    this.comparison = b.comparison;
    this.hideUnmatchable = b.hideUnmatchable;
    this.top = b.top;
    this.web = b.web == null ? null : b.web.snapshot();
    this.webZone = b.web == null ? "" : b.web.zone().getId();
    Currency currency = rfm.currency();
    if (b.purchases != null && b.purchases.size() > 0) {
      Sales s = new Sales(b.purchases.columns());
      this.sales = s;
      LocalDate end = b.to != null ? b.to : min(rfm.asOf(), s.lastDay());
      LocalDate start = b.from != null ? b.from : s.firstDay();
      if (start.isAfter(end)) {
        throw new IllegalArgumentException("HtmlReport.from: the period starts after it ends: " + start + " > " + end);
      }
      this.from = start;
      this.to = end;
      this.clv = b.clvMonths == 0 ? null : ClvSection.compute(s.orders(currency), end, rfm, b.clvMonths);
      if (b.migrationFrom != null) {
        if (!b.migrationFrom.isBefore(rfm.asOf())) {
          throw new IllegalArgumentException("HtmlReport.migrationFrom: must be before the as-of date " + rfm.asOf()
              + ": " + b.migrationFrom);
        }
        RfmResult before = RfmAnalysis.builder().bins(rfm.bins()).binning(rfm.scoreBins(Dimension.RECENCY).binning())
            .segments(rfm.segmentTable()).asOf(b.migrationFrom).build().run(b.purchases.source(currency));
        this.migration = SegmentTransitions.between(before, rfm);
      } else {
        this.migration = null;
      }
    } else {
      if (b.migrationFrom != null) {
        throw new IllegalArgumentException("HtmlReport.migrationFrom: needs the purchases (Builder.purchases)");
      }
      this.sales = null;
      this.from = b.from;
      this.to = b.to;
      this.clv = null;
      this.migration = null;
    }
    this.migrationFrom = b.migrationFrom;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /** A report on {@code rfm}. */
  public static Builder builder(RfmResult rfm) {
    return new Builder(rfm);
  }

  /** Writes the page to {@code out} (not closed). */
  public void writeTo(Writer out) throws IOException {
    out.write(toHtml());
    out.flush();
  }

  /** The page. */
  public String toHtml() {
    StringBuilder h = new StringBuilder(128 * 1024);
    Currency cur = rfm.currency();
    String currency = cur.getCurrencyCode();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<title>").append(Encode.forHtml(title)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Encode.forHtml(title)).append("</h1>\n<p class=\"meta\">");
    if (!source.isEmpty()) {
      h.append("Purchases: <code>").append(Encode.forHtml(source)).append("</code>. ");
    }
    if (sales != null && from != null && to != null) {
      h.append(Encode.forHtml(String.format(Locale.ROOT, "Period %s – %s (%,d days; data %s – %s). ", from, to,
          Sections.days(from, to), sales.firstDay(), sales.lastDay())));
    }
    h.append(String.format(Locale.ROOT, "RFM as of %s, %d bins, %,d customers scored, currency %s.",
        rfm.asOf(), rfm.bins(), rfm.size(), currency));
    if (!rfm.rejections().isEmpty()) {
      h.append(String.format(Locale.ROOT, " %,d input rows rejected.", rfm.rejections().size()));
    }
    if (traffic != null) {
      h.append(" Web log: <code>").append(Encode.forHtml(traffic.source())).append("</code>");
      h.append(String.format(Locale.ROOT, ", %,d late hits (behind the session watermark, in no session).",
          traffic.lateHits()));
    }
    h.append("</p>\n</header>\n<main>\n");

    tiles(h, cur);
    if (sales != null && from != null && to != null) {
      boolean monthly = Sections.days(from, to) > 92;
      Map<LocalDate, Sales.Bucket> series = sales.series(from, to, monthly);
      String unit = monthly ? "month" : "week";
      List<Map.Entry<String, Long>> revenue = new ArrayList<>();
      List<Map.Entry<String, Long>> orders = new ArrayList<>();
      List<String> tips = new ArrayList<>();
      int digits = Math.max(0, cur.getDefaultFractionDigits());
      series.forEach((d, v) -> {
        LocalDate end = monthly ? d.plusMonths(1).minusDays(1) : d.plusDays(6);
        boolean partial = d.isBefore(from) || end.isAfter(to);
        String label = Sales.bucketLabel(d, monthly) + (partial ? "*" : "");
        java.math.BigInteger minor = v.revenue.value();
        revenue.add(Map.entry(label, new java.math.BigDecimal(minor, digits).setScale(0, java.math.RoundingMode.HALF_EVEN)
            .max(java.math.BigDecimal.valueOf(Long.MIN_VALUE)).min(java.math.BigDecimal.valueOf(Long.MAX_VALUE))
            .longValue()));
        orders.add(Map.entry(label, v.orders));
        tips.add(label + ": " + Fmt.money(new java.math.BigDecimal(minor, digits), cur) + ", " + Fmt.count(v.orders)
            + " orders" + (partial ? " (only " + (d.isBefore(from) ? from : d) + " – " + (end.isAfter(to) ? to : end)
            + " in the period)" : ""));
      });
      h.append("<section id=\"over-time\"><h2>Revenue and orders per ").append(unit).append("</h2>\n<div class=\"row\">\n");
      Html.figure(h, Charts.columns("revenue-per-" + unit, "Revenue per " + unit + " (" + currency + ")", revenue, tips,
          unit, currency), "Net revenue (refunds subtracted) of the purchases in the period; * marks a " + unit
          + " only partly in the period (its dates in the tooltip).");
      Html.figure(h, Charts.columns("orders-per-" + unit, "Orders per " + unit, orders, tips, unit, "orders"),
          "An order is what one customer bought on one day (net amount above zero).");
      h.append("</div>\n</section>\n");
    }

    Pareto pareto = Pareto.of(rfm);
    Set<String> unmatchable = Sections.unmatchableNames(rfm.segmentTable());
    List<SegmentSummary> shown = rfm.segments().stream()
        .filter(s -> !(hideUnmatchable && unmatchable.contains(s.segment()))).toList();
    h.append("<section id=\"customers\"><h2>Customers</h2>\n<div class=\"row\">\n");
    Html.figure(h, Charts.segments(shown, currency, unmatchable), "Segments in rule-table order; the share is of all "
        + "scored customers." + (unmatchable.isEmpty() || hideUnmatchable ? ""
        : " Marked \"cannot match\": rules whose every score cell an earlier rule takes (see the table)."));
    Sections.segmentTable(h, rfm, hideUnmatchable);
    Html.figure(h, Charts.heatMap(rfm), "Each cell holds the customers with that recency score (columns) and frequency "
        + "score (rows); its colour and number are their mean monetary value.");
    Html.figure(h, Charts.pareto(pareto), String.format(Locale.ROOT, "A: %,d customers, B: %,d, C: %,d (limits %.0f %% "
        + "and %.0f %% of revenue).", pareto.count(Pareto.AbcClass.A), pareto.count(Pareto.AbcClass.B),
        pareto.count(Pareto.AbcClass.C), 100 * pareto.limitA(), 100 * pareto.limitB()));
    h.append("</div>\n</section>\n");

    if (clv != null) {
      Sections.clv(h, clv, cur, top);
    }
    if (migration != null && migrationFrom != null) {
      Sections.migration(h, migration, migrationFrom, rfm.asOf(), hideUnmatchable ? unmatchable : Set.of());
    }
    if (sales != null && to != null) {
      Map<YearMonth, int[]> cohorts = sales.cohorts(to);
      Sections.cohorts(h, cohorts);
    }

    if (traffic != null || web != null) {
      h.append("<section id=\"traffic\"><h2>Web traffic</h2>\n<div class=\"row\">\n");
      if (traffic != null) {
        Html.figure(h, Charts.daily(traffic.daily()), "Sessions started per day (30-minute inactivity timeout); "
            + "hover a bar for page views, visitors and bounce rate.");
        Html.figure(h, Charts.topPages(traffic.topPages()), "Page views after removing bots and static assets.");
      }
      if (web != null) {
        Sections.entryExit(h, web, top);
        Sections.counts(h, "referrers", "Referrer domains (of the first page of each session)", "referrer",
            "sessions", web.referrers(), top);
        Sections.counts(h, "utm-sources", "UTM sources / media (sessions with utm_ parameters)", "source / medium",
            "sessions", web.sources(), top);
        Sections.counts(h, "utm-campaigns", "UTM campaigns", "campaign", "sessions", web.campaigns(), top);
        Html.figure(h, Charts.hourHeatMap(web.hourByWeekday(), webZone), "When sessions start: weekday by hour.");
        Map<String, Long> statuses = new java.util.LinkedHashMap<>();
        web.statuses().forEach((k, v) -> statuses.put(Integer.toString(k), v));
        Sections.counts(h, "status-codes", "Status codes (every log line, bots included)", "status", "lines", statuses,
            50);
        Sections.counts(h, "not-found", "Most requested missing pages (404)", "path", "requests", web.notFound(), top);
        Sections.counts(h, "browsers", "Browsers (page views, bots left out)", "browser", "page views", web.browsers(),
            top);
        Sections.counts(h, "systems", "Operating systems (page views, bots left out)", "system", "page views",
            web.systems(), top);
      }
      if (traffic != null) {
        Html.figure(h, Charts.returnVisits(traffic.visitorsBySessions()), "How often visitors came back: visitors "
            + "by their number of sessions.");
      }
      h.append("</div>\n");
      if (web != null) {
        Html.note(h, String.format(Locale.ROOT, "%,d log lines, %,d from bots. Countries are not shown: the log has "
            + "IP addresses only and the report uses no geolocation database.", web.lines(), web.bots()));
      }
      h.append("</section>\n");
    }
    h.append("</main>\n<footer>Generated by the e-CRM <code>ecrm report</code> command. Self-contained: no "
        + "scripts, fonts or images are loaded. Orders are per customer and day; revenue is net of refunds; the "
        + "repeat rate is the share of the period's customers with two or more orders in it.</footer>\n"
        + "</body>\n</html>\n");
    return h.toString();
  }

  private void tiles(StringBuilder h, Currency cur) {
    if ((sales == null || from == null || to == null) && web == null) {
      return;
    }
    h.append("<section id=\"headline\"><h2>Headline figures</h2>\n");
    if (sales != null && from != null && to != null) {
      Optional<LocalDate[]> q = previous(from, to, sales.firstDay());
      String vs = q.map(p -> p[0] + " – " + p[1]).orElse("");
      h.append("<div class=\"tiles\">\n");
      Sections.salesTiles(h, sales.figures(from, to), q.map(p -> sales.figures(p[0], p[1])), vs, cur);
      h.append("</div>\n");
      Html.note(h, "Purchases " + from + " – " + to + comparisonNote(q, sales.firstDay()));
    }
    if (web != null && !web.days().isEmpty()) {
      LocalDate first = web.days().firstKey();
      LocalDate last = web.days().lastKey();
      boolean overlaps = from != null && to != null && !first.isAfter(to) && !last.isBefore(from);
      LocalDate a = overlaps ? from : first;
      LocalDate b = overlaps ? to : last;
      Optional<LocalDate[]> q = previous(a, b, first);
      String vs = q.map(p -> p[0] + " – " + p[1]).orElse("");
      h.append("<div class=\"tiles\">\n");
      Sections.trafficTiles(h, web.figures(a, b), q.map(p -> web.figures(p[0], p[1])), vs);
      h.append("</div>\n");
      Html.note(h, "Web traffic " + a + " – " + b + (overlaps || from == null ? "" : " (the whole log: it does not "
          + "overlap the purchase period)") + comparisonNote(q, first));
    }
    h.append("</section>\n");
  }

  private String comparisonNote(Optional<LocalDate[]> q, LocalDate dataStart) {
    if (comparison == Comparison.NONE) {
      return "; no comparison asked.";
    }
    return q.map(p -> "; changes against " + p[0] + " – " + p[1] + ".")
        .orElse("; no comparison: the data start on " + dataStart + ", after the start of the "
            + (comparison == Comparison.YEAR ? "same period a year earlier." : "previous period of equal length."));
  }

  private Optional<LocalDate[]> previous(LocalDate a, LocalDate b, LocalDate dataStart) {
    LocalDate[] p = switch (comparison) {
      case NONE -> null;
      case PREVIOUS -> new LocalDate[] {a.minusDays(Sections.days(a, b)), a.minusDays(1)};
      case YEAR -> new LocalDate[] {a.minusYears(1), b.minusYears(1)};
    };
    return p == null || p[0].isBefore(dataStart) ? Optional.empty() : Optional.of(p);
  }

  private static final String CSS = """
      body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 16px; color: #111; background: #fff; }
      header h1 { margin: 0 0 4px 0; font-size: 26px; }
      .meta { color: #444; margin: 0 0 12px 0; }
      h2 { font-size: 20px; border-bottom: 2px solid #3b528b; padding-bottom: 4px; }
      .row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
      .tiles { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 8px; }
      .tile { border: 1px solid #ccd; border-radius: 8px; padding: 10px 14px; min-width: 170px; background: #f7f8fc; }
      .tile .label { color: #444; font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; }
      .tile .value { font-size: 26px; font-weight: bold; margin: 4px 0; font-variant-numeric: tabular-nums; }
      .tile .delta { font-size: 12px; color: #555; }
      .tile .delta.up { color: #1a7f37; }
      .tile .delta.down { color: #b42318; }
      .note { color: #444; font-size: 13px; margin: 4px 0 10px 0; max-width: 1100px; }
      figure { margin: 0; padding: 12px; border: 1px solid #ddd; border-radius: 6px; background: #fcfcfc; }
      figcaption { color: #444; font-size: 13px; max-width: 620px; margin-top: 6px; }
      svg { display: block; }
      table { border-collapse: collapse; font-size: 14px; min-width: 320px; }
      caption { font-weight: bold; font-size: 16px; text-align: left; padding-bottom: 6px; }
      th, td { padding: 4px 10px; border-bottom: 1px solid #e4e4e4; text-align: left; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.empty { color: #777; font-style: italic; }
      footer { color: #666; font-size: 12px; margin-top: 24px; }
      """;

  /** Builds a {@link HtmlReport}. Not thread-safe. */
  public static final class Builder {
    private final RfmResult rfm;
    private String title = "e-CRM report";
    private String source = "";
    private @Nullable TrafficSummary traffic;
    private @Nullable Purchases purchases;
    private @Nullable WebDetails web;
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;
    private @Nullable LocalDate migrationFrom;
    private Comparison comparison = Comparison.PREVIOUS;
    private boolean hideUnmatchable;
    private int clvMonths = 12;
    private int top = 15;

    private Builder(RfmResult rfm) {
      this.rfm = Objects.requireNonNull(rfm, "HtmlReport.rfm");
    }

    /** The page title (default "e-CRM report"). */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "HtmlReport.title");
      return this;
    }

    /** Where the purchases came from (e.g. the file name), shown under the title. */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "HtmlReport.source");
      return this;
    }

    /** Adds the web-traffic charts (sessions per day, top pages, return visits). */
    public Builder traffic(TrafficSummary traffic) {
      this.traffic = Objects.requireNonNull(traffic, "HtmlReport.traffic");
      return this;
    }

    /**
     * The purchases behind {@code rfm} (collected with {@link Purchases#tee}): adds the sales tiles,
     * revenue and orders over time, lifetime values, cohorts and, with {@link #migrationFrom}, the migration.
     */
    public Builder purchases(Purchases purchases) {
      this.purchases = Objects.requireNonNull(purchases, "HtmlReport.purchases");
      return this;
    }

    /** Adds referrers, UTM, entry and exit pages, status codes, 404s, hours and browsers, and the traffic tiles. */
    public Builder webDetails(WebDetails details) {
      this.web = Objects.requireNonNull(details, "HtmlReport.webDetails");
      return this;
    }

    /** First day of the report period (default: the first purchase). */
    public Builder from(LocalDate day) {
      this.from = Objects.requireNonNull(day, "HtmlReport.from");
      return this;
    }

    /** Last day of the report period, included (default: the last purchase, at most the as-of date). */
    public Builder to(LocalDate day) {
      this.to = Objects.requireNonNull(day, "HtmlReport.to");
      return this;
    }

    /** What the tiles are compared with (default {@link Comparison#PREVIOUS}). */
    public Builder compare(Comparison mode) {
      this.comparison = Objects.requireNonNull(mode, "HtmlReport.compare");
      return this;
    }

    /** Adds the segment migration from this date (scored with the same bins and rules) to the as-of date. */
    public Builder migrationFrom(LocalDate day) {
      this.migrationFrom = Objects.requireNonNull(day, "HtmlReport.migrationFrom");
      return this;
    }

    /**
     * The lifetime-value horizon in months (default 12; 0 leaves the section out).
     *
     * @throws IllegalArgumentException unless 0..120
     */
    public Builder clvMonths(int months) {
      if (months < 0 || months > 120) {
        throw new IllegalArgumentException("HtmlReport.clvMonths: must be 0..120 '" + months + "'");
      }
      this.clvMonths = months;
      return this;
    }

    /** Leaves out the segments whose rule can never match (default: shown and marked with the reason). */
    public Builder hideUnmatchableSegments(boolean hide) {
      this.hideUnmatchable = hide;
      return this;
    }

    /**
     * Rows of the top lists (pages, referrers, customers by value; default 15).
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder top(int rows) {
      if (rows <= 0) {
        throw new IllegalArgumentException("HtmlReport.top: must be positive '" + rows + "'");
      }
      this.top = rows;
      return this;
    }

    /**
     * The report, with its figures computed now (lifetime-value fit and migration included).
     *
     * @throws IllegalArgumentException if the period starts after it ends or the migration date is not before
     *     the as-of date
     */
    public HtmlReport build() {
      return new HtmlReport(this);
    }
  }
}
