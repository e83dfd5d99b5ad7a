package org.ecrm.examples.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentRule;
import org.ecrm.segmentation.SegmentSummary;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.SegmentTransitions;
import org.ecrm.segmentation.clv.BgNbdParameters;
import org.ecrm.segmentation.clv.GammaGammaParameters;

/** The report's sections beyond the charts of {@link Charts}: tiles, tables and their notes. Stateless. */
final class Sections {
  private Sections() {}

  /** The change of {@code now} against {@code before} as "+12.3 % vs …", or "" without a previous value. */
  static String change(double now, double before, String vs, boolean points) {
    if (points) {
      return String.format(Locale.ROOT, "%+.1f pts vs %s", 100 * (now - before), vs);
    }
    if (before == 0) {
      return now == 0 ? "no change vs " + vs : "new vs " + vs + " (was 0)";
    }
    return String.format(Locale.ROOT, "%+.1f %% vs %s", 100 * (now - before) / Math.abs(before), vs);
  }

  static int direction(double now, double before) {
    return Double.compare(now, before);
  }

  /** The sales tiles of {@code p}, with the change against {@code q} when present. */
  static void salesTiles(StringBuilder h, Sales.Figures p, Optional<Sales.Figures> q, String vs, Currency c) {
    int digits = Math.max(0, c.getDefaultFractionDigits());
    double median = p.medianMinor().doubleValue();
    Html.tile(h, "Customers", Fmt.count(p.customers()),
        q.map(x -> change(p.customers(), x.customers(), vs, false)).orElse(""),
        q.map(x -> direction(p.customers(), x.customers())).orElse(0));
    Html.tile(h, "Revenue", Fmt.money(new BigDecimal(p.revenueMinor(), digits), c),
        q.map(x -> change(p.revenueMinor().doubleValue(), x.revenueMinor().doubleValue(), vs, false)).orElse(""),
        q.map(x -> p.revenueMinor().compareTo(x.revenueMinor())).orElse(0));
    Html.tile(h, "Orders", Fmt.count(p.orders()), q.map(x -> change(p.orders(), x.orders(), vs, false)).orElse(""),
        q.map(x -> direction(p.orders(), x.orders())).orElse(0));
    Html.tile(h, "Repeat rate", Fmt.percent(p.repeatRate()),
        q.map(x -> change(p.repeatRate(), x.repeatRate(), vs, true)).orElse(""),
        q.map(x -> direction(p.repeatRate(), x.repeatRate())).orElse(0));
    Html.tile(h, "Median order value", Fmt.money(p.medianMinor().movePointLeft(digits), c),
        q.map(x -> change(median, x.medianMinor().doubleValue(), vs, false)).orElse(""),
        q.map(x -> direction(median, x.medianMinor().doubleValue())).orElse(0));
  }

  /** The traffic tiles: sessions, visitors, bounce rate. {@code f} and {@code g} are {sessions, visitors, bounces}. */
  static void trafficTiles(StringBuilder h, long[] f, Optional<long[]> g, String vs) {
    double bounce = f[0] == 0 ? 0 : (double) f[2] / f[0];
    Html.tile(h, "Sessions", Fmt.count(f[0]), g.map(x -> change(f[0], x[0], vs, false)).orElse(""),
        g.map(x -> direction(f[0], x[0])).orElse(0));
    Html.tile(h, "Visitors", Fmt.count(f[1]), g.map(x -> change(f[1], x[1], vs, false)).orElse(""),
        g.map(x -> direction(f[1], x[1])).orElse(0));
    Html.tile(h, "Bounce rate", Fmt.percent(bounce), g.map(x -> change(bounce, x[0] == 0 ? 0 : (double) x[2] / x[0],
        vs, true)).orElse(""), g.map(x -> -direction(bounce, x[0] == 0 ? 0 : (double) x[2] / x[0])).orElse(0));
  }

  /** "R 4–5 · F 4–5 · M 1–5" for a rule. */
  static String box(SegmentRule r) {
    return String.format(Locale.ROOT, "R %s · F %s · M %s", range(r.rLow(), r.rHigh()), range(r.fLow(), r.fHigh()),
        range(r.mLow(), r.mHigh()));
  }

  private static String range(int a, int b) {
    return a == b ? Integer.toString(a) : a + "–" + b;
  }

