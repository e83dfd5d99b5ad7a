package org.ecrm.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.ecrm.core.internal.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Which customers a listing returns: all conditions must hold. Immutable and thread-safe; each
 * {@code with...} method returns a changed copy. A storage adapter may translate the conditions into
 * its query language or simply call {@link #test(Customer)}.
 */
public final class CustomerFilter implements Predicate<Customer> {
  private static final CustomerFilter ALL = new CustomerFilter(Set.of(), Set.of(), null, null, null);

  private final Set<String> tags;
  private final Set<LifecycleStage> stages;
  private final @Nullable String source;
  private final @Nullable Instant createdFrom;
  private final @Nullable Instant createdBefore;

  private CustomerFilter(Set<String> tags, Set<LifecycleStage> stages, @Nullable String source,
      @Nullable Instant createdFrom, @Nullable Instant createdBefore) {
    this.tags = tags;
    this.stages = stages;
    this.source = source;
    this.createdFrom = createdFrom;
    this.createdBefore = createdBefore;
  }

  /** Every customer. */
  public static CustomerFilter all() {
    return ALL;
  }

  /** Also requires the tag (a customer must carry every tag asked for). */
  public CustomerFilter withTag(String tag) {
    Set<String> next = new TreeSet<>(tags);
    next.add(Checks.token("CustomerFilter.tag", tag));
    return new CustomerFilter(Collections.unmodifiableSet(next), stages, source, createdFrom,
        createdBefore);
  }

  /** Requires one of the stages. */
  public CustomerFilter withStages(LifecycleStage first, LifecycleStage... more) {
    Checks.notNull("CustomerFilter.stage", first);
    return new CustomerFilter(tags, Collections.unmodifiableSet(EnumSet.of(first, more)), source,
        createdFrom, createdBefore);
  }

  /** Requires this source. */
  public CustomerFilter withSource(String source) {
    return new CustomerFilter(tags, stages, Checks.line("CustomerFilter.source", source), createdFrom,
        createdBefore);
  }

  /**
   * Requires creation in {@code [from, before)}.
   *
   * @throws IllegalArgumentException if {@code before} is not after {@code from}
   */
  public CustomerFilter withCreatedBetween(Instant from, Instant before) {
    Checks.notNull("CustomerFilter.createdFrom", from);
    Checks.notNull("CustomerFilter.createdBefore", before);
    if (!before.isAfter(from)) {
      throw Checks.invalid("CustomerFilter.createdBefore", "must be after createdFrom " + from, before);
    }
    return new CustomerFilter(tags, stages, source, from, before);
  }

  /** The tags required, possibly none. */
  public Set<String> tags() {
    return tags;
  }

  /** The stages allowed; empty means any. */
  public Set<LifecycleStage> stages() {
    return stages;
  }

  /** The source required, if any. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The earliest creation instant, inclusive, if any. */
  public Optional<Instant> createdFrom() {
    return Optional.ofNullable(createdFrom);
  }

  /** The creation instant bound, exclusive, if any. */
  public Optional<Instant> createdBefore() {
    return Optional.ofNullable(createdBefore);
  }

  /** Whether the filter lets every customer through. */
  public boolean isAll() {
    return tags.isEmpty() && stages.isEmpty() && source == null && createdFrom == null;
  }

  @Override
  public boolean test(Customer c) {
    return c.tags().containsAll(tags)
        && (stages.isEmpty() || stages.contains(c.stage()))
        && (source == null || source.equals(c.source()))
        && (createdFrom == null || !c.createdAt().isBefore(createdFrom))
        && (createdBefore == null || c.createdAt().isBefore(createdBefore));
  }

  @Override
  public String toString() {
    return "CustomerFilter[tags=" + tags + ", stages=" + stages + ", source=" + source
        + ", created=" + createdFrom + ".." + createdBefore + "]";
  }
}
