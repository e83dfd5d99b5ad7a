package org.ecrm.examples.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.ecrm.tracking.session.DailyStats;
import org.ecrm.tracking.session.PageStats;

/**
 * The report's charts as SVG markup. Bars carry {@code class="bar"}, heat-map cells
 * {@code class="cell"}, so tests (and people) can count them. Stateless.
 */
final class Charts {
  static final int WIDTH = 620;
  private static final String AXIS = "#444";
  private static final String GRID = "#ddd";
  private static final String BAR = "#3b528b";
  private static final String BAR2 = "#21918c";

  private Charts() {}

  /** R × F heat map of mean monetary per cell, with counts, axes and a colour legend. */
  static String heatMap(RfmResult rfm) {
    int n = rfm.bins();
    int cell = Math.max(4, Math.min(90, 450 / n)); // 100 bins: 4 px cells, 400 px
    int left = 80;
    int top = 50;
    int plot = cell * n;
    int height = top + plot + 124;
    String currency = rfm.currency().getCurrencyCode();
    Svg s = new Svg("rfm-heatmap", WIDTH, height, "RFM heat map: mean monetary (" + currency
        + ") per recency × frequency score");
    s.text(WIDTH / 2.0, 22, "Mean monetary value (" + currency + ") by R and F score", "middle", 16,
        "font-weight=\"bold\"");
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int r = 1; r <= n; r++) {
      for (int f = 1; f <= n; f++) {
        Optional<BigDecimal> m = rfm.heatMapMeanMonetary(r, f);
        if (m.isPresent()) {
          min = Math.min(min, m.get().doubleValue());
          max = Math.max(max, m.get().doubleValue());
        }
      }
    }
    boolean labels = cell >= 44;
    for (int r = 1; r <= n; r++) {
      for (int f = 1; f <= n; f++) {
        double x = left + (r - 1) * cell;
        double y = top + (n - f) * cell;
        Optional<BigDecimal> m = rfm.heatMapMeanMonetary(r, f);
        int count = rfm.heatMapCount(r, f);
        if (m.isEmpty()) {
          s.rect("cell", x, y, cell - 1, cell - 1, "#f2f2f2",
              String.format(Locale.ROOT, "R %d, F %d: no customers", r, f));
          continue;
        }
        double v = m.get().doubleValue();
        double t = max > min ? (v - min) / (max - min) : 0.5;
        s.rect("cell", x, y, cell - 1, cell - 1, Svg.colour(t), String.format(Locale.ROOT,
            "R %d, F %d: %,d customers, mean monetary %s", r, f, count, Fmt.money(m.get(), rfm.currency())));
        if (labels) {
          String ink = t > 0.45 ? "#fff" : "#111";
          s.text(x + cell / 2.0, y + cell / 2.0 - 2, Svg.compact(v), "middle", cell >= 70 ? 14 : 11,
              "fill=\"" + ink + "\" font-weight=\"bold\"");
          s.text(x + cell / 2.0, y + cell / 2.0 + 14, "n=" + Svg.compact(count), "middle", cell >= 70 ? 12 : 10,
              "fill=\"" + ink + "\"");
        }
      }
    }
    int step = n <= 10 ? 1 : (int) Math.ceil(n / 10.0);
    for (int i = 1; i <= n; i += step) {
      s.text(left + (i - 0.5) * cell, top + plot + 18, Integer.toString(i), "middle", 12, "");
      s.text(left - 8, top + (n - i + 0.5) * cell + 4, Integer.toString(i), "end", 12, "");
    }
    s.text(left + plot / 2.0, top + plot + 38, "Recency score R (" + n + " = bought most recently)", "middle", 13, "");
    s.text(22, top + plot / 2.0, "Frequency score F (" + n + " = most orders)", "middle", 13,
        "transform=\"rotate(-90 22 " + Svg.num(top + plot / 2.0) + ")\"");
    // legend: the colour scale from the lowest to the highest cell mean
    double ly = top + plot + 58;
    double lw = Math.min(360, WIDTH - left - 40);
    s.raw("<defs><linearGradient id=\"heat-scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">");
    for (int i = 0; i <= 4; i++) {
      s.raw("<stop offset=\"" + (i * 25) + "%\" stop-color=\"" + Svg.colour(i / 4.0) + "\"/>");
    }
    s.raw("</linearGradient></defs>\n");
    s.raw("<rect x=\"" + left + "\" y=\"" + Svg.num(ly) + "\" width=\"" + Svg.num(lw)
        + "\" height=\"14\" fill=\"url(#heat-scale)\" stroke=\"" + AXIS + "\" stroke-width=\"0.5\"/>\n");
    String lo = min == Double.MAX_VALUE ? "-" : Svg.compact(min);
    String hi = max == -Double.MAX_VALUE ? "-" : Svg.compact(max);
    s.text(left, ly + 30, lo + " " + currency, "start", 12, "");
    s.text(left + lw, ly + 30, hi + " " + currency, "end", 12, "");
    s.text(left, ly + 48, "colour and number: mean monetary of the cell; n = customers; grey = empty", "start", 12,
        "fill=\"#555\"");
    return s.close();
  }

