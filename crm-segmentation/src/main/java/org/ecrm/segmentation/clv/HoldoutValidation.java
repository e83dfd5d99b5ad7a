package org.ecrm.segmentation.clv;

import org.ecrm.segmentation.internal.util.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The classic calibration/holdout check of a purchase model (Fader, Hardie &amp; Lee 2005, figure 4):
 * customers are grouped by calibration frequency (0, 1, …, and one "k+" group), and each group's mean
 * actual purchases in the holdout period are set against the model's mean conditional expectation.
 *
 * <pre>{@code
 * List<HoldoutGroup> table = HoldoutValidation.builder()
 *     .purchaseModel(model).holdoutLength(39).build()
 *     .table(calibrationSummaries, holdoutPurchases);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HoldoutValidation {
  private final PurchaseModel model;
  private final double holdoutLength;
  private final int lastGroup;

  private HoldoutValidation(PurchaseModel model, double holdoutLength, int lastGroup) {
    this.model = model;
    this.holdoutLength = holdoutLength;
    this.lastGroup = lastGroup;
  }

  /** @return a builder; the last group defaults to "7+" */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the table.
   *
   * @param calibration each customer's calibration summary
   * @param holdoutPurchases each customer's number of purchases in the holdout period, same order
   * @return one row per calibration frequency 0 … k−1 that has customers, then the "k+" row if any
   * @throws IllegalArgumentException when the lengths differ or a holdout count is negative or not
   *     finite (the message names the index)
   */
  public List<HoldoutGroup> table(List<CustomerSummary> calibration, double[] holdoutPurchases) {
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(holdoutPurchases, "holdoutPurchases");
    if (calibration.size() != holdoutPurchases.length) {
      throw new IllegalArgumentException("holdoutPurchases must have one entry per customer: "
          + holdoutPurchases.length + " for " + calibration.size() + " customers");
    }
    int groups = lastGroup + 1;
    int[] count = new int[groups];
    double[] actual = new double[groups];
    double[] predicted = new double[groups];
    for (int i = 0; i < holdoutPurchases.length; i++) {
      CustomerSummary c = calibration.get(i);
      if (c == null) {
        throw new NullPointerException("calibration[" + i + "] must not be null");
      }
      double h = holdoutPurchases[i];
      if (!(h >= 0) || Double.isInfinite(h)) {
        throw new IllegalArgumentException(
            "holdoutPurchases[" + i + "] must be finite and not negative: " + h);
      }
      int g = (int) Math.min(lastGroup, c.frequency());
      count[g]++;
      actual[g] += h;
      predicted[g] += model.conditionalExpectedPurchases(holdoutLength, c);
    }
    List<HoldoutGroup> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (count[g] > 0) {
        out.add(new HoldoutGroup(g, g == lastGroup, count[g], actual[g] / count[g],
            predicted[g] / count[g]));
      }
    }
    return List.copyOf(out);
  }

  /** Builds a {@link HoldoutValidation}; each setter may be called once. Not thread-safe. */
  public static final class Builder {
    private @Nullable PurchaseModel model;
    private double holdoutLength = Double.NaN;
    private int lastGroup = 7;
    private boolean lastGroupSet;

    private Builder() {}

    /** @param model the fitted purchase model (required) */
    public Builder purchaseModel(PurchaseModel model) {
      Checks.notSetTwice("purchaseModel", this.model != null);
      this.model = Objects.requireNonNull(model, "purchaseModel");
      return this;
    }

    /**
     * @param length the holdout period's length in the model's time unit (required)
     * @throws IllegalArgumentException when not finite and positive
     */
    public Builder holdoutLength(double length) {
      Checks.notSetTwice("holdoutLength", !Double.isNaN(holdoutLength));
      holdoutLength = Checks.positive("holdoutLength", length);
      return this;
    }

    /**
     * @param frequency the frequency from which customers share one "k+" row, ≥ 1 (default 7)
     * @throws IllegalArgumentException when below 1
     */
    public Builder lastGroup(int frequency) {
      Checks.notSetTwice("lastGroup", lastGroupSet);
      if (frequency < 1) {
        throw new IllegalArgumentException("lastGroup must be at least 1: " + frequency);
      }
      lastGroup = frequency;
      lastGroupSet = true;
      return this;
    }

    /**
     * @return the validation
     * @throws NullPointerException naming the missing setting
     */
    public HoldoutValidation build() {
      if (model == null) {
        throw new NullPointerException("purchaseModel must be set");
      }
      if (Double.isNaN(holdoutLength)) {
        throw new NullPointerException("holdoutLength must be set");
      }
      return new HoldoutValidation(model, holdoutLength, lastGroup);
    }
  }
}
