package org.ecrm.segmentation.clv;

import org.ecrm.segmentation.internal.util.Checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Discounted customer lifetime value: a purchase model's expected purchases per month times the
 * Gamma-Gamma expected average profit, discounted monthly, summed over the horizon:
 *
 * <pre>
 *   CLV = Σ_{i=1..H} E[avg profit] · (E[Y(i·k)] − E[Y((i−1)·k)]) / (1 + d)^i
 * </pre>
 *
 * where k is the number of model time units per month ({@link Builder#periodsPerMonth}, 4.345 for
 * weeks) and d the monthly discount rate: the definition of {@code lifetimes}'
 * {@code customer_lifetime_value}. Values are expectations in the currency's major unit (the unit of
 * {@link CustomerSummary#monetary()}), as doubles; convert to {@code Money} only for display or
 * bookkeeping.
 *
 * <pre>{@code
 * CustomerLifetimeValue clv = CustomerLifetimeValue.builder()
 *     .purchaseModel(bgNbd).spendModel(gammaGamma)
 *     .horizonMonths(12).monthlyDiscountRate(0.01).periodsPerMonth(4.345)
 *     .build();
 * List<CustomerValue<String>> top = clv.highValue(summariesById, 20.0);
 * }</pre>
 *
 * <p>Immutable and thread-safe when its models are (the library's are).
 */
public final class CustomerLifetimeValue {
  private final PurchaseModel purchaseModel;
  private final GammaGammaModel spendModel;
  private final int horizonMonths;
  private final double monthlyDiscountRate;
  private final double periodsPerMonth;

  private CustomerLifetimeValue(Builder b) {
    purchaseModel = Objects.requireNonNull(b.purchaseModel, "purchaseModel must be set");
    spendModel = Objects.requireNonNull(b.spendModel, "spendModel must be set");
    horizonMonths = b.horizonMonths;
    monthlyDiscountRate = b.monthlyDiscountRate;
    periodsPerMonth = b.periodsPerMonth;
  }

  /** @return a builder: horizon 12 months, discount rate 0.01 per month, 4.345 periods (weeks) a month */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The discounted expected value of one customer over the horizon.
   *
   * @throws ArithmeticException when a model output is not finite
   * @throws IllegalStateException when the spend model has q ≤ 1
   */
  public double value(CustomerSummary customer) {
    Objects.requireNonNull(customer, "customer");
    double profit = spendModel.conditionalExpectedAverageProfit(customer);
    double total = 0;
    double previous = 0;
    for (int month = 1; month <= horizonMonths; month++) {
      double cumulative = purchaseModel.conditionalExpectedPurchases(month * periodsPerMonth, customer);
      total += profit * (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, month);
      previous = cumulative;
    }
    return total;
  }

  /**
   * Ranks customers by value, highest first; equal values keep the map's iteration order.
   *
   * @param customers summaries by the caller's key (use a {@link java.util.LinkedHashMap} for a stable
   *     order of ties)
   * @return every customer with its value and rank (1 = most valuable)
   */
  public <K> List<CustomerValue<K>> rank(Map<K, CustomerSummary> customers) {
    Objects.requireNonNull(customers, "customers");
    record Entry<K>(K key, double value, int order) {}
    List<Entry<K>> entries = new ArrayList<>(customers.size());
    int order = 0;
    for (Map.Entry<K, CustomerSummary> e : customers.entrySet()) {
      K key = Objects.requireNonNull(e.getKey(), "customers key");
      CustomerSummary summary = e.getValue();
      if (summary == null) {
        throw new NullPointerException("customers[" + key + "] must not be null");
      }
      entries.add(new Entry<>(key, value(summary), order++));
    }
    entries.sort(Comparator.comparingDouble((Entry<K> e) -> -e.value())
        .thenComparingInt(Entry::order));
    List<CustomerValue<K>> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      out.add(new CustomerValue<>(entries.get(i).key(), entries.get(i).value(), i + 1));
    }
    return List.copyOf(out);
  }

  /**
   * The high-value class: the top {@code percent} % of customers by value, ⌈percent/100 · n⌉ of them,
   * highest first.
   *
   * @throws IllegalArgumentException unless 0 &lt; percent ≤ 100
   */
  public <K> List<CustomerValue<K>> highValue(Map<K, CustomerSummary> customers, double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
    }
    List<CustomerValue<K>> ranked = rank(customers);
    int count = (int) Math.ceil(percent / 100.0 * ranked.size() - 1e-9);
    return ranked.subList(0, Math.min(count, ranked.size()));
  }

  /** Builds a {@link CustomerLifetimeValue}; each setter may be called once. Not thread-safe. */
  public static final class Builder {
    private @Nullable PurchaseModel purchaseModel;
    private @Nullable GammaGammaModel spendModel;
    private int horizonMonths = 12;
    private double monthlyDiscountRate = 0.01;
    private double periodsPerMonth = 4.345;
    private boolean horizonSet;
    private boolean rateSet;
    private boolean periodsSet;

    private Builder() {}

    /** @param model the BG/NBD or Pareto/NBD model (required) */
    public Builder purchaseModel(PurchaseModel model) {
      Checks.notSetTwice("purchaseModel", purchaseModel != null);
      purchaseModel = Objects.requireNonNull(model, "purchaseModel");
      return this;
    }

    /** @param model the Gamma-Gamma spend model (required) */
    public Builder spendModel(GammaGammaModel model) {
      Checks.notSetTwice("spendModel", spendModel != null);
      spendModel = Objects.requireNonNull(model, "spendModel");
      return this;
    }

    /**
     * @param months horizon in months, 1 … 1200 (default 12)
     * @throws IllegalArgumentException when out of range
     */
    public Builder horizonMonths(int months) {
      Checks.notSetTwice("horizonMonths", horizonSet);
      if (months < 1 || months > 1200) {
        throw new IllegalArgumentException("horizonMonths must be in 1..1200: " + months);
      }
      horizonMonths = months;
      horizonSet = true;
      return this;
    }

    /**
     * @param rate discount rate per month, ≥ 0 (default 0.01)
     * @throws IllegalArgumentException when negative or not finite
     */
    public Builder monthlyDiscountRate(double rate) {
      Checks.notSetTwice("monthlyDiscountRate", rateSet);
      monthlyDiscountRate = Checks.nonNegative("monthlyDiscountRate", rate);
      rateSet = true;
      return this;
    }

    /**
     * @param periods model time units per month: 4.345 for weeks (default), 30 for days, 1 for months
     * @throws IllegalArgumentException when not finite and positive
     */
    public Builder periodsPerMonth(double periods) {
      Checks.notSetTwice("periodsPerMonth", periodsSet);
      periodsPerMonth = Checks.positive("periodsPerMonth", periods);
      periodsSet = true;
      return this;
    }

    /**
     * @throws NullPointerException naming the missing model
     * @return the calculator
     */
    public CustomerLifetimeValue build() {
      if (purchaseModel == null) {
        throw new NullPointerException("purchaseModel must be set");
      }
      if (spendModel == null) {
        throw new NullPointerException("spendModel must be set");
      }
      return new CustomerLifetimeValue(this);
    }
  }
}
