package org.ecrm.core.support;

import java.time.Duration;
import java.util.List;
import org.ecrm.core.model.Channel;

/**
 * Service figures per channel and priority. Immutable.
 *
 * @param rows one row per (channel, priority) with cases
 */
public record CaseReport(List<Row> rows) {
  /** Copies the list. */
  public CaseReport {
    rows = List.copyOf(rows);
  }

  /**
   * Figures of one (channel, priority) group; times are working time.
   *
   * @param channel the channel
   * @param priority the priority
   * @param cases how many cases
   * @param medianFirstResponse median time to first answer (answered cases), zero when none
   * @param p90FirstResponse 90th percentile time to first answer, zero when none
   * @param medianResolution median time to resolution (resolved cases), zero when none
   * @param p90Resolution 90th percentile time to resolution, zero when none
   * @param breachRate share of cases with a breached clock, 0 to 1
   */
  public record Row(Channel channel, CasePriority priority, int cases, Duration medianFirstResponse,
      Duration p90FirstResponse, Duration medianResolution, Duration p90Resolution, double breachRate) { }
}
