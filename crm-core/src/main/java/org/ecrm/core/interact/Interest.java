package org.ecrm.core.interact;

import org.ecrm.core.internal.check.Checks;

/**
 * One interest of a visitor or customer: a category with a weight (page views for browsing, units
 * bought for purchases). Immutable and thread-safe.
 *
 * @param name the category (e.g. {@code "garden"})
 * @param weight page views or units, positive
 * @param source where the interest was seen
 */
public record Interest(String name, long weight, Source source) {
  /** Where an interest comes from. */
  public enum Source {
    /** Pages viewed (tracking). */
    BROWSING,
    /** Products bought (orders). */
    PURCHASES
  }

  /** @throws IllegalArgumentException naming the field for a blank name or a weight below 1 */
  public Interest {
    name = Checks.line("Interest.name", name);
    if (name.isEmpty()) {
      throw Checks.invalid("Interest.name", "must not be blank", name);
    }
    Checks.positive("Interest.weight", weight);
    Checks.notNull("Interest.source", source);
  }
}
