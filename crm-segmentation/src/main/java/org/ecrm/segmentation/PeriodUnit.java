package org.ecrm.segmentation;

/**
 * The time unit of a {@link CustomerBaseSummary}. Purchases are always grouped per day (several on one
 * day are one purchase period, as lifetimes does with {@code freq="D"}); the unit only scales the
 * durations: WEEKS is days / 7 (lifetimes' {@code freq="D", freq_multiplier=7}).
 */
public enum PeriodUnit {
  /** Durations in days. */
  DAYS(1),
  /** Durations in weeks of seven days. */
  WEEKS(7);

  private final int days;

  PeriodUnit(int days) {
    this.days = days;
  }

  /** Days per unit. */
  public int days() {
    return days;
  }
}
