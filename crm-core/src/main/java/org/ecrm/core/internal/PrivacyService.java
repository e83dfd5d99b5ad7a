package org.ecrm.core.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.core.Customers;
import org.ecrm.core.Privacy;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.FieldChange;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.Order;
import org.ecrm.core.spi.AuditStore;
import org.ecrm.core.support.SupportCase;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link Privacy} over the storage. Thread-safe. */
public final class PrivacyService implements Privacy {
  private final CrmContext ctx;
  private final Customers customers;

  /** @param ctx the shared context @param customers the customer service (alias resolution) */
  public PrivacyService(CrmContext ctx, Customers customers) {
    this.ctx = ctx;
    this.customers = customers;
  }

  @Override
  public String export(CustomerId customerId) {
    StringWriter out = new StringWriter();
    export(customerId, out);
    return out.toString();
  }

  @Override
  public void export(CustomerId customerId, Writer out) {
    Checks.notNull("out", out);
    Customer c = customers.require(customerId);
    var s = ctx.storage();
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("format", "ecrm-subject-access");
    doc.put("exportedAt", ctx.now().toString());
    doc.set("customer", Json.MAPPER.valueToTree(c));
    ArrayNode accounts = doc.putArray("accounts");
    for (Account a : s.accounts().findByContact(c.id())) {
      ObjectNode n = accounts.addObject();
      n.put("accountId", a.id().value());
      n.put("name", a.name());
      n.set("roles", Json.MAPPER.valueToTree(a.rolesOf(c.id())));
    }
    List<Order> orders = s.orders().findByCustomer(c.id());
    doc.set("orders", Json.MAPPER.valueToTree(orders));
    List<Interaction> interactions = s.interactions().findByCustomer(c.id());
    doc.set("interactions", Json.MAPPER.valueToTree(interactions));
    doc.set("cases", Json.MAPPER.valueToTree(s.cases().findByCustomer(c.id())));
    doc.set("responses", Json.MAPPER.valueToTree(s.surveys().responsesOf(c.id())));
    doc.set("loyalty", Json.MAPPER.valueToTree(s.ledger().entries(c.id())));
    doc.set("consents", Json.MAPPER.valueToTree(s.consents().history(c.id())));
    doc.set("preferences", Json.MAPPER.valueToTree(s.preferences().history(c.id())));
    doc.set("audit", Json.MAPPER.valueToTree(auditAbout(c.id(), orders, interactions)));
    try {
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, doc);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the export of customer " + c.id() + " failed", e);
    }
  }

  private List<AuditRecord> auditAbout(CustomerId id, List<Order> orders, List<Interaction> interactions) {
    AuditStore audit = ctx.storage().audit();
    List<AuditRecord> all = new ArrayList<>(audit.forEntity("Customer", id.value()));
    all.addAll(audit.forEntity("Consent", id.value()));
    all.addAll(audit.forEntity("Preferences", id.value()));
    orders.forEach(o -> all.addAll(audit.forEntity("Order", o.id().value())));
    interactions.forEach(i -> all.addAll(audit.forEntity("Interaction", i.id().value())));
    all.sort(java.util.Comparator.comparing(AuditRecord::at));
    return all;
  }

  @Override
  public CrmEvent.CustomerErased erase(CustomerId customerId) {
    Checks.notNull("customerId", customerId);
    return ctx.atomically("erase customer " + customerId, () -> eraseOnce(customerId));
  }

  private CrmEvent.CustomerErased eraseOnce(CustomerId customerId) {
    Customer c = customers.require(customerId);
    var s = ctx.storage();
    Instant now = ctx.now();
    CustomerId pseudonym = CustomerId.of("erased-" + ctx.newId("pseudonym"));
    AuditStore audit = s.audit();
    // the audit trail first: it holds old values of every personal field
    List<CustomerId> identities = new ArrayList<>(s.customers().aliasesOf(c.id()));
    identities.add(c.id()); // the customer and every customer merged into it
    for (CustomerId id : identities) {
      for (String type : List.of("Customer", "Consent", "Preferences")) {
        audit.replaceEntity(type, id.value(), List.of());
      }
    }
    List<Interaction> interactions = s.interactions().findByCustomer(c.id());
    interactions.forEach(i -> audit.replaceEntity("Interaction", i.id().value(), List.of()));
    List<Order> orders = s.orders().findByCustomer(c.id());
    for (Order o : orders) {
      List<AuditRecord> kept = audit.forEntity("Order", o.id().value()).stream()
          .map(r -> pseudonymise(r, identities, pseudonym)).toList();
      audit.replaceEntity("Order", o.id().value(), kept);
      CrmContext.retrying(() -> {
        Order current = s.orders().get(o.id()).orElseThrow();
        return s.orders().update(current.withCustomer(pseudonym, current.version() + 1, true));
      });
    }
    for (SupportCase sc : s.cases().findByCustomer(c.id())) {
      CrmContext.retrying(() -> {
        SupportCase current = s.cases().get(sc.id()).orElseThrow();
        return s.cases().update(current.forCustomer(pseudonym, true));
      });
    }
    int interactionsDeleted = s.interactions().deleteByCustomer(c.id());
    int consentsDeleted = s.consents().deleteAll(c.id());
    s.preferences().deleteAll(c.id());
    s.surveys().deleteResponses(c.id()); // answers, free text included, are personal
    s.ledger().reassign(c.id(), pseudonym); // points are accounting records, kept like orders
    for (Account a : s.accounts().findByContact(c.id())) {
      CrmContext.retrying(() -> {
        Account current = s.accounts().get(a.id()).orElseThrow();
        Instant at = now.isBefore(current.createdAt()) ? current.createdAt() : now;
        return s.accounts().update(current.withoutContact(c.id()).withVersion(current.version() + 1, at));
      });
    }
    s.customers().retargetAliases(c.id(), null);
    CrmContext.retrying(() -> {
      Customer current = s.customers().get(c.id()).orElseThrow();
      return s.customers().delete(current.id(), current.version());
    });
    CrmEvent.CustomerErased erased = new CrmEvent.CustomerErased(c.id(), pseudonym, orders.size(),
        interactionsDeleted, consentsDeleted, now);
    ctx.publish(erased);
    return erased;
  }

  /** The record with the erased id replaced by the pseudonym and free-text reasons removed. */
  private static AuditRecord pseudonymise(AuditRecord r, List<CustomerId> erased, CustomerId pseudonym) {
    List<FieldChange> changes = r.changes().stream().map(ch -> ch.field().equals("reason")
        || ch.field().equals("refunds")
        ? new FieldChange(ch.field(), ch.oldValue().isEmpty() ? "" : Auditor.MASK,
            ch.newValue().isEmpty() ? "" : Auditor.MASK)
        : new FieldChange(ch.field(), replaceIds(ch.oldValue(), erased, pseudonym),
            replaceIds(ch.newValue(), erased, pseudonym))).toList();
    return new AuditRecord(r.at(), r.actor(), r.entityType(), r.entityId(), r.action(), changes);
  }

  private static String replaceIds(String value, List<CustomerId> erased, CustomerId pseudonym) {
    String v = value;
    for (CustomerId id : erased) {
      v = v.replace(id.value(), pseudonym.value());
    }
    return v;
  }
}
