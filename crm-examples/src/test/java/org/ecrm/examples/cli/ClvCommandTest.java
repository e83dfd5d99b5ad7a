package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ecrm.examples.cli.CliTestSupport.run;
import static org.ecrm.examples.cli.CliTestSupport.utf8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.examples.cli.CliTestSupport.Run;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.TransactionSources;
import org.ecrm.segmentation.clv.BgNbdFitter;
import org.ecrm.segmentation.clv.BgNbdModel;
import org.ecrm.segmentation.clv.BgNbdParameters;
import org.ecrm.segmentation.clv.CustomerLifetimeValue;
import org.ecrm.segmentation.clv.CustomerSummary;
import org.ecrm.segmentation.clv.GammaGammaFitter;
import org.ecrm.segmentation.clv.GammaGammaModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code ecrm clv} on the CDNOW sample (2,357 customers, calibration to 1997-09-30, weeks): the published
 * BG/NBD, Pareto/NBD and Gamma-Gamma parameters, and the same numbers as the library's own fitters.
 */
class ClvCommandTest {
  /** The CDNOW sample that crm-segmentation's CLV tests use (MIT, with its licence next to it). */
  private static final Path CDNOW = Path.of("../crm-segmentation/src/test/resources/org/ecrm/segmentation/clv/"
      + "CDNOW_sample.txt");
  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  @TempDir
  static Path dir;

  private static Path transactions;

  /** CDNOW_sample (master id, sample id, yyyyMMdd, CDs, dollars) as customer_id,date,amount by sample id. */
  @BeforeAll
  static void cdnowAsTransactionCsv() throws IOException {
    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
    for (String line : Files.readAllLines(CDNOW, StandardCharsets.US_ASCII)) {
      String[] c = line.strip().split("\\s+");
      if (c.length == 5) {
        csv.append(Integer.parseInt(c[1])).append(',').append(c[2], 0, 4).append('-').append(c[2], 4, 6).append('-')
            .append(c[2], 6, 8).append(',').append(c[4]).append('\n');
      }
    }
    transactions = dir.resolve("cdnow.csv");
    Files.writeString(transactions, csv);
  }

  /** What the library computes itself on the same file, by customer id, in the library's order. */
  private static Map<String, CustomerSummary> librarySummaries() {
    Map<String, CustomerSummary> out = new LinkedHashMap<>();
    for (BtydCustomer c : CustomerBaseSummary.builder().calibrationEnd(CALIBRATION_END).unit(PeriodUnit.WEEKS).build()
        .summarize(TransactionSources.csv(transactions, CsvFormat.defaults(java.util.Currency.getInstance("USD"))))
        .customers()) {
      out.put(String.valueOf(c.customer()),
          new CustomerSummary(c.frequency(), c.recency(), c.t(), c.monetaryValue().doubleValue()));
    }
    return out;
  }

  @Test
  void bgNbd_json_matchesThePublishedParameters_andTheLibrarysOwnFit() {
    Run r = run("clv", "--currency", "USD", "--calibration-end", "1997-09-30", "--format", "json",
        transactions.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("unit").asString()).isEqualTo("weeks");
    assertThat(json.get("currency").asString()).isEqualTo("USD");
    assertThat(json.get("horizonMonths").asInt()).isEqualTo(12);
    assertThat(json.get("customerCount").asInt()).isEqualTo(2357);
    JsonNode pm = json.get("purchaseModel");
    assertThat(pm.get("model").asString()).isEqualTo("bg-nbd");
    JsonNode p = pm.get("parameters");
    // Fader, Hardie & Lee (2005) on CDNOW: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4
    assertThat(p.get("r").asDouble()).isCloseTo(0.243, within(0.001));
    assertThat(p.get("alpha").asDouble()).isCloseTo(4.414, within(0.001));
    assertThat(p.get("a").asDouble()).isCloseTo(0.793, within(0.001));
    assertThat(p.get("b").asDouble()).isCloseTo(2.426, within(0.001));
    assertThat(pm.get("logLikelihood").asDouble()).isCloseTo(-9582.43, within(0.05));
    assertThat(pm.get("customers").asDouble()).isEqualTo(2357);
    JsonNode gg = json.get("spendModel").get("parameters");
    // Fader, Hardie & Lee, "RFM and CLV": p = 6.25, q = 3.74, gamma = 15.44
    assertThat(gg.get("p").asDouble()).isCloseTo(6.25, within(0.02));
    assertThat(gg.get("q").asDouble()).isCloseTo(3.74, within(0.02));
    assertThat(gg.get("gamma").asDouble()).isCloseTo(15.44, within(0.05));

    // the library's own fitters on the library's own summary give the same numbers
    Map<String, CustomerSummary> byId = librarySummaries();
    List<CustomerSummary> base = List.copyOf(byId.values());
    BgNbdModel bg = BgNbdFitter.builder().build().fit(base);
    BgNbdParameters lib = bg.parameters();
    assertThat(p.get("r").asDouble()).isCloseTo(lib.r(), within(1e-12));
    assertThat(p.get("alpha").asDouble()).isCloseTo(lib.alpha(), within(1e-12));
    assertThat(p.get("a").asDouble()).isCloseTo(lib.a(), within(1e-12));
    assertThat(p.get("b").asDouble()).isCloseTo(lib.b(), within(1e-12));
    GammaGammaModel spend = GammaGammaFitter.builder().build()
        .fit(base.stream().filter(s -> s.frequency() > 0 && s.monetary() > 0).toList());
    assertThat(gg.get("p").asDouble()).isCloseTo(spend.parameters().p(), within(1e-12));
    assertThat(gg.get("q").asDouble()).isCloseTo(spend.parameters().q(), within(1e-12));
    CustomerLifetimeValue clv = CustomerLifetimeValue.builder().purchaseModel(bg).spendModel(spend).build();

    JsonNode customers = json.get("customers");
    assertThat(customers.size()).isEqualTo(2357);
    double previous = Double.POSITIVE_INFINITY;
    int rank = 1;
    for (JsonNode c : customers) {
      assertThat(c.get("rank").asInt()).isEqualTo(rank++);
      assertThat(c.get("clv").asDouble()).isLessThanOrEqualTo(previous);
      previous = c.get("clv").asDouble();
      CustomerSummary s = byId.get(c.get("customer_id").asString());
      assertThat(c.get("frequency").asDouble()).isEqualTo(s.frequency());
      assertThat(c.get("expected_purchases").asDouble())
          .isCloseTo(bg.conditionalExpectedPurchases(12 * 4.345, s), within(1e-9));
      assertThat(c.get("p_alive").asDouble()).isCloseTo(bg.probabilityAlive(s), within(1e-9));
      assertThat(c.get("expected_average_spend").asDouble())
          .isCloseTo(spend.conditionalExpectedAverageProfit(s), within(1e-9));
      assertThat(c.get("clv").asDouble()).isCloseTo(clv.value(s), within(1e-9));
    }
  }

