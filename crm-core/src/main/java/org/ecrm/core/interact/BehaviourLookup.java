package org.ecrm.core.interact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;

/**
 * Host SPI: browsing behaviour of customers and anonymous visitors, as computed by crm-tracking (its
 * {@code TrackingBehaviour} adapter) or by the host. Implementations must be thread-safe; after new
 * sessions call {@link Interact#invalidate} or {@link Interact#invalidateAll()}.
 */
public interface BehaviourLookup {

  /** The behaviour of a known customer (over all their web identities), empty if never seen. */
  Optional<Behaviour> ofCustomer(CustomerId customerId);

  /** The behaviour of a visitor id (anonymous or user id), empty if never seen. */
  Optional<Behaviour> ofVisitor(String visitorId);

  /** The customer a visitor id is known to be, empty for an anonymous visitor. */
  Optional<CustomerId> customerOfVisitor(String visitorId);

  /** No tracking: nobody was seen, every visitor is anonymous. */
  static BehaviourLookup none() {
    return new BehaviourLookup() {
      @Override
      public Optional<Behaviour> ofCustomer(CustomerId customerId) {
        return Optional.empty();
      }

      @Override
      public Optional<Behaviour> ofVisitor(String visitorId) {
        return Optional.empty();
      }

      @Override
      public Optional<CustomerId> customerOfVisitor(String visitorId) {
        return Optional.empty();
      }
    };
  }

  /**
   * What was seen of one visitor. Immutable and thread-safe.
   *
   * @param interests browsing interests, strongest first
   * @param lastVisit end of the last visit
   * @param returnVisits visits after the first
   */
  record Behaviour(List<Interest> interests, Instant lastVisit, int returnVisits) {
    /** @throws IllegalArgumentException naming the field for negative return visits */
    public Behaviour {
      interests = List.copyOf(Checks.notNull("BehaviourLookup.Behaviour.interests", interests));
      Checks.notNull("BehaviourLookup.Behaviour.lastVisit", lastVisit);
      Checks.nonNegative("BehaviourLookup.Behaviour.returnVisits", returnVisits);
    }
  }
}