  /**
   * Why a rule can never match: the earlier rules that take every cell of its box; empty when it can match.
   */
  static Optional<String> unmatchable(SegmentTable table, SegmentRule rule) {
    Set<String> takers = new LinkedHashSet<>();
    for (int r = rule.rLow(); r <= rule.rHigh(); r++) {
      for (int f = rule.fLow(); f <= rule.fHigh(); f++) {
        for (int m = rule.mLow(); m <= rule.mHigh(); m++) {
          String s = table.segmentOf(r, f, m);
          if (s.equals(rule.name())) {
            return Optional.empty();
          }
          takers.add(s);
        }
      }
    }
    return Optional.of("can never match: every cell of its box is taken by earlier rules (" + String.join(", ", takers)
        + ")");
  }

  /** The segments table with each segment's score boxes and, for a rule that cannot match, the reason. */
  static void segmentTable(StringBuilder h, RfmResult rfm, boolean hideUnmatchable) {
    SegmentTable table = rfm.segmentTable();
    List<List<Object>> rows = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    for (SegmentSummary s : rfm.segments().stream()
        .sorted(Comparator.comparingInt(SegmentSummary::customers).reversed()).toList()) {
      Optional<SegmentRule> rule = table.rules().stream().filter(r -> r.name().equals(s.segment())).findFirst();
      Optional<String> why = rule.flatMap(r -> unmatchable(table, r));
      if (why.isPresent() && hideUnmatchable) {
        hidden.add(s.segment());
        continue;
      }
      String meaning = rule.map(Sections::box).orElse(s.segment().equals(SegmentTable.OTHERS)
          ? "every score cell no rule takes (" + Fmt.count(table.uncoveredCells()) + " cells)" : "");
      rows.add(List.of(s.segment(), meaning, Fmt.count(s.customers()), Fmt.percent(s.shareOfCustomers()),
          Fmt.money(s.revenue().amount(), s.revenue().currency()), why.orElse("")));
    }
    Html.table(h, "segment-table", "Segments: meaning (score boxes), customers and revenue",
        List.of("segment", "score boxes (first matching rule wins)", "customers", "share", "revenue", "note"), rows,
        false, false, true, true, true, false);
    if (!hidden.isEmpty()) {
      Html.note(h, "Hidden: " + String.join(", ", hidden) + " (rules that can never match: earlier rules take every "
          + "cell of their box).");
    }
  }

  /** Names of the segments whose rule can never match. */
  static Set<String> unmatchableNames(SegmentTable table) {
    Set<String> out = new LinkedHashSet<>();
    for (SegmentRule r : table.rules()) {
      if (unmatchable(table, r).isPresent()) {
        out.add(r.name());
      }
    }
    return out;
  }

