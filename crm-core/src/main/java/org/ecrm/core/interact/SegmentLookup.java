package org.ecrm.core.interact;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;

/**
 * Host SPI: the RFM segment and the classes of a customer, as computed by crm-segmentation (its
 * {@code RfmSegments} adapter) or by the host. Implementations must be thread-safe; after a refresh
 * call {@link Interact#invalidateAll()}.
 */
public interface SegmentLookup {

  /** The customer's segment and classes, empty when the customer was not scored. */
  Optional<Membership> membershipOf(CustomerId customerId);

  /** Every segment name a customer can be in (campaign targets are checked against it). */
  Set<String> segmentNames();

  /** Every class label a customer can have (e.g. {@code HIGH_VALUE}). */
  Set<String> classNames();

  /** No segmentation: nobody is in a segment; every named segment or class target is unknown. */
  static SegmentLookup none() {
    return new SegmentLookup() {
      @Override
      public Optional<Membership> membershipOf(CustomerId customerId) {
        return Optional.empty();
      }

      @Override
      public Set<String> segmentNames() {
        return Set.of();
      }

      @Override
      public Set<String> classNames() {
        return Set.of();
      }
    };
  }

  /**
   * A customer's place in the segmentation. Immutable and thread-safe.
   *
   * @param segment the segment name (e.g. {@code "Champions"})
   * @param classes class labels (e.g. {@code HIGH_VALUE}, {@code REPEAT})
   * @param asOf the analysis date of the segmentation
   */
  record Membership(String segment, Set<String> classes, LocalDate asOf) {
    /** @throws IllegalArgumentException naming the field for a blank segment */
    public Membership {
      segment = Checks.id("SegmentLookup.Membership.segment", segment);
      classes = Set.copyOf(Checks.notNull("SegmentLookup.Membership.classes", classes));
      Checks.notNull("SegmentLookup.Membership.asOf", asOf);
    }
  }
}
