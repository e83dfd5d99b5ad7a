package org.ecrm.examples.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.model.CrmException;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.CustomerRfm;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.engine.TransactionSource;
import org.ecrm.segmentation.clv.BgNbdFitter;
import org.ecrm.segmentation.clv.BgNbdModel;
import org.ecrm.segmentation.clv.CustomerLifetimeValue;
import org.ecrm.segmentation.clv.CustomerSummary;
import org.ecrm.segmentation.clv.GammaGammaFitter;
import org.ecrm.segmentation.clv.GammaGammaModel;
import org.ecrm.segmentation.clv.ModelFitException;
import org.jspecify.annotations.Nullable;

/**
 * Customer lifetime value from the library's models: BG/NBD for the purchases (weeks), Gamma-Gamma for
 * the spend, fitted on the orders up to the end of the report period; per customer P(alive), the
 * expected purchases and the discounted value over the horizon. Immutable once computed.
 */
final class ClvSection {
  static final double WEEKS_PER_MONTH = 4.345;
  static final double MONTHLY_DISCOUNT = 0.01;

  /** One customer's prediction. */
  record Row(long customer, String segment, double pAlive, double purchases, double value) {}

  /** The fit and the rows, or why there is none. */
  record Result(String failure, @Nullable BgNbdModel purchases, @Nullable GammaGammaModel spend, List<Row> rows, int months,
      LocalDate end) {
    boolean ok() {
      return failure.isEmpty();
    }
  }

  private ClvSection() {}

  /**
   * BG/NBD without a penalizer, or, when that fit is degenerate (a parameter runs to 0 or infinity, as on
   * data with many one-day customers), with the small penalizer lifetimes' examples use (0.001); the note
   * under the section states which.
   */
  private static BgNbdModel fitPurchases(List<CustomerSummary> all) {
    try {
      return BgNbdFitter.builder().build().fit(all);
    } catch (ModelFitException e) {
      return BgNbdFitter.builder().penalizer(PENALIZER).build().fit(all);
    }
  }

  static final double PENALIZER = 0.001;

  static Result compute(TransactionSource orders, LocalDate end, RfmResult rfm, int months) {
    CustomerBaseSummary.Result base = CustomerBaseSummary.builder().calibrationEnd(end).unit(PeriodUnit.WEEKS).build()
        .summarize(orders);
    Map<Long, CustomerSummary> byCustomer = new LinkedHashMap<>();
    for (BtydCustomer c : base.customers()) {
      byCustomer.put(c.customer(), new CustomerSummary(c.frequency(), c.recency(), c.t(),
          Math.max(0, c.monetaryValue().doubleValue())));
    }
    List<CustomerSummary> all = new ArrayList<>(byCustomer.values());
    List<CustomerSummary> repeat = all.stream().filter(s -> s.frequency() > 0 && s.monetary() > 0).toList();
    BgNbdModel bg;
    GammaGammaModel gg;
    try {
      bg = fitPurchases(all);
      gg = GammaGammaFitter.builder().build().fit(repeat);
    } catch (CrmException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      return new Result("the models could not be fitted on " + all.size() + " customers ("
          + repeat.size() + " with repeat purchases): " + e.getMessage(), null, null, List.of(), months, end);
    }
    CustomerLifetimeValue clv = CustomerLifetimeValue.builder().purchaseModel(bg).spendModel(gg).horizonMonths(months)
        .monthlyDiscountRate(MONTHLY_DISCOUNT).periodsPerMonth(WEEKS_PER_MONTH).build();
    double horizon = months * WEEKS_PER_MONTH;
    List<Row> rows = new ArrayList<>(all.size());
    try {
      for (Map.Entry<Long, CustomerSummary> e : byCustomer.entrySet()) {
        CustomerSummary s = e.getValue();
        String segment = rfm.find(e.getKey()).map(CustomerRfm::segment).orElse("(not scored)");
        rows.add(new Row(e.getKey(), segment, bg.probabilityAlive(s), bg.conditionalExpectedPurchases(horizon, s),
            clv.value(s)));
      }
    } catch (ArithmeticException | IllegalStateException e) {
      return new Result("the fitted models give no finite value: " + e.getMessage(), bg, gg, List.of(), months, end);
    }
    rows.sort(Comparator.comparingDouble(Row::value).reversed().thenComparingLong(Row::customer));
    return new Result("", bg, gg, List.copyOf(rows), months, end);
  }
}
