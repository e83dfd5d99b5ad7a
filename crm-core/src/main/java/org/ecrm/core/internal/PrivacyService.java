package org.ecrm.core.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.FieldChange;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.Order;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.Privacy;
import org.ecrm.core.spi.AuditStore;
import org.ecrm.core.support.SupportCase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link Privacy} over the storage. Thread-safe. */
public final class PrivacyService implements Privacy {
  /** The start of the customer id that erased customers' orders are kept under. */
  static final String PSEUDONYM_PREFIX = "erased-";

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
    JsonMapper mapper = Json.mapper("The privacy export (Crm.privacy().export)");
    ObjectNode doc = mapper.createObjectNode();
    doc.put("format", "ecrm-subject-access");
    doc.put("exportedAt", ctx.now().toString());
    doc.set("customer", mapper.valueToTree(c));
    ArrayNode accounts = doc.putArray("accounts");
    for (Account a : s.accounts().findByContact(c.id())) {
      ObjectNode n = accounts.addObject();
      n.put("accountId", a.id().value());
      n.put("name", a.name());
      n.set("roles", mapper.valueToTree(a.rolesOf(c.id())));
    }
    List<Order> orders = s.orders().findByCustomer(c.id());
    doc.set("orders", mapper.valueToTree(orders));
    List<Interaction> interactions = s.interactions().findByCustomer(c.id());
    doc.set("interactions", mapper.valueToTree(interactions));
    doc.set("cases", mapper.valueToTree(s.cases().findByCustomer(c.id())));
    doc.set("responses", mapper.valueToTree(s.surveys().responsesOf(c.id())));
    doc.set("loyalty", mapper.valueToTree(s.ledger().history(c.id())));
    doc.set("consents", mapper.valueToTree(s.consents().history(c.id())));
    doc.set("preferences", mapper.valueToTree(s.preferences().history(c.id())));
    doc.set("audit", mapper.valueToTree(auditAbout(c.id(), orders, interactions)));
    try {
      mapper.writerWithDefaultPrettyPrinter().writeValue(out, doc);
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
    CustomerId pseudonym = CustomerId.of(PSEUDONYM_PREFIX + ctx.newId("pseudonym"));
    List<CustomerId> merged = s.customers().aliasesOf(c.id());
    List<CustomerId> identities = new ArrayList<>(merged);
    identities.add(c.id()); // the customer and every customer merged into it
    List<Interaction> interactions = s.interactions().findByCustomer(c.id());
    List<Order> orders = s.orders().findByCustomer(c.id());
    eraseFromAudit(s.audit(), identities, interactions, orders, pseudonym);
    for (Order o : orders) {
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
    s.ledger().pseudonymise(c.id(), pseudonym); // points are accounting records, kept like orders; text goes
    for (CustomerId id : merged) { // a merge moved everything to the survivor; this makes sure
      interactionsDeleted += s.interactions().deleteByCustomer(id);
      consentsDeleted += s.consents().deleteAll(id);
      s.preferences().deleteAll(id);
      s.surveys().deleteResponses(id);
    }
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
        interactionsDeleted, consentsDeleted, now, merged);
    ctx.publish(erased);
    return erased;
  }

  /**
   * Removes the person from the audit trail: the records about the customer (and every customer merged
   * into it), its consent, preferences and interactions go; the records of its orders, and every other
   * record that names one of its ids (account contacts, ...), are kept with the ids replaced by the pseudonym and free-text
   * values masked. The store finds the records that contain one of the ids ({@link AuditStore#mentioning});
   * the ones that name it as a whole id are rewritten.
   */
  private static void eraseFromAudit(AuditStore audit, List<CustomerId> identities, List<Interaction> interactions,
      List<Order> orders, CustomerId pseudonym) {
    for (CustomerId id : identities) {
      for (String type : List.of("Customer", "Consent", "Preferences")) {
        audit.replaceEntity(type, id.value(), List.of());
      }
    }
    interactions.forEach(i -> audit.replaceEntity("Interaction", i.id().value(), List.of()));
    Pattern mention = mentionOf(identities);
    Set<List<String>> entities = new LinkedHashSet<>();
    orders.forEach(o -> entities.add(List.of("Order", o.id().value()))); // kept, refund reasons masked
    // the store narrows the trail to the records that contain an id at all; the whole-id test is made here
    java.util.regex.Matcher m = mention.matcher("");
    java.util.function.Predicate<String> names = v -> m.reset(v).find();
    for (AuditRecord r : audit.mentioning(identities.stream().map(CustomerId::value).toList())) {
      if (r.anyText(names)) {
        entities.add(List.of(r.entityType(), r.entityId()));
      }
    }
    for (List<String> e : entities) {
      boolean about = mention.matcher(e.get(1)).matches();
      List<AuditRecord> kept = about ? List.of() : audit.forEntity(e.get(0), e.get(1)).stream()
          .map(r -> pseudonymise(r, mention, pseudonym)).toList();
      audit.replaceEntity(e.get(0), e.get(1), kept);
    }
  }

  /** Matches any of the ids as a whole token (not inside a longer id). */
  private static Pattern mentionOf(List<CustomerId> ids) {
    String alternatives = ids.stream().map(id -> Pattern.quote(id.value()))
        .collect(java.util.stream.Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{Alnum}_.:@-])(?:" + alternatives + ")(?![\\p{Alnum}_.:@-])");
  }

  /** Free-text fields whose values are masked in kept records. */
  private static final Set<String> FREE_TEXT = Set.of("reason", "refunds", "subject", "summary", "source", "name",
      "emails", "phones", "addresses", "externalIds", "attributes", "note", "message", "messages");

  /** The record with the erased ids replaced by the pseudonym and free-text values masked. */
  private static AuditRecord pseudonymise(AuditRecord r, Pattern mention, CustomerId pseudonym) {
    List<FieldChange> changes = r.changes().stream().map(ch -> FREE_TEXT.contains(ch.field())
        ? new FieldChange(ch.field(), ch.oldValue().isEmpty() ? "" : Auditor.MASK,
            ch.newValue().isEmpty() ? "" : Auditor.MASK)
        : new FieldChange(ch.field(), replaceIds(ch.oldValue(), mention, pseudonym),
            replaceIds(ch.newValue(), mention, pseudonym))).toList();
    return new AuditRecord(r.at(), r.actor(), r.entityType(), r.entityId(), r.action(), changes);
  }

  private static String replaceIds(String value, Pattern mention, CustomerId pseudonym) {
    return mention.matcher(value).replaceAll(java.util.regex.Matcher.quoteReplacement(pseudonym.value()));
  }
}
