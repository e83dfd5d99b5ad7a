package org.ecrm.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.engine.TransactionSource;
import org.ecrm.tracking.session.DailyStats;
import org.ecrm.tracking.session.PageStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlReportTest {
  private static final String SCRIPT = "<script>alert(1)</script>";

  private static RfmResult rfm(int bins, SegmentTable table, int customers, long seed) {
    Random random = new Random(seed);
    int rows = customers * 3;
    long[] c = new long[rows];
    int[] d = new int[rows];
    long[] a = new long[rows];
    int base = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    for (int i = 0; i < rows; i++) {
      c[i] = 1 + random.nextInt(customers);
      d[i] = base + random.nextInt(365);
      a[i] = 100 + random.nextInt(50_000);
    }
    return RfmAnalysis.builder().bins(bins).segments(table).asOf(LocalDate.of(2025, 1, 1)).build()
        .run(TransactionSource.ofArrays(Currency.getInstance("EUR"), c, d, a));
  }

  private static TrafficSummary traffic(String path) {
    SortedMap<Integer, Long> visits = new TreeMap<>();
    for (int i = 1; i <= 10; i++) {
      visits.put(i, 100L / i);
    }
    return new TrafficSummary("access <b>.log", List.of(
        new DailyStats(LocalDate.of(2015, 5, 17), 30, 10, 8, 2),
        new DailyStats(LocalDate.of(2015, 5, 18), 20, 7, 6, 1),
        new DailyStats(LocalDate.of(2015, 5, 19), 25, 9, 9, 3)), List.of(
        new PageStats(path, 12, 5, 3, 2, 1, 4, Duration.ofSeconds(40)),
        new PageStats("/a", 7, 5, 3, 2, 1, 4, Duration.ofSeconds(40))), visits, 1_234);
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  private static int count(Document doc, String xpath) throws Exception {
    return ((Double) XPathFactory.newInstance().newXPath().evaluate("count(" + xpath + ")", doc,
        XPathConstants.NUMBER)).intValue();
  }

  @Test
  void scriptInASegmentNameAndInAPagePath_isEscaped_andNoRawScriptTagRemains() throws Exception {
    SegmentTable table = SegmentTable.builder(5).rule(SCRIPT, 4, 5, 4, 5, 1, 5)
        .rule("Tom & \"Jerry\" 'quoted'", 1, 3, 1, 5, 1, 5).build();
    String html = HtmlReport.builder(rfm(5, table, 200, 1)).title("Report " + SCRIPT).source("x" + SCRIPT + ".csv")
        .traffic(traffic("/search/" + SCRIPT)).build().toHtml();
    assertThat(html).doesNotContain("<script").doesNotContain("</script")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("/search/&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("access &lt;b&gt;.log")
        .contains("1,234 late hits")
        .contains("Tom &amp;");
    Document doc = parse(html);
    // the escaped strings come back verbatim as text
    assertThat(count(doc, "//*[local-name()='text' and contains(., '" + SCRIPT + "')]")).isGreaterThan(0);
    assertThat(count(doc, "//td[. = '" + SCRIPT + "']")).isEqualTo(1);
    assertThat(count(doc, "//*[local-name()='script']")).isZero();
    // tooltips: the same strings inside title elements of bars
    assertThat(count(doc, "//*[local-name()='rect']/*[local-name()='title' and starts-with(., '/search/"
        + SCRIPT + "')]")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 5, 7, 12, 100})
  void charts_haveOneCellPerScorePair_andTwoBarsPerSegment_andOneBarPerDayPageAndVisitCount(int bins)
      throws Exception {
    RfmResult rfm = rfm(bins, SegmentTable.builder(bins).rule("Top", bins, bins, 1, bins, 1, bins).build(), 400,
        bins);
    Document doc = parse(HtmlReport.builder(rfm).traffic(traffic("/p")).build().toHtml());
    assertThat(count(doc, "//*[@id='rfm-heatmap']//*[@class='cell']")).isEqualTo(bins * bins);
    assertThat(count(doc, "//*[@id='segments']//*[@class='bar']")).isEqualTo(2 * rfm.segments().size());
    assertThat(count(doc, "//*[@id='sessions-per-day']//*[@class='bar']")).isEqualTo(3);
    assertThat(count(doc, "//*[@id='top-pages']//*[@class='bar']")).isEqualTo(2);
    assertThat(count(doc, "//*[@id='return-visits']//*[@class='bar']")).isEqualTo(10);
    assertThat(count(doc, "//*[@id='pareto']//*[@class='marker']")).isEqualTo(1);
    assertThat(count(doc, "//*[local-name()='svg']")).isEqualTo(6);
  }

  @Test
  void heatMapCells_showTheMeanMonetaryOfTheirCustomers() throws Exception {
    RfmResult rfm = rfm(3, SegmentTable.builder(3).rule("All", 1, 3, 1, 3, 1, 3).build(), 90, 7);
    Document doc = parse(HtmlReport.builder(rfm).build().toHtml());
    for (int r = 1; r <= 3; r++) {
      for (int f = 1; f <= 3; f++) {
        String tip = rfm.heatMapMeanMonetary(r, f).map(m -> "mean monetary " + String.format(java.util.Locale.ROOT,
            "%,.2f EUR", m.setScale(2, java.math.RoundingMode.HALF_EVEN))).orElse("no customers");
        assertThat(count(doc, "//*[@id='rfm-heatmap']//*[@class='cell']/*[local-name()='title' and starts-with(., 'R "
            + r + ", F " + f + ":') and contains(., '" + tip + "')]")).as("cell %d,%d", r, f).isEqualTo(1);
      }
    }
  }

  @Test
  void withoutTraffic_onlyTheCustomerCharts_andThePageLoadsNothingFromOutside() throws Exception {
    String html = HtmlReport.builder(rfm(5, SegmentTable.defaults(), 300, 3)).build().toHtml();
    Document doc = parse(html);
    assertThat(count(doc, "//*[local-name()='svg']")).isEqualTo(3);
    assertThat(count(doc, "//*[@id='sessions-per-day']")).isZero();
    assertThat(count(doc, "//*[@src or @href]")).isZero();
    assertThat(count(doc, "//link | //img | //iframe | //object")).isZero();
    assertThat(html).doesNotContain("@import").doesNotContain("url(http").doesNotContain("@font-face");
    assertThat(html.replaceAll("xmlns=\"http://www\\.w3\\.org/[0-9]{4}/[a-z]+\"", "")).doesNotContain("http");
  }

  @Test
  void anEmptyAnalysis_stillRendersEveryChart() throws Exception {
    RfmResult empty = RfmAnalysis.builder().asOf(LocalDate.of(2025, 1, 1)).currency(Currency.getInstance("EUR"))
        .build().run(TransactionSource.ofArrays(Currency.getInstance("EUR"), new long[0], new int[0], new long[0]));
    Document doc = parse(HtmlReport.builder(empty).build().toHtml());
    assertThat(count(doc, "//*[@id='rfm-heatmap']//*[@class='cell']")).isEqualTo(25);
    assertThat(count(doc, "//*[@id='pareto']")).isEqualTo(1);
  }

  private static org.ecrm.tracking.session.Session session(String visitor, int index) {
    java.time.Instant t = java.time.Instant.parse("2015-05-17T10:00:00Z").plus(Duration.ofDays(index));
    return new org.ecrm.tracking.session.Session(visitor, index, t, t, 0, 0, 0, List.of(), "",
        org.ecrm.tracking.Campaign.NONE);
  }

  @Test
  void visitCounts_countSessionsPerVisitor_cappedAtTheLastBucket_andForgetErasedVisitors() {
    VisitCounts v = new VisitCounts();
    for (int i = 1; i <= 4; i++) {
      v.accept(session("a", i));
    }
    v.accept(session("b", 1));
    v.accept(session("b", 2));
    v.accept(session("c", 1));
    assertThat(v.visitors()).isEqualTo(3);
    assertThat(v.distribution(3)).containsExactly(java.util.Map.entry(1, 1L), java.util.Map.entry(2, 1L),
        java.util.Map.entry(3, 1L));
    assertThat(v.distribution(10).get(4)).isEqualTo(1L);
    assertThat(v.erase(java.util.Set.of("a", "zz"))).isEqualTo(4);
    assertThat(v.distribution(10).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
  }

  @Test
  void visitCounts_capTheDistribution_andRejectABadCap() {
    VisitCounts v = new VisitCounts();
    assertThat(v.distribution(3)).containsExactly(java.util.Map.entry(1, 0L), java.util.Map.entry(2, 0L),
        java.util.Map.entry(3, 0L));
    assertThatThrownBy(() -> v.distribution(1)).hasMessage("VisitCounts.cap: must be at least 2 '1'");
    assertThatThrownBy(() -> new TrafficSummary("x", List.of(), List.of(), new TreeMap<>()))
        .hasMessageStartingWith("TrafficSummary.visitorsBySessions: must start at 1 session");
  }
}