  /** Customers and revenue per segment, as two panels of horizontal bars sharing the segment labels. */
  static String segments(List<SegmentSummary> segments, String currency, java.util.Set<String> unmatchable) {
    int row = 28;
    int top = 62;
    int labelW = 170;
    int panel = (WIDTH - labelW - 40) / 2;
    int height = top + row * segments.size() + 20;
    Svg s = new Svg("segments", WIDTH, height, "Segment sizes and revenue");
    s.text(WIDTH / 2.0, 22, "Segments: customers and revenue (" + currency + ")", "middle", 16,
        "font-weight=\"bold\"");
    long maxC = segments.stream().mapToLong(SegmentSummary::customers).max().orElse(0);
    double maxR = segments.stream().mapToDouble(x -> x.revenue().amount().doubleValue()).max().orElse(0);
    double x1 = labelW + 10;
    double x2 = x1 + panel + 20;
    s.text(x1, top - 12, "customers", "start", 13, "font-weight=\"bold\" fill=\"" + BAR + "\"");
    s.text(x2, top - 12, "revenue (" + currency + ")", "start", 13, "font-weight=\"bold\" fill=\"" + BAR2 + "\"");
    double barMax = panel - 56;
    for (int i = 0; i < segments.size(); i++) {
      SegmentSummary seg = segments.get(i);
      double y = top + i * row;
      s.text(labelW, y + row / 2.0 + 4, Svg.shorten(seg.segment(), 24), "end", 13, "");
      double wc = maxC == 0 ? 0 : barMax * seg.customers() / maxC;
      s.rect("bar", x1, y + 4, wc, row - 8, BAR, seg.segment() + ": " + Fmt.count(seg.customers()) + " customers");
      s.text(x1 + wc + 4, y + row / 2.0 + 4, unmatchable.contains(seg.segment()) ? "cannot match (rule shadowed)"
          : String.format(Locale.ROOT, "%,d (%.0f%%)", seg.customers(), 100 * seg.shareOfCustomers()), "start", 11,
          unmatchable.contains(seg.segment()) ? "fill=\"#b42318\" font-style=\"italic\"" : "");
      double rev = seg.revenue().amount().doubleValue();
      double wr = maxR <= 0 ? 0 : barMax * Math.max(0, rev) / maxR;
      s.rect("bar", x2, y + 4, wr, row - 8, BAR2, seg.segment() + ": "
          + Fmt.money(seg.revenue().amount(), seg.revenue().currency()));
      s.text(x2 + wr + 4, y + row / 2.0 + 4, Svg.compact(rev), "start", 11, "");
    }
    s.line(x1, top - 2, x1, top + row * segments.size(), AXIS, 1, "");
    s.line(x2, top - 2, x2, top + row * segments.size(), AXIS, 1, "");
    return s.close();
  }

