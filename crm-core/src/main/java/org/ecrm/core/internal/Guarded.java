package org.ecrm.core.internal;

import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ecrm.core.Consents;
import org.ecrm.core.CustomerFilter;
import org.ecrm.core.Customers;
import org.ecrm.core.Interactions;
import org.ecrm.core.Orders;
import org.ecrm.core.Page;
import org.ecrm.core.Privacy;
import org.ecrm.core.access.AccessPolicy;
import org.ecrm.core.access.Permission;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.ReturnLine;

/**
 * The services as seen by one actor under an {@link AccessPolicy}: every call checks the permission it
 * needs, customers come back pseudonymised to actors who may only see them so, and every read of
 * personal data is recorded in the audit trail as a {@code read}.
 */
public final class Guarded {
  private Guarded() {}

  /**
   * Checks permissions and records reads for one actor.
   *
   * @param policy the policy
   * @param actor the actor
   * @param ctx the context (clock, audit store)
   */
  public record Gate(AccessPolicy policy, Actor actor, CrmContext ctx) {
    /** Checks a permission. */
    public void require(Permission p, String action) {
      policy.require(actor, p, action);
    }

    /** Records a read of personal data by this actor. */
    public void recordRead(String entityType, String id) {

      if (!actor.equals(Actor.SYSTEM)) {
        ctx.storage().audit().append(new AuditRecord(ctx.now(), actor, entityType, id, "read", List.of()));
      }
    }

    /** The customer as this actor may see it, the read recorded when it shows personal data. */
    Customer show(Customer c) {
      if (policy.allows(actor, Permission.READ_CUSTOMERS)) {
        recordRead("Customer", c.id().value());
        return c;
      }
      require(Permission.READ_CUSTOMERS_PSEUDONYMISED, "read customer " + c.id());
      return c.toBuilder().name(PersonName.UNKNOWN).emails(List.of()).phones(List.of()).addresses(List.of())
          .externalIds(List.of()).attributes(Map.of()).build();
    }

    void mayReadCustomers(String action) {
      if (!policy.allows(actor, Permission.READ_CUSTOMERS)) {
        require(Permission.READ_CUSTOMERS_PSEUDONYMISED, action);
      }
    }
  }

  static final class GuardedCustomers implements Customers {
    private final Customers d;
    private final Gate g;

    GuardedCustomers(Customers delegate, Gate gate) {
      this.d = delegate;
      this.g = gate;
    }

    private Customer write(String action, java.util.function.Supplier<Customer> op) {
      g.require(Permission.WRITE_CUSTOMERS, action);
      return op.get();
    }

    @Override
    public Customer create(Customer.Builder customer) {
      return write("create a customer", () -> d.create(customer));
    }

    @Override
    public Optional<Customer> get(CustomerId id) {
      g.mayReadCustomers("read customer " + id);
      return d.get(id).map(g::show);
    }

    @Override
    public Customer require(CustomerId id) {
      g.mayReadCustomers("read customer " + id);
      return g.show(d.require(id));
    }

    @Override
    public Optional<Customer> findByEmail(EmailAddress email) {
      g.require(Permission.READ_CUSTOMERS, "look customers up by e-mail");
      return d.findByEmail(email).map(g::show);
    }

    @Override
    public List<Customer> findByPhone(PhoneNumber phone) {
      g.require(Permission.READ_CUSTOMERS, "look customers up by phone");
      return d.findByPhone(phone).stream().map(g::show).toList();
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
      g.require(Permission.READ_CUSTOMERS, "look customers up by external identity");
      return d.findByExternalId(externalId).map(g::show);
    }

    @Override
    public Customer update(Customer changed) {
      return write("change customer " + changed.id(), () -> d.update(changed));
    }

    @Override
    public Customer modify(CustomerId id, UnaryOperator<Customer.Builder> change) {
      return write("change customer " + id, () -> d.modify(id, change));
    }

    @Override
    public Customer tag(CustomerId id, String... tags) {
      return write("tag customer " + id, () -> d.tag(id, tags));
    }

    @Override
    public Customer untag(CustomerId id, String... tags) {
      return write("untag customer " + id, () -> d.untag(id, tags));
    }

    @Override
    public Customer merge(CustomerId survivor, CustomerId merged) {
      return write("merge customers", () -> d.merge(survivor, merged));
    }

    @Override
    public Page<Customer> list(CustomerFilter filter, int limit, String cursor) {
      g.mayReadCustomers("list customers");
      Page<Customer> p = d.list(filter, limit, cursor);
      return new Page<>(p.items().stream().map(g::show).toList(), p.nextCursor().orElse(null));
    }

    @Override
    public Stream<Customer> stream(CustomerFilter filter) {
      g.mayReadCustomers("list customers");
      return d.stream(filter).map(g::show);
    }

    @Override
    public long count() {
      g.mayReadCustomers("count customers");
      return d.count();
    }
  }

  static final class GuardedOrders implements Orders {
    private final Orders d;
    private final Gate g;

    GuardedOrders(Orders delegate, Gate gate) {
      this.d = delegate;
      this.g = gate;
    }

    private void read(String action) {
      g.require(Permission.READ_ORDERS, action);
    }

    private void write(String action) {
      g.require(Permission.WRITE_ORDERS, action);
    }

    @Override
    public Order place(Order.Builder order) {
      write("place an order");
      return d.place(order);
    }

    @Override
    public Optional<Order> get(OrderId id) {
      read("read order " + id);
      return d.get(id);
    }

    @Override
    public Order require(OrderId id) {
      read("read order " + id);
      return d.require(id);
    }

    @Override
    public List<Order> ofCustomer(CustomerId customerId) {
      read("read the orders of " + customerId);
      return d.ofCustomer(customerId);
    }

