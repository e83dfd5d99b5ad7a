package org.ecrm.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.engine.TransactionSource;
import org.ecrm.tracking.weblog.WebLogImport;
import org.ecrm.tracking.weblog.WebLogReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Headline tiles, migration, cohorts, lifetime value and traffic details on small hand-computed data. */
class HtmlReportSectionsTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final String SCRIPT = "<script>alert(1)</script>";

  /** Rows of (customer, yyyy-mm-dd, cents). */
  private static TransactionSource rows(Object... r) {
    int n = r.length / 3;
    long[] c = new long[n];
    int[] d = new int[n];
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      c[i] = ((Number) r[3 * i]).longValue();
      d[i] = (int) LocalDate.parse((String) r[3 * i + 1]).toEpochDay();
      a[i] = ((Number) r[3 * i + 2]).longValue();
    }
    return TransactionSource.ofArrays(EUR, c, d, a);
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  private static String text(Document doc, String xpath) throws Exception {
    return ((String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING)).strip();
  }

  private static int count(Document doc, String xpath) throws Exception {
    return ((Double) XPathFactory.newInstance().newXPath().evaluate("count(" + xpath + ")", doc,
        XPathConstants.NUMBER)).intValue();
  }

  private static String tile(Document doc, String label, String part) throws Exception {
    return text(doc, "//div[@class='tile'][div[@class='label']='" + label + "']/div[contains(@class,'" + part + "')]");
  }

  /*
   * Previous week 2024-01-01..07: c1 10.00 (01-01), c2 20.00 (01-03) and 30.00 (01-05): 3 orders, 2 customers,
   * 60.00, one repeat customer of two, median 20.00.
   * Report week 2024-01-08..14: c1 15.00 + 5.00 on 01-08 (one order of 20.00) and 40.00 on 01-10, a refund of
   * c2 (-10.00 on 01-09: revenue, no order), c4 60.00 (01-14): revenue 110.00, orders 3 (20, 40, 60),
   * customers 2 (c1, c4), repeat rate 1/2, median 40.00.
   */
  private static final Object[] WEEKS = {1, "2024-01-01", 1000, 2, "2024-01-03", 2000, 2, "2024-01-05", 3000,
      1, "2024-01-08", 1500, 1, "2024-01-08", 500, 1, "2024-01-10", 4000, 2, "2024-01-09", -1000,
      4, "2024-01-14", 6000};

  private static HtmlReport.Builder weeks(Purchases p) {
    RfmResult rfm = RfmAnalysis.builder().bins(2).segments(SegmentTable.builder(2).rule("All", 1, 2, 1, 2, 1, 2)
        .build()).asOf(LocalDate.of(2024, 1, 15)).build().run(p.tee(rows(WEEKS)));
    return HtmlReport.builder(rfm).purchases(p).clvMonths(0);
  }

  @Test
  void tiles_matchTheHandComputedFigures_andTheirChangeAgainstThePreviousWeek() throws Exception {
    Document doc = parse(weeks(new Purchases()).from(LocalDate.of(2024, 1, 8)).to(LocalDate.of(2024, 1, 14)).build()
        .toHtml());
    assertThat(tile(doc, "Customers", "value")).isEqualTo("2");
    assertThat(tile(doc, "Revenue", "value")).isEqualTo("110.00 EUR");
    assertThat(tile(doc, "Orders", "value")).isEqualTo("3");
    assertThat(tile(doc, "Repeat rate", "value")).isEqualTo("50.0 %");
    assertThat(tile(doc, "Median order value", "value")).isEqualTo("40.00 EUR");
    String vs = " vs 2024-01-01 – 2024-01-07";
    assertThat(tile(doc, "Customers", "delta")).isEqualTo("+0.0 %" + vs);
    assertThat(tile(doc, "Revenue", "delta")).isEqualTo("+83.3 %" + vs);
    assertThat(tile(doc, "Orders", "delta")).isEqualTo("+0.0 %" + vs);
    assertThat(tile(doc, "Repeat rate", "delta")).isEqualTo("+0.0 pts" + vs);
    assertThat(tile(doc, "Median order value", "delta")).isEqualTo("+100.0 %" + vs);
    assertThat(count(doc, "//div[@class='delta up']")).isEqualTo(2);
    // per week: the two weeks' revenue in the tooltips, money with two decimals and grouping
    assertThat(count(doc, "//*[@id='revenue-per-week']//*[@class='bar']")).isEqualTo(1);
    assertThat(text(doc, "//*[@id='revenue-per-week']//*[@class='bar']/*[local-name()='title']"))
        .isEqualTo("2024-W02: 110.00 EUR, 3 orders");
  }

  @Test
  void withoutEarlierData_orWithNone_thereIsNoChange_andTheNoteSaysWhy() throws Exception {
    Document whole = parse(weeks(new Purchases()).build().toHtml());
    assertThat(tile(whole, "Revenue", "value")).isEqualTo("170.00 EUR");
    assertThat(tile(whole, "Orders", "value")).isEqualTo("6");
    assertThat(tile(whole, "Median order value", "value")).isEqualTo("25.00 EUR");
    assertThat(count(whole, "//div[contains(@class,'delta')]")).isZero();
    assertThat(text(whole, "//section[@id='headline']/p[1]")).contains("no comparison: the data start on 2024-01-01");
    Document none = parse(weeks(new Purchases()).from(LocalDate.of(2024, 1, 8)).compare(HtmlReport.Comparison.NONE)
        .build().toHtml());
    assertThat(count(none, "//div[contains(@class,'delta')]")).isZero();
    Document year = parse(weeks(new Purchases()).from(LocalDate.of(2024, 1, 8)).compare(HtmlReport.Comparison.YEAR)
        .build().toHtml());
    assertThat(count(year, "//div[contains(@class,'delta')]")).isZero();
    assertThatThrownBy(() -> weeks(new Purchases()).from(LocalDate.of(2024, 1, 9)).to(LocalDate.of(2024, 1, 8))
        .build()).hasMessageContaining("the period starts after it ends: 2024-01-09 > 2024-01-08");
    assertThatThrownBy(() -> weeks(new Purchases()).migrationFrom(LocalDate.of(2024, 1, 15)).build())
        .hasMessageContaining("must be before the as-of date 2024-01-15");
  }

  /*
   * Two bins, "High" = R 2 and "Low" = R 1 (recency splits the customers in halves).
   * On 2024-01-10: c1 (01-09), c3 (01-08) High; c5 (01-02), c2 (01-01) Low; c4 and c6 absent.
   * On 2024-02-01: c1 (01-31), c5 (01-30), c6 (01-21) High; c4 (01-20), c3, c2 Low.
   */
  @Test
  void migrationMatrix_countsWhoMovedWhere() throws Exception {
    Purchases p = new Purchases();
    SegmentTable table = SegmentTable.builder(2).rule("High", 2, 2, 1, 2, 1, 2).rule("Low", 1, 1, 1, 2, 1, 2).build();
    RfmResult rfm = RfmAnalysis.builder().bins(2).segments(table).asOf(LocalDate.of(2024, 2, 1)).build()
        .run(p.tee(rows(1, "2024-01-09", 100, 3, "2024-01-08", 100, 5, "2024-01-02", 100, 2, "2024-01-01", 100,
            1, "2024-01-31", 100, 5, "2024-01-30", 100, 6, "2024-01-21", 100, 4, "2024-01-20", 100)));
    Document doc = parse(HtmlReport.builder(rfm).purchases(p).clvMonths(0).migrationFrom(LocalDate.of(2024, 1, 10))
        .build().toHtml());
    assertThat(text(doc, "//table[@id='migration']/thead/tr")).contains("High").contains("Low");
    String row = "//table[@id='migration']/tbody/tr[td[1]='%s']/td[%d]";
    // columns: 1 = from, 2 = High, 3 = Low, 4 = total
    assertThat(text(doc, row.formatted("High", 2))).isEqualTo("1");
    assertThat(text(doc, row.formatted("High", 3))).isEqualTo("1");
    assertThat(text(doc, row.formatted("Low", 2))).isEqualTo("1");
    assertThat(text(doc, row.formatted("Low", 3))).isEqualTo("1");
    assertThat(text(doc, row.formatted("(absent)", 2))).isEqualTo("1");
    assertThat(text(doc, row.formatted("(absent)", 3))).isEqualTo("1");
    assertThat(text(doc, row.formatted("(absent)", 4))).isEqualTo("2");
    assertThat(count(doc, "//table[@id='migration']/tbody/tr")).isEqualTo(3);
  }

  /*
   * c1: Jan, Feb, Mar; c2: Jan, Mar; c3: Feb; c4: Feb (twice), Mar.
   * Cohort 2024-01 = {c1, c2}: M1 (Feb) c1 = 50 %, M2 (Mar) c1, c2 = 100 %.
   * Cohort 2024-02 = {c3, c4}: M1 (Mar) c4 = 50 %.
   */
  @Test
  void cohorts_countCustomersByFirstMonth_andTheShareOrderingInLaterMonths() throws Exception {
    Purchases p = new Purchases();
    RfmResult rfm = RfmAnalysis.builder().bins(2).segments(SegmentTable.builder(2).rule("All", 1, 2, 1, 2, 1, 2)
        .build()).asOf(LocalDate.of(2024, 3, 16)).build().run(p.tee(rows(1, "2024-01-05", 100, 1, "2024-02-10", 100,
        1, "2024-03-01", 100, 2, "2024-01-20", 100, 2, "2024-03-15", 100, 3, "2024-02-02", 100, 4, "2024-02-03", 100,
        4, "2024-02-20", 100, 4, "2024-03-03", 100)));
    Document doc = parse(HtmlReport.builder(rfm).purchases(p).clvMonths(0).build().toHtml());
    String row = "//table[@id='cohorts']/tbody/tr[td[1]='%s']/td[%d]";
    assertThat(count(doc, "//table[@id='cohorts']/tbody/tr")).isEqualTo(2);
    assertThat(text(doc, row.formatted("2024-01", 2))).isEqualTo("2");
    assertThat(text(doc, row.formatted("2024-01", 3))).isEqualTo("100 %");
    assertThat(text(doc, row.formatted("2024-01", 4))).isEqualTo("50 %");
    assertThat(text(doc, row.formatted("2024-01", 5))).isEqualTo("100 %");
    assertThat(text(doc, row.formatted("2024-02", 2))).isEqualTo("2");
    assertThat(text(doc, row.formatted("2024-02", 4))).isEqualTo("50 %");
    assertThat(text(doc, row.formatted("2024-02", 5))).isEmpty();
    // 71 days: per week
    assertThat(count(doc, "//*[@id='orders-per-week']//*[@class='bar']")).isEqualTo(11);
    // the period 2024-01-05 – 2024-03-15 starts and ends inside a week: both marked
    assertThat(text(doc, "(//*[@id='orders-per-week']//*[@class='bar'])[1]/*[local-name()='title']"))
        .isEqualTo("2024-W01*: 1.00 EUR, 1 orders (only 2024-01-05 – 2024-01-07 in the period)");
    assertThat(text(doc, "(//*[@id='orders-per-week']//*[@class='bar'])[11]/*[local-name()='title']"))
        .endsWith("(only 2024-03-11 – 2024-03-15 in the period)");
    assertThat(text(doc, "(//*[@id='orders-per-week']//*[@class='bar'])[2]/*[local-name()='title']"))
        .isEqualTo("2024-W02: 0.00 EUR, 0 orders");
  }

  @Test
  void defaultSegments_markTheThreeThatCanNeverMatch_withTheReason_orHideThem() throws Exception {
    Purchases p = new Purchases();
    List<Object> r = new ArrayList<>();
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 600; i++) {
      r.add(1 + random.nextInt(200));
      r.add(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)).toString());
      r.add(100 + random.nextInt(20_000));
    }
    RfmResult rfm = RfmAnalysis.builder().asOf(LocalDate.of(2024, 1, 1)).build().run(p.tee(rows(r.toArray())));
    Document shown = parse(HtmlReport.builder(rfm).purchases(p).build().toHtml());
    String row = "//table[@id='segment-table']/tbody/tr[td[1]=\"%s\"]/td[%d]";
    assertThat(text(shown, row.formatted("New Customers", 6)))
        .isEqualTo("can never match: every cell of its box is taken by earlier rules (Potential Loyalist)");
    assertThat(text(shown, row.formatted("Can't Lose Them", 6)))
        .isEqualTo("can never match: every cell of its box is taken by earlier rules (At Risk)");
    assertThat(text(shown, row.formatted("Champions", 2))).isEqualTo("R 4–5 · F 4–5 · M 4–5");
    assertThat(text(shown, row.formatted("Champions", 6))).isEmpty();
    assertThat(count(shown, "//table[@id='segment-table']/tbody/tr[starts-with(td[6], 'can never match')]"))
        .isEqualTo(3);
    Document hidden = parse(HtmlReport.builder(rfm).purchases(p).hideUnmatchableSegments(true).build().toHtml());
    assertThat(count(hidden, "//table[@id='segment-table']/tbody/tr[td[1]='Promising']")).isZero();
    assertThat(count(hidden, "//*[@id='segments']//*[@class='bar']")).isEqualTo(2 * (rfm.segments().size() - 3));
    assertThat(text(hidden, "//section[@id='customers']//p[@class='note']")).startsWith("Hidden: New Customers, "
        + "Promising, Can't Lose Them");
    // lifetime value on 200 customers: parameters stated, a row per segment, top customers, P(alive) bars
    assertThat(text(shown, "//section[@id='clv']/p[1]")).contains("BG/NBD r = ").contains("Gamma-Gamma p = ");
    assertThat(count(shown, "//table[@id='clv-top']/tbody/tr")).isEqualTo(15);
    assertThat(count(shown, "//*[@id='p-alive']//*[@class='bar']")).isEqualTo(10);
    assertThat(text(shown, "//table[@id='clv-top']/tbody/tr[1]/td[5]")).matches("[0-9,]+\\.[0-9]{2} EUR");
  }

  @Test
  void trafficDetails_countAndEscapeReferrersCampaignsPagesStatusesAndAgents() throws Exception {
    String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 "
        + "Safari/537.36";
    String log = String.join("\n",
        line("1.1.1.1", "10:00:00", "/a?utm_source=news&utm_medium=email&utm_campaign=" + "%3Cscript%3E", 200,
            "http://www.Example.com/x", ua),
        line("1.1.1.1", "10:01:00", "/b", 200, "http://example.com/a", ua),
        line("2.2.2.2", "11:00:00", "/search/" + SCRIPT, 404, "-", IPHONE),
        line("2.2.2.2", "11:05:00", "/d", 200, "-", IPHONE),
        line("3.3.3.3", "12:00:00", "/a", 200, "http://" + SCRIPT + "/", "Googlebot/2.1 (+http://www.google.com/bot)"),
        line("4.4.4.4", "23:30:00", "/a", 200, "https://google.de/", "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) "
            + "Gecko/20100101 Firefox/120.0")) + "\n";
    WebDetails details = new WebDetails(ZoneOffset.UTC);
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    WebLogImport.builder().sessionSink(details).build().run(new ByteArrayInputStream(bytes));
    WebLogReader.builder().build().read(new ByteArrayInputStream(bytes), details::record, e -> { });
    Purchases p = new Purchases();
    RfmResult rfm = RfmAnalysis.builder().asOf(LocalDate.of(2024, 1, 15)).build().run(p.tee(rows(WEEKS)));
    String html = HtmlReport.builder(rfm).purchases(p).webDetails(details).title(SCRIPT).build().toHtml();
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
    Document doc = parse(html);
    assertThat(count(doc, "//script")).isZero();
    String cell = "//table[@id='%s']/tbody/tr[td[1]=\"%s\"]/td[2]";
    assertThat(text(doc, cell.formatted("referrers", "example.com"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("referrers", "(direct)"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("referrers", "google.de"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("utm-sources", "news / email"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("utm-campaigns", "<script>"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("status-codes", "200"))).isEqualTo("5");
    assertThat(text(doc, cell.formatted("status-codes", "404"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("not-found", "/search/" + SCRIPT))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("entry-pages", "/a"))).isEqualTo("2");
    assertThat(text(doc, "//table[@id='entry-pages']/tbody/tr[td[1]='/a']/td[3]")).isEqualTo("50.0 %");
    assertThat(text(doc, cell.formatted("exit-pages", "/b"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("browsers", "Chrome"))).isEqualTo("2");
    assertThat(text(doc, cell.formatted("browsers", "Firefox"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("browsers", "Safari"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("systems", "iOS"))).isEqualTo("1");
    assertThat(text(doc, cell.formatted("systems", "Windows"))).isEqualTo("2");
    assertThat(text(doc, cell.formatted("systems", "Linux"))).isEqualTo("1");
    // 2015-05-17 is a Sunday: sessions at 10 h and 23 h
    assertThat(text(doc, "//*[@id='hour-heatmap']//*[@class='cell']/*[local-name()='title' and starts-with(., "
        + "'Sun 10:00')]")).endsWith(": 1 sessions");
    assertThat(text(doc, "//*[@id='hour-heatmap']//*[@class='cell']/*[local-name()='title' and starts-with(., "
        + "'Sun 23:00')]")).endsWith(": 1 sessions");
    assertThat(count(doc, "//*[@id='hour-heatmap']//*[@class='cell']")).isEqualTo(7 * 24);
    assertThat(tile(doc, "Sessions", "value")).isEqualTo("3");
    assertThat(tile(doc, "Visitors", "value")).isEqualTo("3");
    assertThat(tile(doc, "Bounce rate", "value")).isEqualTo("66.7 %");
  }

  private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1 " + SCRIPT;

  private static String line(String ip, String time, String path, int status, String referrer, String ua) {
    return ip + " - - [17/May/2015:" + time + " +0000] \"GET " + path + " HTTP/1.1\" " + status + " 10 \"" + referrer
        + "\" \"" + ua + "\"";
  }

  @Test
  void userAgents_andReferrers_areClassified() {
    assertThat(WebDetails.browser("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120 Safari/537.36 "
        + "Edg/120")).isEqualTo("Edge");
    assertThat(WebDetails.browser("Mozilla/5.0 (Macintosh) AppleWebKit/605 Version/17 Safari/605")).isEqualTo("Safari");
    assertThat(WebDetails.browser("Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1)")).isEqualTo("Internet Explorer");
    assertThat(WebDetails.browser("curl/8.0")).isEqualTo("Tools (curl, wget, scripts)");
    assertThat(WebDetails.browser("Tiny Tiny RSS/1.11 (http://tt-rss.org/)")).isEqualTo("Feed readers");
    assertThat(WebDetails.browser("-")).isEqualTo("(none)");
    assertThat(WebDetails.system("Mozilla/5.0 (Linux; Android 14) Chrome/120")).isEqualTo("Android");
    assertThat(WebDetails.system("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15)")).isEqualTo("macOS");
    assertThat(WebDetails.referrerDomain("https://WWW.Google.com/search?q=x")).isEqualTo("google.com");
    assertThat(WebDetails.referrerDomain("")).isEqualTo("(direct)");
    assertThat(WebDetails.referrerDomain("not a url")).isEqualTo("(other)");
    assertThat(WebDetails.referrerDomain("http://x.example/<b>")).isEqualTo("(unreadable referrer)");
  }
}
