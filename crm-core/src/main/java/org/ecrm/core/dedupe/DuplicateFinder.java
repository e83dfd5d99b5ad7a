package org.ecrm.core.dedupe;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Customer;

/**
 * Finds duplicate candidates among customers by configurable {@link MatchRule}s.
 *
 * <pre>{@code
 * DuplicateFinder finder = DuplicateFinder.builder()
 *     .rules(MatchRule.EMAIL, MatchRule.PHONE, MatchRule.NAME_AND_POSTCODE)
 *     .nameThreshold(0.92)
 *     .build();
 * List<DuplicateCandidate> pairs = finder.find(customers.stream());
 * }</pre>
 *
 * <p><b>Blocking, not all pairs.</b> One pass builds a hash index per enabled rule: normalised e-mail →
 * customers, canonical phone → customers, external identity → customers, country + postal code →
 * customers. Only customers sharing an index entry (a block) are compared: exact-key blocks yield their
 * pairs directly, and inside a postcode block every pair's normalised full names are compared with
 * Jaro-Winkler. Time is {@code O(n·k + Σ b²·L)} for {@code n} customers with {@code k} keys each, blocks
 * of size {@code b} and names of length {@code L}; a block larger than {@link Builder#maxBlockSize(int)}
 * is skipped (logged as a warning), so the time is at most {@code O(n·k·B·L)} for that bound {@code B}
 * instead of the {@code O(n²·L)} of comparing all pairs. Memory is {@code O(n·k + p)} for {@code p}
 * candidate pairs. The stream is consumed fully.
 *
 * <p>A pair that shares no key is never found: two records of one person with a new e-mail, a new phone
 * and a moved address are out of reach by design; so is a typo in the postal code.
 *
 * <p>Immutable and thread-safe: one finder may run {@link #find} from several threads.
 */
public final class DuplicateFinder {
  private final Set<MatchRule> rules;
  private final double nameThreshold;
  private final int maxBlockSize;

  private DuplicateFinder(Set<MatchRule> rules, double nameThreshold, int maxBlockSize) {
    this.rules = Collections.unmodifiableSet(EnumSet.copyOf(rules));
    this.nameThreshold = nameThreshold;
    this.maxBlockSize = maxBlockSize;
  }

  /** A builder with every rule enabled, name threshold 0.9 and max block size 1,000. */
  public static Builder builder() {
    return new Builder();
  }

  /** The enabled rules. */
  public Set<MatchRule> rules() {
    return rules;
  }

  /** The lowest Jaro-Winkler similarity of full names that counts for {@link MatchRule#NAME_AND_POSTCODE}. */
  public double nameThreshold() {
    return nameThreshold;
  }

  /** Blocks with more customers than this are skipped. */
  public int maxBlockSize() {
    return maxBlockSize;
  }

  /**
   * The candidate pairs among {@code customers}, sorted by first then second id; a pair appears once
   * with every rule that matched it.
   *
   * @throws IllegalArgumentException naming the id if two customers share one
   * @throws NullPointerException if the stream holds null
   */
  public List<DuplicateCandidate> find(Stream<Customer> customers) {
    Checks.notNull("customers", customers);
    return new BlockingMatcher(rules, nameThreshold, maxBlockSize).find(customers);
  }

  /** Configures a {@link DuplicateFinder}. Not thread-safe. Each setting may be set once. */
  public static final class Builder {
    private Set<MatchRule> rules = EnumSet.allOf(MatchRule.class);
    private boolean rulesSet;
    private double nameThreshold = 0.9;
    private boolean thresholdSet;
    private int maxBlockSize = 1_000;
    private boolean maxBlockSizeSet;

    private Builder() {}

    /**
     * The rules to apply (default all).
     *
     * @throws IllegalArgumentException if none is given
     * @throws IllegalStateException if rules were already set
     */
    public Builder rules(MatchRule... rules) {
      Checks.notNull("rules", rules);
      if (rulesSet) {
        throw new IllegalStateException("rules were already set to " + this.rules);
      }
      if (rules.length == 0) {
        throw new IllegalArgumentException("rules must not be empty");
      }
      EnumSet<MatchRule> set = EnumSet.noneOf(MatchRule.class);
      for (int i = 0; i < rules.length; i++) {
        set.add(Checks.notNull("rules[" + i + "]", rules[i]));
      }
      this.rules = set;
      rulesSet = true;
      return this;
    }

    /**
     * The lowest name similarity for {@link MatchRule#NAME_AND_POSTCODE} (default 0.9).
     *
     * @throws IllegalArgumentException if not in 0.5..1 (below 0.5 Jaro-Winkler matches nearly anything)
     * @throws IllegalStateException if it was already set
     */
    public Builder nameThreshold(double threshold) {
      if (thresholdSet) {
        throw new IllegalStateException("nameThreshold was already set to " + nameThreshold);
      }
      if (!(threshold >= 0.5 && threshold <= 1)) {
        throw new IllegalArgumentException("nameThreshold must be in 0.5..1: " + threshold);
      }
      nameThreshold = threshold;
      thresholdSet = true;
      return this;
    }

    /**
     * The largest block compared (default 1,000); larger blocks (a shared switchboard number, a
     * postcode with thousands of customers) are skipped and logged.
     *
     * @throws IllegalArgumentException if below 2
     * @throws IllegalStateException if it was already set
     */
    public Builder maxBlockSize(int size) {
      if (maxBlockSizeSet) {
        throw new IllegalStateException("maxBlockSize was already set to " + maxBlockSize);
      }
      if (size < 2) {
        throw new IllegalArgumentException("maxBlockSize must be at least 2: " + size);
      }
      maxBlockSize = size;
      maxBlockSizeSet = true;
      return this;
    }

    /** The finder. */
    public DuplicateFinder build() {
      return new DuplicateFinder(rules, nameThreshold, maxBlockSize);
    }
  }
}