  /**
   * The Pareto curve (cumulative share of revenue against the share of customers ranked by value, the
   * Lorenz curve reflected) with the point where it reaches the class-A limit (80 %) and the Gini.
   */
  static String pareto(Pareto p) {
    int left = 70;
    int top = 50;
    int plot = 380;
    int height = top + plot + 60;
    Svg s = new Svg("pareto", WIDTH, height, "Pareto curve");
    s.text(WIDTH / 2.0, 22, String.format(Locale.ROOT, "Pareto curve: revenue concentration (Gini %.2f)",
        p.gini()), "middle", 16, "font-weight=\"bold\"");
    for (int i = 0; i <= 5; i++) {
      double t = i / 5.0;
      double gx = left + t * plot;
      double gy = top + plot - t * plot;
      s.line(gx, top, gx, top + plot, GRID, 1, "");
      s.line(left, gy, left + plot, gy, GRID, 1, "");
      s.text(gx, top + plot + 18, (i * 20) + " %", "middle", 12, "");
      s.text(left - 6, gy + 4, (i * 20) + " %", "end", 12, "");
    }
    s.line(left, top + plot, left + plot, top, "#999", 1, "stroke-dasharray=\"4 4\"");
    List<Pareto.LorenzPoint> pts = p.lorenzCurve();
    StringBuilder poly = new StringBuilder();
    int stride = Math.max(1, pts.size() / 600);
    List<Pareto.LorenzPoint> kept = new ArrayList<>();
    for (int i = 0; i < pts.size(); i += stride) {
      kept.add(pts.get(i));
    }
    if (!pts.isEmpty() && kept.get(kept.size() - 1) != pts.get(pts.size() - 1)) {
      kept.add(pts.get(pts.size() - 1));
    }
    for (int i = kept.size() - 1; i >= 0; i--) {
      Pareto.LorenzPoint lp = kept.get(i);
      double cx = 1 - lp.customerShare();
      double cy = 1 - lp.valueShare();
      poly.append(Svg.num(left + cx * plot)).append(',').append(Svg.num(top + plot - cy * plot)).append(' ');
    }
    s.raw("<polyline class=\"curve\" fill=\"none\" stroke=\"" + BAR + "\" stroke-width=\"2.5\" points=\""
        + poly.toString().strip() + "\"/>\n");
    double a = p.shareOfCustomersForLimitA();
    double px = left + a * plot;
    double py = top + plot - p.limitA() * plot;
    s.line(px, py, px, top + plot, "#c0392b", 1.2, "stroke-dasharray=\"3 3\"");
    s.line(left, py, px, py, "#c0392b", 1.2, "stroke-dasharray=\"3 3\"");
    s.raw("<circle class=\"marker\" cx=\"" + Svg.num(px) + "\" cy=\"" + Svg.num(py)
        + "\" r=\"5\" fill=\"#c0392b\"/>\n");
    s.text(px + 10, py + 20, String.format(Locale.ROOT, "%.1f %% of customers", 100 * a), "start", 13,
        "fill=\"#c0392b\" font-weight=\"bold\"");
    s.text(px + 10, py + 36, String.format(Locale.ROOT, "make %.0f %% of revenue", 100 * p.limitA()), "start", 13,
        "fill=\"#c0392b\" font-weight=\"bold\"");
    s.text(left + plot / 2.0, top + plot + 40, "share of customers, ranked by revenue (highest first)", "middle",
        13, "");
    s.text(20, top + plot / 2.0, "cumulative share of revenue", "middle", 13,
        "transform=\"rotate(-90 20 " + Svg.num(top + plot / 2.0) + ")\"");
    s.text(left + plot - 8, top + plot - 34, "dashed grey: every customer", "end", 12, "fill=\"#555\"");
    s.text(left + plot - 8, top + plot - 18, "spends the same", "end", 12, "fill=\"#555\"");
    return s.close();
  }

  /** Sessions per day as vertical bars, with page views in the tooltips. */
  static String daily(List<DailyStats> days) {
    List<Map.Entry<String, Long>> bars = days.stream()
        .map(d -> Map.entry(d.date().toString(), d.sessions())).toList();
    List<String> tips = days.stream().map(d -> String.format(Locale.ROOT,
        "%s: %,d sessions, %,d page views, %,d visitors, bounce %.0f%%", d.date(), d.sessions(), d.pageViews(),
        d.visitors(), 100 * d.bounceRate())).toList();
    return columns("sessions-per-day", "Sessions per day", bars, tips, "day", "sessions");
  }

  /** Visitors per number of sessions; the last column is "cap or more". */
  static String returnVisits(Map<Integer, Long> visitorsBySessions) {
    int last = visitorsBySessions.keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
    List<Map.Entry<String, Long>> bars = visitorsBySessions.entrySet().stream()
        .map(e -> Map.entry(e.getKey() == last ? e.getKey() + "+" : e.getKey().toString(), e.getValue())).toList();
    List<String> tips = bars.stream().map(e -> Fmt.count(e.getValue()) + " visitors with " + e.getKey() + " sessions")
        .toList();
    return columns("return-visits", "Return visits: visitors by number of sessions", bars, tips,
        "sessions per visitor (1 = did not return)", "visitors");
  }

  /** The most viewed pages as horizontal bars, paths shortened (full path in the tooltip). */
  static String topPages(List<PageStats> pages) {
    int row = 26;
    int top = 44;
    int labelW = 290;
    int height = top + row * Math.max(1, pages.size()) + 40;
    Svg s = new Svg("top-pages", WIDTH, height, "Top pages by page views");
    s.text(WIDTH / 2.0, 22, "Top pages by page views", "middle", 16, "font-weight=\"bold\"");
    long max = pages.stream().mapToLong(PageStats::views).max().orElse(0);
    double x0 = labelW + 10;
    double barMax = WIDTH - x0 - 70;
    for (int i = 0; i < pages.size(); i++) {
      PageStats p = pages.get(i);
      double y = top + i * row;
      s.text(labelW, y + row / 2.0 + 4, Svg.shorten(p.path(), 36), "end", 12,
          "font-family=\"DejaVu Sans Mono, Consolas, monospace\"");
      double w = max == 0 ? 0 : barMax * p.views() / max;
      s.rect("bar", x0, y + 3, w, row - 6, BAR, p.path() + ": " + Fmt.count(p.views()) + " views");
      s.text(x0 + w + 4, y + row / 2.0 + 4, String.format(Locale.ROOT, "%,d", p.views()), "start", 11, "");
    }
    s.line(x0, top - 2, x0, top + row * pages.size(), AXIS, 1, "");
    s.text(x0 + barMax / 2, top + row * pages.size() + 24, "page views", "middle", 13, "");
    return s.close();
  }