    @Override
    public Order markPaid(OrderId id) {
      write("mark order " + id + " paid");
      return d.markPaid(id);
    }

    @Override
    public Order cancel(OrderId id) {
      write("cancel order " + id);
      return d.cancel(id);
    }

    @Override
    public Order refund(OrderId id, Money amount, String reason) {
      write("refund order " + id);
      return d.refund(id, amount, reason);
    }

    @Override
    public Order refund(OrderId id, Money amount, List<ReturnLine> returned, String reason) {
      write("refund order " + id);
      return d.refund(id, amount, returned, reason);
    }

    @Override
    public Order refund(OrderId id, Money amount, List<ReturnLine> returned, String reason, Instant refundedAt) {
      write("refund order " + id);
      return d.refund(id, amount, returned, reason, refundedAt);
    }

    @Override
    public Order refundRemaining(OrderId id, String reason) {
      write("refund order " + id);
      return d.refundRemaining(id, reason);
    }

    @Override
    public Page<Order> list(int limit, String cursor) {
      read("list orders");
      return d.list(limit, cursor);
    }

    @Override
    public Stream<Order> stream() {
      read("list orders");
      return d.stream();
    }

    @Override
    public long count() {
      read("count orders");
      return d.count();
    }
  }

  static final class GuardedInteractions implements Interactions {
    private final Interactions d;
    private final Gate g;

    GuardedInteractions(Interactions delegate, Gate gate) {
      this.d = delegate;
      this.g = gate;
    }

    private Interaction shown(Interaction i) {
      g.recordRead("Interaction", i.id().value());
      return i;
    }

    @Override
    public Interaction record(Interaction.Builder interaction) {
      g.require(Permission.WRITE_INTERACTIONS, "record an interaction");
      return d.record(interaction);
    }

    @Override
    public Optional<Interaction> get(InteractionId id) {
      g.require(Permission.READ_INTERACTIONS, "read interaction " + id);
      return d.get(id).map(this::shown);
    }

    @Override
    public List<Interaction> ofCustomer(CustomerId customerId) {
      g.require(Permission.READ_INTERACTIONS, "read the interactions of " + customerId);
      return d.ofCustomer(customerId).stream().map(this::shown).toList();
    }

    @Override
    public Page<Interaction> list(int limit, String cursor) {
      g.require(Permission.READ_INTERACTIONS, "list interactions");
      Page<Interaction> p = d.list(limit, cursor);
      return new Page<>(p.items().stream().map(this::shown).toList(), p.nextCursor().orElse(null));
    }

    @Override
    public Stream<Interaction> stream() {
      g.require(Permission.READ_INTERACTIONS, "list interactions");
      return d.stream().map(this::shown);
    }
  }

  static final class GuardedConsents implements Consents {
    private final Consents d;
    private final Gate g;

    GuardedConsents(Consents delegate, Gate gate) {
      this.d = delegate;
      this.g = gate;
    }

    private void gate(String action) {
      g.require(Permission.MANAGE_CONSENT, action);
    }

    @Override
    public ConsentRecord grant(CustomerId c, Channel ch, String purpose, LawfulBasis basis, String source) {
      gate("grant consent for " + c);
      return d.grant(c, ch, purpose, basis, source);
    }

    @Override
    public ConsentRecord withdraw(CustomerId c, Channel ch, String purpose, String source) {
      gate("withdraw consent for " + c);
      return d.withdraw(c, ch, purpose, source);
    }

    @Override
    public ConsentRecord record(ConsentRecord record) {
      gate("record consent for " + record.customerId());
      return d.record(record);
    }

    @Override
    public List<ConsentRecord> history(CustomerId c) {
      gate("read the consent of " + c);
      return d.history(c);
    }

    @Override
    public List<ConsentRecord> current(CustomerId c) {
      gate("read the consent of " + c);
      return d.current(c);
    }

    @Override
    public boolean canContact(CustomerId c, Channel ch, String purpose) {
      gate("read the consent of " + c);
      return d.canContact(c, ch, purpose);
    }
  }

  static final class GuardedPrivacy implements Privacy {
    private final Privacy d;
    private final Gate g;

    GuardedPrivacy(Privacy delegate, Gate gate) {
      this.d = delegate;
      this.g = gate;
    }

    @Override
    public String export(CustomerId id) {
      g.require(Permission.PRIVACY_REQUESTS, "export the data of " + id);
      g.recordRead("Customer", id.value());
      return d.export(id);
    }

    @Override
    public void export(CustomerId id, Writer out) {
      g.require(Permission.PRIVACY_REQUESTS, "export the data of " + id);
      g.recordRead("Customer", id.value());
      d.export(id, out);
    }

    @Override
    public CrmEvent.CustomerErased erase(CustomerId id) {
      g.require(Permission.PRIVACY_REQUESTS, "erase " + id);
      return d.erase(id);
    }
  }

  /** The customer service as {@code g}'s actor may use it. */
  public static Customers customers(Customers c, Gate g) {
    return new GuardedCustomers(c, g);
  }

  /** The order service as {@code g}'s actor may use it. */
  public static Orders orders(Orders o, Gate g) {
    return new GuardedOrders(o, g);
  }

  /** The interaction service as {@code g}'s actor may use it. */
  public static Interactions interactions(Interactions i, Gate g) {
    return new GuardedInteractions(i, g);
  }

  /** The consent service as {@code g}'s actor may use it. */
  public static Consents consents(Consents c, Gate g) {
    return new GuardedConsents(c, g);
  }

  /** The privacy service as {@code g}'s actor may use it. */
  public static Privacy privacy(Privacy p, Gate g) {
    return new GuardedPrivacy(p, g);
  }
}
