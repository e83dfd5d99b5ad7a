package org.ecrm.segmentation.clv;

import java.util.List;

/**
 * A fitted (or given) buy-till-you-die purchase model: BG/NBD or Pareto/NBD. Times are in the unit of
 * the summaries the model was fitted on. Implementations are immutable and thread-safe.
 */
public interface PurchaseModel {

  /**
   * Expected number of repeat purchases of a new customer (one who just made a first purchase) in
   * {@code (0, t]}.
   *
   * @throws IllegalArgumentException when {@code t} is negative or not finite
   */
  double expectedPurchases(double t);

  /**
   * Expected number of purchases in the next {@code t} time units of a customer with the given history.
   *
   * @throws IllegalArgumentException when {@code t} is negative or not finite
   * @throws ArithmeticException when the value cannot be computed in double precision
   */
  double conditionalExpectedPurchases(double t, CustomerSummary customer);

  /** Probability that a customer with the given history is still alive at the end of the period. */
  double probabilityAlive(CustomerSummary customer);

  /**
   * Probability that a new customer makes exactly {@code n} repeat purchases in {@code (0, t]}.
   *
   * @throws IllegalArgumentException when {@code n} is negative or {@code t} negative or not finite
   */
  double probabilityOfPurchases(int n, double t);

  /** Log-likelihood of one customer's summary. */
  double logLikelihood(CustomerSummary customer);

  /** Sum of the customers' log-likelihoods. */
  default double logLikelihood(List<CustomerSummary> customers) {
    double sum = 0;
    for (CustomerSummary c : customers) {
      sum += logLikelihood(c);
    }
    return sum;
  }
}
