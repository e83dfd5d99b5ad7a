package org.ecrm.core.dedupe;

/**
 * A reason to think two customers are the same person. Each rule has a weight that feeds the pair's
 * {@link DuplicateCandidate#score()}.
 */
public enum MatchRule {
  /** Both have the same e-mail address (lower case, no surrounding white space). Weight 0.95. */
  EMAIL(0.95),
  /**
   * Both have the same phone number in {@link org.ecrm.core.model.PhoneNumber#canonical() canonical}
   * form, so {@code "+49 30 123-4567"} and {@code "0049301234567"} match. Weight 0.6 (households and
   * switchboards share numbers).
   */
  PHONE(0.6),
  /** Both have the same external identity (system and id). Weight 0.95. */
  EXTERNAL_ID(0.95),
  /**
   * Both have an address with the same country and postal code (upper case, spaces and hyphens removed)
   * and the Jaro-Winkler similarity of their normalised full names is at least the finder's threshold.
   * Weight 0.8 × the similarity.
   */
  NAME_AND_POSTCODE(0.8);

  private final double weight;

  MatchRule(double weight) {
    this.weight = weight;
  }

  /** The rule's weight in 0..1; for {@link #NAME_AND_POSTCODE} it is multiplied by the name similarity. */
  public double weight() {
    return weight;
  }
}
