package org.ecrm.core.interact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderLine;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;

/**
 * Computes personalisation profiles and caches them (Caffeine, bounded). Entries are dropped by
 * {@link #invalidate}, driven by domain events and by the host after segment or behaviour refreshes.
 * Thread-safe.
 */
final class ProfileService {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final Crm crm;
  private final SegmentLookup segments;
  private final BehaviourLookup behaviour;
  private final SuppressionList suppressions;
  private final Clock clock;
  private final Cache<Object, Profile> cache;

  /** The cache key of an anonymous visitor (customers are keyed by their {@link CustomerId}). */
  private record VisitorKey(String visitorId) { }
  private final Set<CustomerId> erased = ConcurrentHashMap.newKeySet();

  /**
   * A service with a cache of at most {@code maxEntries} profiles; {@code ttl} bounds staleness when no
   * events reach the service (null: entries live until invalidated or evicted).
   */
  public ProfileService(Crm crm, SegmentLookup segments, BehaviourLookup behaviour, SuppressionList suppressions,
      Clock clock, long maxEntries, @org.jspecify.annotations.Nullable Duration ttl) {
    this.crm = crm;
    this.segments = segments;
    this.behaviour = behaviour;
    this.suppressions = suppressions;
    this.clock = clock;
    Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(maxEntries);
    if (ttl != null) {
      b = b.expireAfterWrite(ttl);
    }
    this.cache = b.build();
  }

  /** The profile of a customer (cached). */
  public Profile profile(CustomerId id) {
    return cache.get(id, k -> compute(id, ""));
  }

  /** The profile of a visitor id: the customer's when the visitor is recognised, else anonymous (cached). */
  public Profile profileOfVisitor(String visitorId) {
    Optional<CustomerId> customer = behaviour.customerOfVisitor(visitorId);
    if (customer.isPresent()) {
      Profile p = profile(customer.get());
      return withVisitor(p, visitorId);
    }
    return cache.get(new VisitorKey(visitorId), k -> anonymous(visitorId));
  }

  /** Whether a customer id was erased (seen through an event or an ERASED suppression). */
  public boolean isErased(CustomerId id) {
    return erased.contains(id)
        || suppressions.of(id).stream().anyMatch(s -> s.reason() == SuppressionList.Reason.ERASED);
  }

  /** Remembers an erased id. */
  public void markErased(CustomerId id) {
    erased.add(id);
    invalidate(id);
  }

  /**
   * Forgets erased customers: remembers their ids as erased and drops every cached profile of them,
   * under their own ids and under the web visitors recognised as them.
   */
  public void forget(java.util.Collection<CustomerId> ids) {
    ids.forEach(this::markErased);
    cache.asMap().values().removeIf(p -> p.customerId().isPresent() && ids.contains(p.customerId().get()));
  }

  /** Drops the cached profile of a customer. */
  public void invalidate(CustomerId id) {
    cache.invalidate(id);
  }

  /** Drops the cached profile of an anonymous visitor. */
  public void invalidateVisitor(String visitorId) {
    cache.invalidate(new VisitorKey(visitorId));
  }

  /** Drops every cached profile. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** Profiles in the cache now (approximate). */
  public long cached() {
    return cache.estimatedSize();
  }

  private Profile withVisitor(Profile p, String visitorId) {
    return new Profile(visitorId, p.customerId(), p.recognition(), p.displayName(), p.segment(), p.classes(),
        p.segmentAsOf(), p.interests(), p.channels(), p.language(), p.timeZone(), p.frequency(), p.lastVisit(),
        p.returnVisits(), p.consents(), p.owned(), p.computedAt());
  }

  private Profile anonymous(String visitorId) {
    Optional<BehaviourLookup.Behaviour> b = behaviour.ofVisitor(visitorId);
    return new Profile(visitorId, Optional.empty(), Profile.Recognition.ANONYMOUS, "", Optional.empty(), Set.of(),
        Optional.empty(), b.map(BehaviourLookup.Behaviour::interests).orElse(List.of()), List.of(), "", UTC,
        ContactFrequency.UNSPECIFIED, b.map(BehaviourLookup.Behaviour::lastVisit),
        b.map(BehaviourLookup.Behaviour::returnVisits).orElse(0), Map.of(), Set.of(), clock.instant());
  }

  private Profile compute(CustomerId id, String visitorId) {
    Optional<Customer> found = crm.customers().get(id);
    if (found.isEmpty()) {
      if (isErased(id)) {
        return new Profile(visitorId, Optional.empty(), Profile.Recognition.ERASED, "", Optional.empty(), Set.of(),
            Optional.empty(), List.of(), List.of(), "", UTC, ContactFrequency.NEVER, Optional.empty(), 0, Map.of(),
            Set.of(), clock.instant());
      }
      throw new NotFoundException("Customer", id.value());
    }
    Customer c = found.get();
    CustomerId cid = c.id();
    Preferences prefs = crm.preferences().get(cid);
    Map<String, Set<Channel>> consents = new TreeMap<>();
    for (ConsentRecord r : crm.consents().current(cid)) {
      if (r.granted()) {
        consents.computeIfAbsent(r.purpose(), k -> EnumSet.noneOf(Channel.class)).add(r.channel());
      }
    }
    Set<Sku> owned = new TreeSet<>();
    Map<String, Long> bought = new HashMap<>();
    Map<Sku, String> categories = new HashMap<>();
    for (Order o : crm.orders().ofCustomer(cid)) {
      if (o.status() == OrderStatus.CANCELLED || o.status() == OrderStatus.REFUNDED) {
        continue;
      }
      for (OrderLine l : o.lines()) {
        owned.add(l.sku());
        String cat = categories.computeIfAbsent(l.sku(),
            s -> crm.products().get(s).map(Product::category).orElse(""));
        if (!cat.isBlank()) {
          bought.merge(cat, (long) l.quantity(), Long::sum);
        }
      }
    }
    Optional<SegmentLookup.Membership> m = segments.membershipOf(cid);
    Optional<BehaviourLookup.Behaviour> b = behaviour.ofCustomer(cid);
    List<Interest> interests = new ArrayList<>(b.map(BehaviourLookup.Behaviour::interests).orElse(List.of()));
    bought.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> interests.add(new Interest(e.getKey(), e.getValue(), Interest.Source.PURCHASES)));
    String name = c.name().given().isBlank() ? c.name().full().strip() : c.name().given().strip();
    return new Profile(visitorId, Optional.of(cid), Profile.Recognition.RECOGNISED, name,
        m.map(SegmentLookup.Membership::segment), m.map(SegmentLookup.Membership::classes).orElse(Set.of()),
        m.map(SegmentLookup.Membership::asOf), interests, prefs.channels(), prefs.language(), prefs.timeZone(),
        prefs.frequency(), b.map(BehaviourLookup.Behaviour::lastVisit),
        b.map(BehaviourLookup.Behaviour::returnVisits).orElse(0), consents, owned, clock.instant());
  }
}
