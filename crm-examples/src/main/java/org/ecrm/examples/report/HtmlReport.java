package org.ecrm.examples.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.jspecify.annotations.Nullable;
import org.owasp.encoder.Encode;

/**
 * One self-contained HTML page (inline CSS and SVG; no scripts, fonts, images or links to fetch) with
 * the RFM heat map, segment sizes and revenue, the Pareto curve and, when traffic is given, sessions per
 * day, top pages and the return-visit distribution. Every string that comes from the data (segment
 * names, page paths, file names, the title) is escaped with the OWASP Java Encoder for its context. The
 * page is also well-formed XML, so it can be checked with any XML parser.
 *
 * <pre>{@code
 * HtmlReport.builder(rfm).title("Shop report").traffic(summary).build().writeTo(writer);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HtmlReport {
  private final String title;
  private final String source;
  private final RfmResult rfm;
  private final @Nullable TrafficSummary traffic;

  private HtmlReport(Builder b) {
    this.title = b.title;
    this.source = b.source;
    this.rfm = b.rfm;
    this.traffic = b.traffic;
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
    StringBuilder h = new StringBuilder(64 * 1024);
    String currency = rfm.currency().getCurrencyCode();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<title>").append(Encode.forHtml(title)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Encode.forHtml(title)).append("</h1>\n<p class=\"meta\">");
    if (!source.isEmpty()) {
      h.append("Purchases: <code>").append(Encode.forHtml(source)).append("</code>. ");
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

    Pareto pareto = Pareto.of(rfm);
    h.append("<section><h2>Customers</h2>\n<div class=\"row\">\n");
    figure(h, Charts.heatMap(rfm), "Each cell holds the customers with that recency score (columns) and frequency "
        + "score (rows); its colour and number are their mean monetary value.");
    figure(h, Charts.pareto(pareto), String.format(Locale.ROOT, "A: %,d customers, B: %,d, C: %,d (limits %.0f %% "
        + "and %.0f %% of revenue).", pareto.count(Pareto.AbcClass.A), pareto.count(Pareto.AbcClass.B),
        pareto.count(Pareto.AbcClass.C), 100 * pareto.limitA(), 100 * pareto.limitB()));
    figure(h, Charts.segments(rfm.segments(), currency), "Segments in rule-table order; the share is of all "
        + "scored customers.");
    h.append("<figure>\n<table>\n<caption>Segments</caption>\n<thead><tr><th>segment</th><th>customers</th>"
        + "<th>share</th><th>revenue</th></tr></thead>\n<tbody>\n");
    rfm.segments().stream().sorted(Comparator.comparingInt(SegmentSummary::customers).reversed()).forEach(s ->
        h.append("<tr><td>").append(Encode.forHtml(s.segment())).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,d", s.customers())).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.1f %%", 100 * s.shareOfCustomers())).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,.2f %s", s.revenue().amount(),
                Encode.forHtml(s.revenue().currency().getCurrencyCode()))).append("</td></tr>\n"));
    h.append("</tbody>\n</table>\n</figure>\n</div>\n</section>\n");

    if (traffic != null) {
      h.append("<section><h2>Web traffic</h2>\n<div class=\"row\">\n");
      figure(h, Charts.daily(traffic.daily()), "Sessions started per day (30-minute inactivity timeout); hover a "
          + "bar for page views, visitors and bounce rate.");
      figure(h, Charts.topPages(traffic.topPages()), "Page views after removing bots and static assets.");
      figure(h, Charts.returnVisits(traffic.visitorsBySessions()), "How often visitors came back: visitors by "
          + "their number of sessions.");
      h.append("</div>\n</section>\n");
    }
    h.append("</main>\n<footer>Generated by the e-CRM <code>ecrm report</code> command. Self-contained: no "
        + "scripts, fonts or images are loaded.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void figure(StringBuilder h, String svg, String caption) {
    h.append("<figure>\n").append(svg).append("<figcaption>").append(Encode.forHtml(caption))
        .append("</figcaption>\n</figure>\n");
  }

  private static final String CSS = """
      body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 16px; color: #111; background: #fff; }
      header h1 { margin: 0 0 4px 0; font-size: 26px; }
      .meta { color: #444; margin: 0 0 12px 0; }
      h2 { font-size: 20px; border-bottom: 2px solid #3b528b; padding-bottom: 4px; }
      .row { display: flex; flex-wrap: wrap; gap: 16px; }
      figure { margin: 0; padding: 12px; border: 1px solid #ddd; border-radius: 6px; background: #fcfcfc; }
      figcaption { color: #444; font-size: 13px; max-width: 620px; margin-top: 6px; }
      svg { display: block; }
      table { border-collapse: collapse; font-size: 14px; min-width: 480px; }
      caption { font-weight: bold; font-size: 16px; text-align: left; padding-bottom: 6px; }
      th, td { padding: 4px 10px; border-bottom: 1px solid #e4e4e4; text-align: left; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; }
      footer { color: #666; font-size: 12px; margin-top: 24px; }
      """;

  /** Builds a {@link HtmlReport}. Not thread-safe. */
  public static final class Builder {
    private final RfmResult rfm;
    private String title = "e-CRM report";
    private String source = "";
    private @Nullable TrafficSummary traffic;

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

    /** Adds the web-traffic section. */
    public Builder traffic(TrafficSummary traffic) {
      this.traffic = Objects.requireNonNull(traffic, "HtmlReport.traffic");
      return this;
    }

    /** The report. */
    public HtmlReport build() {
      return new HtmlReport(this);
    }
  }
}