  /** The lifetime-value section: parameters, per-segment predictions, top customers, P(alive) histogram. */
  static void clv(StringBuilder h, ClvSection.Result r, Currency c, int top) {
    h.append("<section id=\"clv\"><h2>Customer lifetime value</h2>\n");
    if (!r.ok()) {
      Html.note(h, "No lifetime values: " + r.failure() + ".");
      h.append("</section>\n");
      return;
    }
    BgNbdParameters b = r.purchases().parameters();
    GammaGammaParameters g = r.spend().parameters();
    double penalizer = r.purchases().fitSummary().map(f -> f.penalizer()).orElse(0.0);
    Html.note(h, String.format(Locale.ROOT, "Models fitted on the orders up to %s (one order per customer and day, "
            + "time in weeks): BG/NBD r = %.4f, α = %.4f, a = %.4f, b = %.4f%s; Gamma-Gamma p = %.4f, q = %.4f, "
            + "γ = %.4f (on the %,d customers with repeat orders). Predictions over the next %d months, value "
            + "discounted %.0f %% a month.", r.end(), b.r(), b.alpha(), b.a(), b.b(), penalizer > 0
            ? String.format(Locale.ROOT, " (penalizer %s: without it the fit ran a parameter to its bound)",
            penalizer) : "", g.p(), g.q(), g.gamma(), r.spend().fitSummary().map(f -> (long) f.customers()).orElse(0L),
        r.months(), 100 * ClvSection.MONTHLY_DISCOUNT));
    h.append("<div class=\"row\">\n");
    TreeMap<String, double[]> seg = new TreeMap<>();
    double totalValue = 0;
    for (ClvSection.Row row : r.rows()) {
      double[] a = seg.computeIfAbsent(row.segment(), k -> new double[4]);
      a[0]++;
      a[1] += row.pAlive();
      a[2] += row.purchases();
      a[3] += row.value();
      totalValue += row.value();
    }
    List<List<Object>> rows = new ArrayList<>();
    final double total = totalValue;
    seg.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[3], x.getValue()[3])).forEach(e -> {
      double[] a = e.getValue();
      rows.add(List.of(e.getKey(), Fmt.count((long) a[0]), Fmt.percent(a[1] / a[0]), Fmt.decimal(a[2], 0),
          Fmt.decimal(a[2] / a[0], 2), Fmt.money(a[3], c), Fmt.money(a[3] / a[0], c),
          Fmt.percent(total == 0 ? 0 : a[3] / total)));
    });
    Html.table(h, "clv-segments", "Predicted purchases and value per segment, next " + r.months() + " months",
        List.of("segment", "customers", "mean P(alive)", "purchases", "per customer", "value", "per customer",
            "share of value"), rows, false, true, true, true, true, true, true, true);
    List<List<Object>> best = new ArrayList<>();
    for (ClvSection.Row row : r.rows().subList(0, Math.min(top, r.rows().size()))) {
      best.add(List.of(Long.toString(row.customer()), row.segment(), Fmt.percent(row.pAlive()),
          Fmt.decimal(row.purchases(), 1), Fmt.money(row.value(), c)));
    }
    Html.table(h, "clv-top", "Top " + best.size() + " customers by predicted value",
        List.of("customer", "segment", "P(alive)", "purchases", "value"), best, false, false, true, true, true);
    double meanAlive = r.rows().stream().mapToDouble(ClvSection.Row::pAlive).average().orElse(0);
    if (meanAlive > 0.95) {
      Html.note(h, String.format(Locale.ROOT, "P(alive) is close to 100 %% for almost everyone (mean %.1f %%): the "
          + "fit sees hardly any drop-out (a drop-out chance of %.2f %% after each order), so the ranking by "
          + "value rests on purchase rhythm and spend.", 100 * meanAlive, 100 * b.a() / (b.a() + b.b())));
    }
    long[] hist = new long[10];
    for (ClvSection.Row row : r.rows()) {
      hist[Math.min(9, (int) Math.floor(row.pAlive() * 10))]++;
    }
    List<Map.Entry<String, Long>> bars = new ArrayList<>();
    List<String> tips = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String label = String.format(Locale.ROOT, "%d–%d%%", i * 10, i * 10 + 10);
      bars.add(Map.entry(label, hist[i]));
      tips.add(String.format(Locale.ROOT, "P(alive) %s: %,d customers", label, hist[i]));
    }
    Html.figure(h, Charts.columns("p-alive", "P(alive): customers by probability of still being active", bars, tips,
        "probability the customer is still active (BG/NBD)", "customers"), "A customer whose orders stopped long "
        + "ago relative to their usual rhythm gets a low P(alive); the left bars are the ones to win back.");
    h.append("</div>\n</section>\n");
  }

  /** The migration matrix: rows = segment at {@code from}, columns = segment at the as-of date. */
  static void migration(StringBuilder h, SegmentTransitions t, LocalDate from, LocalDate to, Set<String> hide) {
    List<String> rowsN = t.fromSegments().stream().filter(s -> !hide.contains(s))
        .filter(s -> t.toSegments().stream().anyMatch(x -> t.count(s, x) > 0)).toList();
    List<String> colsN = t.toSegments().stream().filter(s -> !hide.contains(s))
        .filter(s -> t.fromSegments().stream().anyMatch(x -> t.count(x, s) > 0)).toList();
    h.append("<section id=\"migration\"><h2>Segment migration</h2>\n");
    Html.note(h, "Customers by segment on " + from + " (rows) and on " + to + " (columns), the same rules and bins "
        + "scored at both dates. " + SegmentTransitions.ABSENT + " = no purchase yet at that date. Rows and columns "
        + "without anybody are left out. The darker a cell, the larger its share of the row.");
    List<String> headers = new ArrayList<>();
    headers.add(from + " \\ " + to);
    headers.addAll(colsN);
    headers.add("total");
    List<List<Object>> rows = new ArrayList<>();
    for (String a : rowsN) {
      List<Object> row = new ArrayList<>();
      row.add(a);
      long sum = colsN.stream().mapToLong(b -> t.count(a, b)).sum();
      for (String b : colsN) {
        int n = t.count(a, b);
        row.add(Html.shaded(n == 0 ? "" : Fmt.count(n), sum == 0 ? 0 : 0.85 * n / sum));
      }
      row.add(Fmt.count(sum));
      rows.add(row);
    }
    boolean[] numeric = new boolean[headers.size()];
    java.util.Arrays.fill(numeric, 1, numeric.length, true);
    Html.table(h, "migration", "Segment migration " + from + " → " + to, headers, rows, numeric);
    h.append("</section>\n");
  }

  /** The cohort table: customers by month of first order, and the share with an order k months later. */
  static void cohorts(StringBuilder h, Map<YearMonth, int[]> cohorts) {
    h.append("<section id=\"cohorts\"><h2>Monthly acquisition cohorts</h2>\n");
    Html.note(h, "Customers by the month of their first order (rows) and the share of them who ordered again "
        + "k months later (M1, M2, …). M0 is the first month (100 %). Darker = more retained. The last cell of "
        + "each row is the period's last month, which may be partial.");
    int width = cohorts.values().stream().mapToInt(a -> a.length).max().orElse(1);
    List<String> headers = new ArrayList<>(List.of("cohort", "customers"));
    for (int k = 0; k < width; k++) {
      headers.add("M" + k);
    }
    List<List<Object>> rows = new ArrayList<>();
    cohorts.forEach((ym, a) -> {
      List<Object> row = new ArrayList<>();
      row.add(ym.toString());
      row.add(Fmt.count(a[0]));
      for (int k = 0; k < width; k++) {
        if (k < a.length) {
          double share = a[0] == 0 ? 0 : (double) a[k] / a[0];
          row.add(k == 0 ? "100 %" : Html.shaded(String.format(Locale.ROOT, "%.0f %%", 100 * share),
              Math.min(1, share * 2)));
        } else {
          row.add("");
        }
      }
      rows.add(row);
    });
    boolean[] numeric = new boolean[headers.size()];
    java.util.Arrays.fill(numeric, 1, numeric.length, true);
    Html.table(h, "cohorts", "Retention by acquisition month", headers, rows, numeric);
    h.append("</section>\n");
  }

  /** The top {@code n} entries of a count map, most first (ties by key). */
  static List<Map.Entry<String, Long>> top(Map<String, Long> m, int n) {
    return m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).limit(n).toList();
  }

  /** A count table (label, count named {@code counted}, share of the total), the {@code n} largest. */
  static void counts(StringBuilder h, String id, String caption, String what, String counted, Map<String, Long> m,
      int n) {
    long total = m.values().stream().mapToLong(Long::longValue).sum();
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, Long> e : top(m, n)) {
      rows.add(List.of(e.getKey(), Fmt.count(e.getValue()), Fmt.percent(total == 0 ? 0 : (double) e.getValue() / total)));
    }
    Html.table(h, id, caption, List.of(what, counted, "share"), rows, false, true, true);
  }

  /** Entry pages with sessions and bounce rate; exit pages with sessions. */
  static void entryExit(StringBuilder h, WebDetails.Snapshot w, int n) {
    List<List<Object>> rows = new ArrayList<>();
    w.entries().entrySet().stream().sorted((a, b) -> {
      int x = Long.compare(b.getValue()[0], a.getValue()[0]);
      return x != 0 ? x : a.getKey().compareTo(b.getKey());
    }).limit(n).forEach(e -> rows.add(List.of(e.getKey(), Fmt.count(e.getValue()[0]),
        Fmt.percent((double) e.getValue()[1] / e.getValue()[0]))));
    Html.table(h, "entry-pages", "Entry pages (first page of a session)", List.of("page", "sessions", "bounce rate"),
        rows, false, true, true);
    counts(h, "exit-pages", "Exit pages (last page of a session)", "page", "sessions", w.exits(), n);
  }

  /** Days between two dates, both included. */
  static long days(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b) + 1;
  }
}
