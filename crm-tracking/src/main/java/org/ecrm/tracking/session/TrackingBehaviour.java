package org.ecrm.tracking.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ecrm.core.interact.BehaviourLookup;
import org.ecrm.core.interact.Interest;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.service.Customers;
import org.ecrm.tracking.IdentityResolver;
import org.jspecify.annotations.Nullable;

/**
 * Adapts {@link VisitorProfiles} and an {@link IdentityResolver} to crm-core's {@link BehaviourLookup},
 * so {@code org.ecrm.core.interact.Interact} profiles show browsing interests, the last visit and return
 * visits. A customer's behaviour joins every visitor id they are known by: each web user id (external id
 * {@code web}) and the anonymous ids linked to it. A visitor id is recognised when it is a user id of a
 * customer or an anonymous id linked to one.
 *
 * <p>Thread-safe (its parts are). After new sessions, call {@code Interact.invalidate} for the customers
 * concerned or {@code Interact.invalidateAll()}.
 */
public final class TrackingBehaviour implements BehaviourLookup {
  private final VisitorProfiles profiles;
  private final IdentityResolver identities;
  private final @Nullable Customers customers;

  private TrackingBehaviour(VisitorProfiles profiles, IdentityResolver identities, @Nullable Customers customers) {
    this.profiles = profiles;
    this.identities = identities;
    this.customers = customers;
  }

  /** A lookup over these profiles and identity links, finding customers in {@code customers}. */
  public static TrackingBehaviour of(VisitorProfiles profiles, IdentityResolver identities, Customers customers) {
    return new TrackingBehaviour(Objects.requireNonNull(profiles, "profiles"),
        Objects.requireNonNull(identities, "identities"), Objects.requireNonNull(customers, "customers"));
  }

  /**
   * A lookup over these profiles and identity links without a customer database: {@link #ofCustomer} is
   * always empty; {@link #customerOfVisitor} asks the resolver's customer lookup.
   */
  public static TrackingBehaviour of(VisitorProfiles profiles, IdentityResolver identities) {
    return new TrackingBehaviour(Objects.requireNonNull(profiles, "profiles"),
        Objects.requireNonNull(identities, "identities"), null);
  }

  @Override
  public Optional<Behaviour> ofCustomer(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    if (customers == null) {
      return Optional.empty();
    }
    Optional<Customer> c = customers.get(customerId);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    Set<String> visitorIds = new LinkedHashSet<>();
    for (ExternalId x : c.get().externalIds()) {
      if (x.system().equals(ExternalId.WEB_USER)) {
        visitorIds.add(x.id());
        visitorIds.addAll(new java.util.TreeSet<>(identities.anonymousIdsOf(x.id())));
      }
    }
    List<VisitorProfile> found = new ArrayList<>();
    for (String v : visitorIds) {
      profiles.profile(v).ifPresent(found::add);
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(merge(found));
  }

  /**
   * The behaviour of a visitor id; for an anonymous id linked to a user, the user's (whose profile holds
   * the anonymous sessions once identified).
   */
  @Override
  public Optional<Behaviour> ofVisitor(String visitorId) {
    Objects.requireNonNull(visitorId, "visitorId");
    Set<String> ids = new LinkedHashSet<>();
    ids.add(visitorId);
    identities.userFor(visitorId).ifPresent(ids::add);
    List<VisitorProfile> found = new ArrayList<>();
    for (String v : ids) {
      profiles.profile(v).ifPresent(found::add);
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(merge(found));
  }

  @Override
  public Optional<CustomerId> customerOfVisitor(String visitorId) {
    Objects.requireNonNull(visitorId, "visitorId");
    Optional<CustomerId> asUser = identities.customerFor(visitorId);
    return asUser.isPresent() ? asUser : identities.userFor(visitorId).flatMap(identities::customerFor);
  }

  private static Behaviour merge(List<VisitorProfile> found) {
    Map<String, Long> interests = new TreeMap<>();
    Instant last = Instant.MIN;
    int sessions = 0;
    for (VisitorProfile p : found) {
      p.interests().forEach(e -> interests.merge(e.getKey(), e.getValue(), Long::sum));
      last = p.lastSeen().isAfter(last) ? p.lastSeen() : last;
      sessions += p.sessions();
    }
    List<Interest> list = interests.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Interest(e.getKey(), e.getValue(), Interest.Source.BROWSING)).toList();
    return new Behaviour(list, last, Math.max(0, sessions - 1));
  }
}
