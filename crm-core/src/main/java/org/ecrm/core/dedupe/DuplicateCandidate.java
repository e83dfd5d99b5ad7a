package org.ecrm.core.dedupe;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;

/**
 * Two customers that are probably the same person. Immutable and thread-safe.
 *
 * @param first the smaller id
 * @param second the larger id
 * @param rules the rules that matched, at least one, in declaration order
 * @param nameSimilarity the Jaro-Winkler similarity of the normalised full names, 0 if a name is unknown
 * @param score the combined evidence in 0..1: {@code 1 − Π(1 − wᵣ)} over the matched rules {@code r},
 *     with {@code wᵣ} the rule's {@link MatchRule#weight()} (times {@code nameSimilarity} for
 *     {@link MatchRule#NAME_AND_POSTCODE})
 */
public record DuplicateCandidate(CustomerId first, CustomerId second, Set<MatchRule> rules,
    double nameSimilarity, double score) implements Comparable<DuplicateCandidate> {

  /**
   * Validates the pair.
   *
   * @throws IllegalArgumentException if the ids are not in order, no rule matched, or a number is
   *     outside 0..1
   */
  public DuplicateCandidate {
    Checks.notNull("DuplicateCandidate.first", first);
    Checks.notNull("DuplicateCandidate.second", second);
    if (first.compareTo(second) >= 0) {
      throw Checks.invalid("DuplicateCandidate.second", "must be greater than first '" + first + "'", second);
    }
    Checks.notNull("DuplicateCandidate.rules", rules);
    if (rules.isEmpty()) {
      throw Checks.invalid("DuplicateCandidate.rules", "must not be empty", rules);
    }
    rules = Collections.unmodifiableSet(EnumSet.copyOf(rules));
    if (!(nameSimilarity >= 0 && nameSimilarity <= 1)) {
      throw Checks.invalid("DuplicateCandidate.nameSimilarity", "must be in 0..1", nameSimilarity);
    }
    if (!(score >= 0 && score <= 1)) {
      throw Checks.invalid("DuplicateCandidate.score", "must be in 0..1", score);
    }
  }

  /** Orders by {@link #first()}, then {@link #second()}. */
  @Override
  public int compareTo(DuplicateCandidate o) {
    int c = first.compareTo(o.first);
    return c != 0 ? c : second.compareTo(o.second);
  }
}
