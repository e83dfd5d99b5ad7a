package org.ecrm.core.interact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Sku;
import org.ecrm.core.testkit.MutableClock;

/** A CRM on a mutable clock (Monday 2024-03-04 10:00 UTC) with an Interact wired to its events. */
final class Fixture {
  static final Instant START = Instant.parse("2024-03-04T10:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final InteractListener events = new InteractListener();
  final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential()).discoverStorage(false)
      .listener(events).build();
  final MapSegments segments = new MapSegments();
  final InMemoryInventory inventory = InventoryGateway.inMemory();
  final RecordingChannel email = MessageChannel.inMemory(Channel.EMAIL);
  final RecordingChannel sms = MessageChannel.inMemory(Channel.SMS);

  Interact.Builder builder() {
    return Interact.builder(crm).events(events).segments(segments).inventory(inventory).channel(email).channel(sms);
  }

  /** A customer with an e-mail address and a phone number, consenting to the newsletter on both. */
  Customer customer(String id, String given) {
    Customer c = crm.customers().create(Customer.builder().id(id).name(given, "Test")
        .email(id + "@example.com").phone("+44 20 7946 0" + String.format("%03d", Math.abs(id.hashCode()) % 1000)));
    crm.consents().grant(c.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "test");
    crm.consents().grant(c.id(), Channel.SMS, "newsletter", LawfulBasis.CONSENT, "test");
    return c;
  }

  void order(String customer, Instant at, String... skus) {
    Order.Builder b = Order.builder(CustomerId.of(customer)).placedAt(at);
    for (String s : skus) {
      b.line(s, 1, Money.of("2.50", "GBP"));
    }
    crm.orders().place(b);
  }

  void advanceHours(long h) {
    clock.advanceSeconds(h * 3600);
  }

  static Sku sku(String s) {
    return Sku.of(s);
  }

  /** A thread-safe map-backed segmentation. */
  static final class MapSegments implements SegmentLookup {
    final Map<CustomerId, Membership> members = new ConcurrentHashMap<>();
    final Set<String> names = Set.of("Champions", "At Risk", "Hibernating", "Others");

    MapSegments put(String customer, String segment, String... classes) {
      members.put(CustomerId.of(customer), new Membership(segment, Set.of(classes), LocalDate.of(2024, 3, 1)));
      return this;
    }

    @Override
    public Optional<Membership> membershipOf(CustomerId customerId) {
      return Optional.ofNullable(members.get(customerId));
    }

    @Override
    public Set<String> segmentNames() {
      return names;
    }

    @Override
    public Set<String> classNames() {
      return Set.of("HIGH_VALUE", "REPEAT", "ONE_TIME");
    }
  }
}
