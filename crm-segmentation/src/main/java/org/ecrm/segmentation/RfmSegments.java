package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.CustomerKeys;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecrm.core.interact.SegmentLookup;
import org.ecrm.core.model.CustomerId;

/**
 * Adapts an {@link RfmResult} and its {@link CustomerClasses} to crm-core's {@link SegmentLookup}, so
 * {@code org.ecrm.core.interact.Interact} profiles and campaigns see each customer's RFM segment and
 * classes. Class labels are the {@link CustomerClasses.CustomerClass} names ({@code HIGH_VALUE},
 * {@code REPEAT}, ...). Customers known but not scored have no segment; their class is
 * {@code NON_TRANSACTIONAL}, which a campaign reaches with a class target.
 *
 * <p>Immutable and thread-safe. After a new analysis, build a new one and call
 * {@code Interact.invalidateAll()}.
 */
public final class RfmSegments implements SegmentLookup {
  private final RfmResult result;
  private final CustomerClasses classes;
  private final CustomerKeys keys;
  private final Set<String> names;

  private RfmSegments(RfmResult result, CustomerClasses classes, CustomerKeys keys) {
    this.result = result;
    this.classes = classes;
    this.keys = keys;
    this.names = Set.copyOf(result.segmentTable().segmentNames());
  }

  /**
   * A lookup over {@code result} and {@code classes}, with customer ids mapped through {@code keys} (the
   * keys the analysis was run with, e.g. by {@link TransactionSources#orders}).
   */
  public static RfmSegments of(RfmResult result, CustomerClasses classes, CustomerKeys keys) {
    return new RfmSegments(Objects.requireNonNull(result, "result"), Objects.requireNonNull(classes, "classes"),
        Objects.requireNonNull(keys, "keys"));
  }

  @Override
  public Optional<Membership> membershipOf(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    long key = keys.keyOf(customerId);
    var row = result.rowOf(key);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Set<String> labels = classes.classesOf(key).stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
    return Optional.of(new Membership(result.segment(row.getAsInt()), labels, result.asOf()));
  }

  @Override
  public Set<String> segmentNames() {
    return names;
  }

  @Override
  public Set<String> classNames() {
    return Arrays.stream(CustomerClasses.CustomerClass.values()).map(Enum::name)
        .collect(Collectors.toUnmodifiableSet());
  }
}