  static String columns(String id, String title, List<Map.Entry<String, Long>> bars, List<String> tips,
      String xLabel, String yLabel) {
    int left = 70;
    int top = 50;
    int plotW = WIDTH - left - 20;
    int plotH = 260;
    boolean rotate = bars.size() > 8 && bars.stream().anyMatch(b -> b.getKey().length() > 4);
    int height = top + plotH + (rotate ? 100 : 60);
    Svg s = new Svg(id, WIDTH, height, title);
    s.text(WIDTH / 2.0, 22, title, "middle", 16, "font-weight=\"bold\"");
    long max = bars.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
    double axisMax = Svg.niceMax(max);
    for (int i = 0; i <= 4; i++) {
      double v = axisMax * i / 4;
      double gy = top + plotH - plotH * i / 4.0;
      s.line(left, gy, left + plotW, gy, GRID, 1, "");
      s.text(left - 6, gy + 4, Svg.compact(v), "end", 12, "");
    }
    double slot = bars.isEmpty() ? plotW : (double) plotW / bars.size();
    double bw = Math.max(1, slot * 0.75);
    int labelStep = Math.max(1, (int) Math.ceil(bars.size() / (rotate ? 40.0 : 16.0)));
    boolean values = slot >= 28;
    for (int i = 0; i < bars.size(); i++) {
      Map.Entry<String, Long> b = bars.get(i);
      double h = plotH * b.getValue() / axisMax;
      double x = left + i * slot + (slot - bw) / 2;
      s.rect("bar", x, top + plotH - h, bw, h, BAR, tips.get(i));
      if (values) {
        s.text(x + bw / 2, top + plotH - h - 4, Svg.compact(b.getValue()), "middle", 11, "");
      }
      if (i % labelStep == 0) {
        double lx = x + bw / 2;
        double ly = top + plotH + 16;
        s.text(lx, ly, b.getKey(), rotate ? "end" : "middle", 11,
            rotate ? "transform=\"rotate(-45 " + Svg.num(lx) + " " + Svg.num(ly) + ")\"" : "");
      }
    }
    s.line(left, top + plotH, left + plotW, top + plotH, AXIS, 1, "");
    s.line(left, top, left, top + plotH, AXIS, 1, "");
    s.text(left + plotW / 2.0, height - 10, xLabel, "middle", 13, "");
    s.text(18, top + plotH / 2.0, yLabel, "middle", 13, "transform=\"rotate(-90 18 " + Svg.num(top + plotH / 2.0) + ")\"");
    return s.close();
  }

  /** Sessions by weekday (rows, Monday first) and hour of the session start (columns). */
  static String hourHeatMap(long[][] hourByWeekday, String zone) {
    int left = 60;
    int top = 50;
    int cell = 22;
    int height = top + 7 * cell + 70;
    Svg s = new Svg("hour-heatmap", WIDTH, height, "Sessions by weekday and hour");
    s.text(WIDTH / 2.0, 22, "Sessions by weekday and hour of day (" + zone + ")", "middle", 16, "font-weight=\"bold\"");
    long max = 0;
    for (long[] row : hourByWeekday) {
      for (long v : row) {
        max = Math.max(max, v);
      }
    }
    String[] names = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int d = 0; d < 7; d++) {
      s.text(left - 6, top + d * cell + cell / 2.0 + 4, names[d], "end", 12, "");
      for (int hr = 0; hr < 24; hr++) {
        long v = hourByWeekday[d][hr];
        double t = max == 0 ? 0 : (double) v / max;
        s.rect("cell", left + hr * cell, top + d * cell, cell - 1, cell - 1, v == 0 ? "#f2f2f2" : Svg.colour(t),
            String.format(Locale.ROOT, "%s %02d:00-%02d:59: %,d sessions", names[d], hr, hr, v));
      }
    }
    for (int hr = 0; hr < 24; hr += 3) {
      s.text(left + hr * cell + cell / 2.0, top + 7 * cell + 16, String.format(Locale.ROOT, "%02d", hr), "middle", 11,
          "");
    }
    s.text(left + 12 * cell, top + 7 * cell + 36, "hour the session started", "middle", 13, "");
    s.text(left, top + 7 * cell + 56, "darker = more sessions (busiest cell " + Fmt.count(max) + "); grey = none",
        "start", 12, "fill=\"#555\"");
    return s.close();
  }
}