  @Test
  void paretoNbd_csvAndJson_topCustomersOnly() {
    Run json = run("clv", "--currency", "USD", "--calibration-end", "1997-09-30", "--model", "pareto-nbd",
        "--top", "3", "--format", "json", transactions.toString());
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode p = json.json().get("purchaseModel").get("parameters");
    // Pareto/NBD on CDNOW (lifetimes, BTYD): r = 0.553, alpha = 10.58, s = 0.606, beta = 11.67
    assertThat(p.get("r").asDouble()).isCloseTo(0.553, within(0.001));
    assertThat(p.get("alpha").asDouble()).isCloseTo(10.58, within(0.01));
    assertThat(p.get("s").asDouble()).isCloseTo(0.606, within(0.001));
    assertThat(p.get("beta").asDouble()).isCloseTo(11.67, within(0.01));
    assertThat(json.json().get("customers").size()).isEqualTo(3);
    assertThat(json.json().get("customerCount").asInt()).isEqualTo(2357);

    Run csv = run(CliTestSupport.gzip(read(transactions)), "clv", "--currency", "USD", "--calibration-end",
        "1997-09-30", "--model", "pareto-nbd", "--top", "3", "--format", "csv", "-");
    assertThat(csv.code()).as(csv.err()).isZero();
    List<String> lines = csv.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("rank,customer_id,frequency,recency,T,monetary_value,expected_purchases,"
        + "p_alive,expected_average_spend,clv");
    for (int i = 1; i <= 3; i++) {
      String[] cells = lines.get(i).split(",");
      JsonNode c = json.json().get("customers").get(i - 1);
      assertThat(cells[0]).isEqualTo(String.valueOf(i));
      assertThat(cells[1]).isEqualTo(c.get("customer_id").asString());
      assertThat(Double.parseDouble(cells[9])).isCloseTo(c.get("clv").asDouble(), within(1e-6));
    }
  }

  @Test
  void table_showsTheParametersAndTheMostValuableCustomers() {
    Run r = run("clv", "--currency", "USD", "--calibration-end", "1997-09-30", "--top", "5", "--horizon", "6",
        transactions.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("CLV of 2,357 customers, calibration to 1997-09-30 (weeks), 6 months at 0.01 a month, USD")
        .contains("bg-nbd: r=0.2425").contains("gamma-gamma: p=6.24").contains("rank customer");
    assertThat(r.out().lines().count()).isEqualTo(4 + 5);
  }

  @Test
  void negativeMeanSpend_rejectsTheCustomer_tooFewCustomers_exitOne_badOptions_exitTwo() throws IOException {
    String withRefund = read(transactions) + "9999,1997-01-05,10.00\n9999,1997-02-01,-50.00\n";
    Run r = run(utf8(withRefund), "clv", "--currency", "USD", "--calibration-end", "1997-09-30", "--top", "1", "-");
    assertThat(r.code()).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(r.err()).contains("stdin: customer 9999: mean repeat spend is negative (refunds exceed purchases): -50");
    assertThat(r.out()).contains("CLV of 2,357 customers");
    assertThat(run(utf8(withRefund), "clv", "--currency", "USD", "--calibration-end", "1997-09-30", "--top", "1",
        "--max-rejects", "1", "-").code()).isZero();

    Run few = run(utf8(CliTestSupport.TRANSACTIONS.lines().limit(6).reduce("", (a, b) -> a + b + "\n")), "clv",
        "--currency", "EUR", "--calibration-end", "2024-01-15", "-");
    assertThat(few.code()).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(few.err()).contains("ecrm clv: stdin: cannot fit bg-nbd: ");
    for (String[] bad : new String[][] {{"--model", "magic"}, {"--horizon", "0"}, {"--discount-rate", "-0.1"},
        {"--penalizer", "NaN"}, {"--top", "-1"}, {"--unit", "years"}}) {
      List<String> args = new ArrayList<>(List.of("clv", "--currency", "USD", "--calibration-end", "1997-09-30"));
      args.addAll(List.of(bad));
      args.add(transactions.toString());
      assertThat(run(args.toArray(String[]::new)).code()).as(String.join(" ", bad)).isEqualTo(CrmCli.USAGE);
    }
    assertThat(run("clv", "--currency", "USD", transactions.toString()).err()).contains("--calibration-end");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
