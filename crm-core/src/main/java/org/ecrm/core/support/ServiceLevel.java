package org.ecrm.core.support;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;

/**
 * Service-level targets for the cases it matches, in working time: first response, next update
 * (time since the last answer while the case is open) and resolution. Policies are tried in order;
 * the first whose priorities and types match a case applies. Immutable and thread-safe.
 *
 * @param name a name for reports
 * @param priorities the priorities it applies to; empty means any
 * @param types the case types it applies to; empty means any
 * @param firstResponse working time allowed until the first answer
 * @param nextUpdate working time allowed between answers while the case is open
 * @param resolution working time allowed until the case is resolved
 */
public record ServiceLevel(String name, Set<CasePriority> priorities, Set<CaseType> types,
    Duration firstResponse, Duration nextUpdate, Duration resolution) {

  /** @throws IllegalArgumentException naming the target if one is not positive */
  public ServiceLevel {
    name = Checks.id("ServiceLevel.name", name);
    priorities = Set.copyOf(Checks.notNull("ServiceLevel.priorities", priorities));
    types = Set.copyOf(Checks.notNull("ServiceLevel.types", types));
    positive("firstResponse", firstResponse);
    positive("nextUpdate", nextUpdate);
    positive("resolution", resolution);
    if (resolution.compareTo(firstResponse) < 0) {
      throw Checks.invalid("ServiceLevel.resolution", "is shorter than firstResponse " + firstResponse,
          resolution);
    }
  }

  private static void positive(String field, Duration d) {
    Checks.notNull("ServiceLevel." + field, d);
    if (d.isNegative() || d.isZero()) {
      throw Checks.invalid("ServiceLevel." + field, "must be positive", d);
    }
  }

  /** A policy for the given priorities (any type). */
  public static ServiceLevel forPriority(String name, Duration firstResponse, Duration nextUpdate,
      Duration resolution, CasePriority first, CasePriority... more) {
    return new ServiceLevel(name, EnumSet.of(first, more), Set.of(), firstResponse, nextUpdate, resolution);
  }

  /** Whether this policy applies to {@code c}. */
  public boolean matches(SupportCase c) {
    return (priorities.isEmpty() || priorities.contains(c.priority()))
        && (types.isEmpty() || types.contains(c.type()));
  }
}
