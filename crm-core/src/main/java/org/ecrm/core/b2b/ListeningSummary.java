package org.ecrm.core.b2b;

import java.util.Map;
import org.ecrm.core.model.AccountId;

/**
 * Inbound listening for one account: each signal in the period and in the period before, so the trend
 * shows. Immutable.
 *
 * @param accountId the account
 * @param current signal values in the period
 * @param previous signal values in the period before
 */
public record ListeningSummary(AccountId accountId, Map<Signal, Double> current, Map<Signal, Double> previous) {
  /** Copies the maps. */
  public ListeningSummary {
    current = Map.copyOf(current);
    previous = Map.copyOf(previous);
  }

  /** The four parts of inbound listening, plus loyalty. */
  public enum Signal {
    /** Sampling: the mean {@code score} attribute of feedback interactions (survey results). */
    SAMPLING,
    /** Chatter: the number of social mentions. */
    CHATTER,
    /** Chatter's tone: the mean {@code sentiment} attribute (−1 to 1, supplied by the host) of social mentions. */
    SENTIMENT,
    /** Engagement: two-way interactions (inbound plus outbound). */
    ENGAGEMENT,
    /** Purchases: net order value in major currency units. */
    PURCHASES,
    /** Loyalty: points earned. */
    LOYALTY
  }

  /** current − previous for a signal (0 when absent). */
  public double trend(Signal s) {
    return current.getOrDefault(s, 0.0) - previous.getOrDefault(s, 0.0);
  }
}
