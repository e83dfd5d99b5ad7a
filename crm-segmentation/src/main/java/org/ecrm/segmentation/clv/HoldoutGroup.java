package org.ecrm.segmentation.clv;

/**
 * One row of the calibration/holdout table: the customers with a given calibration frequency, their mean
 * actual purchases in the holdout period and the model's mean conditional expectation. Immutable and
 * thread-safe.
 *
 * @param frequency the calibration frequency of the group
 * @param andAbove whether the group also holds every higher frequency (the last row, "7+")
 * @param customers how many customers the group holds
 * @param actualMean mean number of purchases in the holdout
 * @param predictedMean mean conditional expected number of purchases over the holdout
 */
public record HoldoutGroup(
    int frequency, boolean andAbove, int customers, double actualMean, double predictedMean) {

  /** @return the group's label, e.g. {@code "3"} or {@code "7+"} */
  public String label() {
    return frequency + (andAbove ? "+" : "");
  }
}
