package org.ecrm.core.io;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did. Immutable. For order imports {@code created} counts orders placed,
 * {@code updated} counts cancellation rows applied as refunds, and {@code unchanged} counts rows of
 * orders that already existed with the same lines.
 *
 * @param rows data rows read
 * @param created records created
 * @param updated records changed (or, for orders, refunds applied)
 * @param unchanged rows that matched an existing record exactly
 * @param rejections every rejected row, in input order
 * @param dryRun whether nothing was written
 * @param elapsed wall-clock time of the run
 */
public record ImportResult(long rows, long created, long updated, long unchanged,
    List<RejectedRow> rejections, boolean dryRun, Duration elapsed) {
  /** Copies the list. */
  public ImportResult {
    rejections = List.copyOf(rejections);
  }

  /** How many rows were rejected. */
  public long rejected() {
    return rejections.size();
  }

  /** Rejected rows counted by field. */
  public Map<String, Long> rejectedByField() {
    Map<String, Long> m = new TreeMap<>();
    rejections.forEach(r -> m.merge(r.field(), 1L, Long::sum));
    return m;
  }

  /** Rows per second over the run. */
  public double rowsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? rows : rows / s;
  }
}
