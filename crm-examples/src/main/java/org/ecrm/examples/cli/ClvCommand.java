package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.ecrm.core.io.SafeText;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.clv.BgNbdFitter;
import org.ecrm.segmentation.clv.BgNbdModel;
import org.ecrm.segmentation.clv.CustomerLifetimeValue;
import org.ecrm.segmentation.clv.CustomerSummary;
import org.ecrm.segmentation.clv.FitSummary;
import org.ecrm.segmentation.clv.GammaGammaFitter;
import org.ecrm.segmentation.clv.GammaGammaModel;
import org.ecrm.segmentation.clv.GammaGammaParameters;
import org.ecrm.segmentation.clv.ModelFitException;
import org.ecrm.segmentation.clv.ParetoNbdFitter;
import org.ecrm.segmentation.clv.ParetoNbdModel;
import org.ecrm.segmentation.clv.PurchaseModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

/**
 * {@code ecrm clv}: customer lifetime value from a transaction CSV. Summarises the calibration period
 * (as {@code ecrm summary}), fits BG/NBD or Pareto/NBD and Gamma-Gamma by maximum likelihood, and prints
 * the fitted parameters and, per customer, the expected purchases over the horizon, P(alive), the
 * expected average spend and the discounted CLV, most valuable first.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = {"Estimates customer lifetime value from a transaction CSV. It summarises the calibration "
        + "period (as summary does), fits a purchase model (BG/NBD or Pareto/NBD) and the Gamma-Gamma spend "
        + "model, and prints the fitted parameters and, per customer, the expected purchases over the "
        + "horizon, the probability of being alive, the expected spend per purchase and the discounted "
        + "value, most valuable customer first.",
        "Customers whose mean repeat spend is negative are rejected. The spend model is fitted on repeat "
        + "customers with a positive mean spend. The exit code is 1 when a model cannot be fitted or more "
        + "rows were rejected than --max-rejects allows."})
final class ClvCommand implements Callable<Integer> {
  /** Weeks in a month, as {@link CustomerLifetimeValue}'s default and the lifetimes package use. */
  static final double WEEKS_PER_MONTH = 4.345;
  /** Days in a month, as the lifetimes package uses. */
  static final double DAYS_PER_MONTH = 30;

  /** The purchase models. */
  enum Model {
    /** BG/NBD (Fader, Hardie and Lee 2005). */
    BG_NBD("bg-nbd"),
    /** Pareto/NBD (Schmittlein, Morrison and Colombo 1987). */
    PARETO_NBD("pareto-nbd");

    final String label;

    Model(String label) {
      this.label = label;
    }
  }

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  TransactionInput input;

  @Mixin
  SummaryCommand.BtydOptions btyd;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "bg-nbd",
      description = "Purchase model: bg-nbd or pareto-nbd (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--horizon", paramLabel = "MONTHS", defaultValue = "12",
      description = "Prediction horizon in months, 1 to 1200 (default: ${DEFAULT-VALUE}).")
  int horizonMonths;

  @Option(names = "--discount-rate", paramLabel = "RATE", defaultValue = "0.01",
      description = "Monthly discount rate of the value, 0 or more (default: ${DEFAULT-VALUE}).")
  double discountRate;

  @Option(names = "--penalizer", paramLabel = "X", defaultValue = "0",
      description = "L2 penalty on the fitted parameters, 0 or more (default: ${DEFAULT-VALUE}).")
  double penalizer;

  @Option(names = "--top", paramLabel = "N", defaultValue = "0",
      description = "Print only the N most valuable customers (default: 0, every customer).")
  int top;

  @Mixin
  OutputOptions output;

  @Mixin
  Rejects rejects;

  @Mixin
  CommonOptions common;

  /** One customer's predictions. */
  record Prediction(String customer, CustomerSummary summary, double purchases, double alive, double spend,
      double value) {
  }

  /** The fitted models and the predictions, most valuable first. */
  record Fit(Model model, PurchaseModel purchases, GammaGammaModel spend, int spendCustomers,
      List<Prediction> predictions) {
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    common.check(cl);
    output.check(cl);
    input.checkInput(cl);
    PeriodUnit unit = btyd.unit(cl);
    Model m = switch (model.toLowerCase(Locale.ROOT)) {
      case "bg-nbd", "bgnbd" -> Model.BG_NBD;
      case "pareto-nbd", "paretonbd" -> Model.PARETO_NBD;
      default -> throw new CommandLine.ParameterException(cl, "--model must be bg-nbd or pareto-nbd: "
          + SafeText.abbreviate(model));
    };
    if (horizonMonths < 1 || horizonMonths > 1200) {
      throw new CommandLine.ParameterException(cl, "--horizon must be 1 to 1200 months: " + horizonMonths);
    }
    if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
      throw new CommandLine.ParameterException(cl, "--discount-rate must be 0 or more: " + discountRate);
    }
    if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
      throw new CommandLine.ParameterException(cl, "--penalizer must be 0 or more: " + penalizer);
    }
    if (top < 0) {
      throw new CommandLine.ParameterException(cl, "--top must not be negative: " + top);
    }
    rejects.check(cl);
    Outputs.refuseInput(cl, "--out", output.out, input.file);
    Outputs.refuseInput(cl, "--rejects", rejects.file, input.file, output.out);
    Outputs.oneStdout(cl, "--out", output.target(), "--rejects", String.valueOf(rejects.file));
    double periodsPerMonth = unit == PeriodUnit.WEEKS ? WEEKS_PER_MONTH : DAYS_PER_MONTH;
    AtomicReference<String> phase = new AtomicReference<>("reading " + SafeText.abbreviate(input.name(), 40));
    CustomerBaseSummary.Result summary;
    Fit fit;
    try (Ticker t = common.ticker(phase::get)) {
      summary = btyd.summarize(cl, "clv", input, rejects);
      common.note("%s: %,d customers summarised, %.1f s", SafeText.abbreviate(input.name()),
          summary.customers().size(), common.elapsedSeconds());
      fit = fit(m, summary.customers(), periodsPerMonth, phase);
    }
    common.note("%s fitted in %.1f s (%s); Gamma-Gamma on %,d repeat customers", m.label, common.elapsedSeconds(),
        fitNote(fit.purchases()), fit.spendCustomers());
    List<Prediction> shown = top > 0 && top < fit.predictions().size() ? fit.predictions().subList(0, top)
        : fit.predictions();
    output.write(cl, w -> {
      switch (output.format) {
        case TABLE -> table(w, fit, shown, summary, unit, periodsPerMonth);
        case CSV -> csv(w, shown);
        case JSON -> json(w, fit, shown, summary, unit, periodsPerMonth);
      }
    });
    return rejects.finish("clv", cl.getErr());
  }

  private Fit fit(Model m, List<BtydCustomer> customers, double periodsPerMonth, AtomicReference<String> phase) {
    List<String> ids = new ArrayList<>(customers.size());
    List<CustomerSummary> rows = new ArrayList<>(customers.size());
    List<CustomerSummary> repeat = new ArrayList<>();
    for (BtydCustomer c : customers) {
      String id = String.valueOf(c.customer());
      if (c.monetaryValue().signum() < 0) {
        rejects.add(input.name(), 0, "", "customer " + SafeText.abbreviate(id, 40)
            + ": mean repeat spend is negative (refunds exceed purchases): " + c.monetaryValue().toPlainString(), "");
        continue;
      }
      CustomerSummary s = new CustomerSummary(c.frequency(), c.recency(), c.t(), c.monetaryValue().doubleValue());
      ids.add(id);
      rows.add(s);
      if (s.frequency() > 0 && s.monetary() > 0) {
        repeat.add(s);
      }
    }
    String where = "clv: " + SafeText.abbreviate(input.name()) + ": ";
    PurchaseModel purchases;
    phase.set("fitting " + m.label + " to " + String.format(Locale.ROOT, "%,d", rows.size()) + " customers");
    try {
      purchases = m == Model.BG_NBD ? BgNbdFitter.builder().penalizer(penalizer).build().fit(rows)
          : ParetoNbdFitter.builder().penalizer(penalizer).build().fit(rows);
    } catch (ModelFitException | IllegalArgumentException e) {
      throw new BadInputException(where + "cannot fit " + m.label + ": " + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
    phase.set("fitting Gamma-Gamma to " + String.format(Locale.ROOT, "%,d", repeat.size()) + " repeat customers");
    GammaGammaModel spend;
    try {
      spend = GammaGammaFitter.builder().penalizer(penalizer).build().fit(repeat);
    } catch (ModelFitException | IllegalArgumentException e) {
      throw new BadInputException(where + "cannot fit Gamma-Gamma: " + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
    if (spend.parameters().q() <= 1) {
      throw new BadInputException(where + "the Gamma-Gamma fit has q = " + spend.parameters().q()
          + " (at most 1: the mean spend is unbounded), so no value can be predicted");
    }
    CustomerLifetimeValue clv = CustomerLifetimeValue.builder().purchaseModel(purchases).spendModel(spend)
        .horizonMonths(horizonMonths).monthlyDiscountRate(discountRate).periodsPerMonth(periodsPerMonth).build();
    double horizon = horizonMonths * periodsPerMonth;
    List<Prediction> predictions = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      if (i % 1000 == 0) {
        phase.set(String.format(Locale.ROOT, "predicting %,d of %,d customers", i, rows.size()));
      }
      CustomerSummary s = rows.get(i);
      try {
        predictions.add(new Prediction(ids.get(i), s, purchases.conditionalExpectedPurchases(horizon, s),
            purchases.probabilityAlive(s), spend.conditionalExpectedAverageProfit(s), clv.value(s)));
      } catch (ArithmeticException e) {
        rejects.add(input.name(), 0, "", "customer " + SafeText.abbreviate(ids.get(i), 40) + ": no prediction: "
            + SafeText.abbreviate(String.valueOf(e.getMessage())), "");
      }
    }
    // most valuable first; the customer order of the summary breaks ties (the sort is stable)
    predictions.sort(Comparator.comparingDouble((Prediction p) -> p.value()).reversed());
    return new Fit(m, purchases, spend, repeat.size(), List.copyOf(predictions));
  }

  /** The purchase model's parameters by name, in the order of the literature. */
  static Map<String, Double> parameters(PurchaseModel model) {
    if (model instanceof BgNbdModel bg) {
      var p = bg.parameters();
      return orderedMap("r", p.r(), "alpha", p.alpha(), "a", p.a(), "b", p.b());
    }
    var p = ((ParetoNbdModel) model).parameters();
    return orderedMap("r", p.r(), "alpha", p.alpha(), "s", p.s(), "beta", p.beta());
  }

  private static Map<String, Double> orderedMap(Object... kv) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }

  private static java.util.Optional<FitSummary> fitSummary(PurchaseModel model) {
    return model instanceof BgNbdModel bg ? bg.fitSummary() : ((ParetoNbdModel) model).fitSummary();
  }

  private static String fitNote(PurchaseModel model) {
    return fitSummary(model).map(f -> String.format(Locale.ROOT, "log-likelihood %.4f, %d evaluations",
        f.logLikelihood(), f.evaluations())).orElse("given parameters");
  }

  private void table(Writer w, Fit fit, List<Prediction> shown, CustomerBaseSummary.Result summary, PeriodUnit unit,
      double periodsPerMonth) throws IOException {
    String u = unit.name().toLowerCase(Locale.ROOT);
    w.write(String.format(Locale.ROOT, "CLV of %,d customers, calibration to %s (%s), %d months at %s a month,"
        + " %s%n", fit.predictions().size(), btyd.calibrationEnd, u, horizonMonths,
        java.math.BigDecimal.valueOf(discountRate).stripTrailingZeros().toPlainString(),
        summary.currency().getCurrencyCode()));
    StringBuilder params = new StringBuilder();
    parameters(fit.purchases()).forEach((k, v) -> params.append(String.format(Locale.ROOT, " %s=%.6g", k, v)));
    w.write(String.format(Locale.ROOT, "%s:%s; %s%n", fit.model().label, params, fitNote(fit.purchases())));
    GammaGammaParameters gg = fit.spend().parameters();
    w.write(String.format(Locale.ROOT, "gamma-gamma: p=%.6g q=%.6g gamma=%.6g; %s; %,d repeat customers%s%n",
        gg.p(), gg.q(), gg.gamma(), fit.spend().fitSummary().map(f -> String.format(Locale.ROOT,
            "log-likelihood %.4f", f.logLikelihood())).orElse("given parameters"), fit.spendCustomers(),
        fit.spend().frequencyMonetaryCorrelation().isPresent() ? String.format(Locale.ROOT,
            ", frequency/spend correlation %.3f", fit.spend().frequencyMonetaryCorrelation().getAsDouble()) : ""));
    w.write(String.format(Locale.ROOT, "%5s %-14s %5s %8s %8s %10s %9s %7s %10s %12s%n", "rank", "customer", "freq",
        "recency", "T", "monetary", "purchases", "p_alive", "avg_spend", "clv"));
    int rank = 1;
    for (Prediction p : shown) {
      w.write(String.format(Locale.ROOT, "%5d %-14s %5.0f %8.2f %8.2f %10.2f %9.3f %7.3f %10.2f %12.2f%n", rank++,
          SafeText.abbreviate(p.customer(), 14), p.summary().frequency(), p.summary().recency(), p.summary().t(),
          p.summary().monetary(), p.purchases(), p.alive(), p.spend(), p.value()));
    }
  }

  private static void csv(Writer w, List<Prediction> shown) throws IOException {
    w.write("rank,customer_id,frequency,recency,T,monetary_value,expected_purchases,p_alive,"
        + "expected_average_spend,clv\n");
    int rank = 1;
    for (Prediction p : shown) {
      w.write(String.format(Locale.ROOT, "%d,%s,%.0f,%.6f,%.6f,%s,%s,%s,%s,%s%n", rank++,
          SafeText.csvCell(p.customer()), p.summary().frequency(), p.summary().recency(), p.summary().t(),
          number(p.summary().monetary()), number(p.purchases()), number(p.alive()), number(p.spend()),
          number(p.value())).replace(System.lineSeparator(), "\n"));
    }
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
  }

  private void json(Writer w, Fit fit, List<Prediction> shown, CustomerBaseSummary.Result summary, PeriodUnit unit,
      double periodsPerMonth) throws IOException {
    try (JsonGenerator g = Json.generator(w)) {
      g.writeStartObject();
      g.writeStringProperty("calibrationEnd", btyd.calibrationEnd.toString());
      g.writeStringProperty("unit", unit.name().toLowerCase(Locale.ROOT));
      g.writeStringProperty("currency", summary.currency().getCurrencyCode());
      g.writeNumberProperty("horizonMonths", horizonMonths);
      g.writeNumberProperty("monthlyDiscountRate", discountRate);
      g.writeNumberProperty("periodsPerMonth", periodsPerMonth);
      g.writeObjectPropertyStart("purchaseModel");
      g.writeStringProperty("model", fit.model().label);
      g.writeObjectPropertyStart("parameters");
      for (Map.Entry<String, Double> e : parameters(fit.purchases()).entrySet()) {
        Json.number(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      fitSummary(fit.purchases()).ifPresent(f -> fitJson(g, f));
      g.writeEndObject();
      g.writeObjectPropertyStart("spendModel");
      g.writeStringProperty("model", "gamma-gamma");
      GammaGammaParameters gg = fit.spend().parameters();
      g.writeObjectPropertyStart("parameters");
      Json.number(g, "p", gg.p());
      Json.number(g, "q", gg.q());
      Json.number(g, "gamma", gg.gamma());
      g.writeEndObject();
      fit.spend().fitSummary().ifPresent(f -> fitJson(g, f));
      if (fit.spend().frequencyMonetaryCorrelation().isPresent()) {
        Json.number(g, "frequencyMonetaryCorrelation", fit.spend().frequencyMonetaryCorrelation().getAsDouble());
      }
      g.writeEndObject();
      g.writeNumberProperty("customerCount", fit.predictions().size());
      g.writeArrayPropertyStart("customers");
      int rank = 1;
      for (Prediction p : shown) {
        g.writeStartObject();
        g.writeNumberProperty("rank", rank++);
        g.writeStringProperty("customer_id", p.customer());
        Json.number(g, "frequency", p.summary().frequency());
        Json.number(g, "recency", p.summary().recency());
        Json.number(g, "T", p.summary().t());
        Json.number(g, "monetary_value", p.summary().monetary());
        Json.number(g, "expected_purchases", p.purchases());
        Json.number(g, "p_alive", p.alive());
        Json.number(g, "expected_average_spend", p.spend());
        Json.number(g, "clv", p.value());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    w.write("\n");
  }

  private static void fitJson(JsonGenerator g, FitSummary f) {
    Json.number(g, "logLikelihood", f.logLikelihood());
    Json.number(g, "customers", f.customers());
    g.writeNumberProperty("evaluations", f.evaluations());
  }
}
