package org.ecrm.core.service;

import java.util.List;
import java.util.Map;
import org.ecrm.core.internal.check.Checks;

/**
 * What an archive export or import did. Immutable and thread-safe.
 *
 * @param counts records written or stored, per type ({@code "customer"}, {@code "order"}, ...)
 * @param rejected lines an import could not store, in line order (always empty for an export)
 */
public record ArchiveSummary(Map<String, Long> counts, List<Rejected> rejected) {
  /** Copies the collections. */
  public ArchiveSummary {
    counts = Map.copyOf(Checks.notNull("ArchiveSummary.counts", counts));
    rejected = Checks.list("ArchiveSummary.rejected", rejected);
  }

  /** How many records in all. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How many records of {@code type}. */
  public long count(String type) {
    return counts.getOrDefault(type, 0L);
  }

  /**
   * A line an import rejected.
   *
   * @param line the 1-based line number
   * @param reason why, naming the field where there is one
   */
  public record Rejected(long line, String reason) { }
}
