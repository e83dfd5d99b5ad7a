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
 * @param warnings problems with the input as a whole that rejected no row, each reported once per
 *     run, such as a column that maps to no field and was ignored
 */
public record ImportResult(long rows, long created, long updated, long unchanged,
    List<RejectedRow> rejections, boolean dryRun, Duration elapsed, List<String> warnings) {
  /** Copies the lists. */
  public ImportResult {
    rejections = List.copyOf(rejections);
    warnings = List.copyOf(warnings);
  }

  /** A result without warnings. */
  public ImportResult(long rows, long created, long updated, long unchanged,
      List<RejectedRow> rejections, boolean dryRun, Duration elapsed) {
    this(rows, created, updated, unchanged, rejections, dryRun, elapsed, List.of());
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
