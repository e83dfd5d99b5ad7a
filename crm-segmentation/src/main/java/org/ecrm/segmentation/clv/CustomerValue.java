package org.ecrm.segmentation.clv;

import java.util.Objects;

/**
 * One customer's lifetime value in a {@link CustomerLifetimeValue#rank ranking}. Immutable; thread-safe
 * when the key is.
 *
 * @param customer the caller's key for the customer
 * @param value the discounted expected value over the horizon, in the currency's major unit (the unit
 *     of {@link CustomerSummary#monetary()}); an expectation, not an amount of money owed
 * @param rank 1 for the most valuable customer
 * @param <K> the key type
 */
public record CustomerValue<K>(K customer, double value, int rank) {
  /** Checks the components. */
  public CustomerValue {
    Objects.requireNonNull(customer, "customer");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1: " + rank);
    }
  }
}
