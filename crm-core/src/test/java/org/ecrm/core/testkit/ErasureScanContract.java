package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.access.AccessPolicy;
import org.ecrm.core.access.Permission;
import org.ecrm.core.dedupe.DuplicateFinder;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.InteractListener;
import org.ecrm.core.interact.MessageChannel;
import org.ecrm.core.interact.Profile;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.PostalAddress;
import org.ecrm.core.model.Sku;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.support.CasePriority;
import org.ecrm.core.support.CaseType;
import org.ecrm.core.support.SupportCase;
import org.ecrm.core.survey.Answer;
import org.ecrm.core.survey.Question;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.junit.jupiter.api.Test;

/**
 * Erasure leaves nothing: unique marker strings are planted in every free-text and identifier field of
 * every entity kind of a customer and of a duplicate merged into it; after {@code privacy().erase} no
 * marker may be found in the archive export, the audit trail, the raw content of the storage ({@link
 * #rawContent()}), the Interact profile cache, look-ups or duplicate-finder results. Orders and loyalty
 * points stay, under the pseudonym. Extend it with a {@link #newStorage()} of the storage under test.
 */
public abstract class ErasureScanContract extends StoreContractSupport {
  private final List<String> markers = new ArrayList<>();
  private int phone = 1000;

  /**
   * Everything the storage under test holds, as text, read around the SPI (e.g. every column of every
   * table with plain SQL, or the in-memory object graph): the scan looks for markers in it.
   */
  protected abstract String rawContent() throws Exception;

  private String m() {
    String marker = "zq" + (markers.size() + 1) + "q";
    markers.add(marker);
    return marker;
  }

  private Customer.Builder person() {
    String digits = "2079460" + (phone++);
    markers.add(digits); // the stored phone number, normalised
    return Customer.builder().id(m()).name("Ab" + m(), "Cd" + m()).email(m() + "@example.com")
        .email(m() + "@example.org").phone("+44 " + digits).address(PostalAddress.of(m() + " Street", "N1",
            "City" + m(), "GB")).externalId("shop", m()).attribute("note", AttributeValue.of(m())).tag(m())
        .source(m());
  }

  private void plant(Crm crm, Customer c, Questionnaire q, Account acme) {
    crm.interactions().record(Interaction.builder(c.id(), Channel.PHONE, InteractionType.QUERY)
        .subject(m()).summary("said " + m()).attribute("ref", AttributeValue.of(m())));
    SupportCase sc = crm.cases().open(c.id(), Channel.EMAIL, CaseType.values()[0], CasePriority.values()[0],
        "Subject " + m(), "Message " + m());
    crm.cases().reply(sc.id(), "Reply " + m(), true);
    crm.cases().customerMessage(sc.id(), "Again " + m());
    crm.surveys().record(Response.of(q, c.id(), T0, Channel.WEB, Map.of("comment", Answer.text("I am " + m()))));
    crm.preferences().update(c.id(), p -> p.withTopics(Set.of(m())), "form " + m());
    crm.loyalty().earn(c.id(), 100, "welcome " + m(), m());
    crm.consents().grant(c.id(), Channel.EMAIL, "news", LawfulBasis.CONSENT, "form " + m());
    crm.accounts().addContact(acme.id(), c.id(), BuyingRole.values()[0]);
    Order o = crm.orders().place(Order.builder(c.id()).line("SKU-1", 2, Money.of("10.00", "EUR")));
    crm.orders().refund(o.id(), Money.of("1.00", "EUR"), "scratched, says " + m());
  }

  @Test
  void erasure_leavesNoMarkerAnywhere_ordersAndPointsStayUnderThePseudonym() throws Exception {
    InteractListener events = new InteractListener();
    Actor agent = Actor.user("agent");
    Crm crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).listener(events)
        .accessPolicy(AccessPolicy.builder().role("reader", Permission.READ_CUSTOMERS, Permission.READ_INTERACTIONS)
            .grant(agent, "reader").build()).build();
    crm.products().create(Sku.of("SKU-1"), "Book", "books", Money.of("10.00", "EUR"));
    Questionnaire q = crm.surveys().define(Questionnaire.of("fb", "Feedback", 1,
        Question.freeText("comment", "Anything else?", 200)));
    Account acme = crm.accounts().create("Acme", "acme.example");
    Customer keep = crm.customers().create(Customer.builder().id("other").name("Other", "Person")
        .email("other@example.com"));
    Customer p = crm.customers().create(person());
    Customer d = crm.customers().create(person()); // the duplicate, merged into p below
    plant(crm, p, q, acme);
    plant(crm, d, q, acme);
    crm.as(agent).customers().require(p.id()); // reads of personal data are audited
    crm.as(agent).interactions().ofCustomer(d.id());
    crm.customers().merge(p.id(), d.id());
    crm.customers().tag(p.id(), m());
    Interact interact = Interact.builder(crm).events(events).channel(MessageChannel.inMemory(Channel.EMAIL)).build();
    assertThat(interact.profile(p.id()).recognition()).isEqualTo(Profile.Recognition.RECOGNISED);
    assertThat(interact.profile(d.id()).recognition()).isEqualTo(Profile.Recognition.RECOGNISED); // cached
    List<Order> ordersBefore = crm.orders().ofCustomer(p.id());
    long pointsBefore = crm.loyalty().balance(p.id());
    String exportBefore = export(crm);
    assertThat(found(exportBefore)).as("the markers are planted").hasSizeGreaterThan(markers.size() * 3 / 4);
    assertThat(found(rawContent())).as("the raw scan sees them").hasSizeGreaterThan(markers.size() * 3 / 4);

    CrmEvent.CustomerErased erased = crm.privacy().erase(d.id()); // the merged id resolves to p

    assertThat(erased.erasedId()).isEqualTo(p.id());
    assertThat(erased.mergedIds()).containsExactly(d.id());
    Map<String, String> places = new LinkedHashMap<>();
    places.put("archive export", export(crm));
    StringBuilder audit = new StringBuilder();
    for (long offset = 0; ; ) {
      List<AuditRecord> page = storage.audit().scan(offset, 500);
      page.forEach(r -> audit.append(r).append('\n'));
      if (page.size() < 500) {
        break;
      }
      offset += page.size();
    }
    places.put("audit trail (raw scan)", audit.toString());
    places.put("audit of the agent", crm.audit().byActor(agent).toString());
    places.put("storage raw content", rawContent());
    places.put("Interact profiles of the survivor and the merged id",
        interact.profile(p.id()) + "\n" + interact.profile(d.id()));
    try (Stream<Customer> all = crm.customers().stream(CustomerFilter.all())) {
      places.put("duplicate-finder results", DuplicateFinder.builder().build().find(all).toString());
    }
    places.put("look-ups by e-mail and identity", lookUps(crm, p, d));
    Map<String, List<String>> hits = new LinkedHashMap<>();
    places.forEach((place, text) -> {
      List<String> f = found(text);
      if (!f.isEmpty()) {
        hits.put(place, f);
      }
    });
    System.out.println("[erasure] " + markers.size() + " markers, zero hits expected in " + places.keySet());
    assertThat(hits).as("markers left after erasure").isEmpty();

    assertThat(interact.profile(p.id()).recognition()).isEqualTo(Profile.Recognition.ERASED);
    assertThat(interact.profile(d.id()).recognition()).isEqualTo(Profile.Recognition.ERASED);
    assertThatThrownBy(() -> crm.customers().require(d.id())).isInstanceOf(NotFoundException.class);
    assertThat(crm.customers().require(keep.id()).primaryEmail()).contains(EmailAddress.of("other@example.com"));
    List<Order> ordersAfter = crm.orders().ofCustomer(erased.pseudonymId());
    assertThat(ordersAfter).hasSameSizeAs(ordersBefore).hasSize(2);
    assertThat(ordersAfter).extracting(Order::total).containsExactlyInAnyOrderElementsOf(
        ordersBefore.stream().map(Order::total).toList());
    assertThat(storage.ledger().history(erased.pseudonymId())).hasSize(2)
        .allSatisfy(e -> assertThat(e.reason()).isEmpty());
    assertThat(storage.ledger().history(erased.pseudonymId()).stream().mapToLong(e -> e.points()).sum())
        .isEqualTo(pointsBefore);
  }

  /**
   * Ids that prefix, extend or contain each other, and ids with characters that JSON ({@code " \\}) and SQL
   * {@code LIKE} ({@code % _ ! [ ]}) treat specially.
   */
  private static final List<String> NEAR = List.of("c-1", "c-10", "xc-1", "c-1x", "c-1.a", "a c-1", "c%1", "c_1",
      "c\\1", "c\"1", "c[1]", "c!1", "c-2");

  /**
   * Erasure after a trail of many records (more than one page of a scan) whose free text names ids that
   * prefix, extend or contain the erased ones: afterwards no value of the trail names an erased id as a whole
   * id; the records that named one, and only they, changed (those about the customer went, the others were
   * kept with the same times, actors, actions and fields); every other record is as it was. What to expect
   * is read from a twin storage given the same trail, so the trail under test is not read before the
   * erasure (an in-memory trail renders a created customer's changes when they are first read).
   */
  @Test
  void erasure_afterManyRecords_rewritesExactlyTheRecordsThatNameAnErasedId_andNoneElse() {
    Storage twin = newStorage();
    try {
      Crm crm = manyRecords(storage);
      Crm reference = manyRecords(twin);
      for (String erase : List.of("c-1", "c\"1", "c%1", "c[1]", "c_1")) {
        CustomerId id = CustomerId.of(erase);
        List<String> identities = new ArrayList<>(twin.customers().aliasesOf(id).stream()
            .map(CustomerId::value).toList());
        identities.add(erase);
        Set<List<String>> gone = new java.util.HashSet<>();
        Set<List<String>> kept = new java.util.HashSet<>();
        reference.interactions().ofCustomer(id).forEach(i -> gone.add(List.of("Interaction", i.id().value())));
        reference.orders().ofCustomer(id).forEach(o -> kept.add(List.of("Order", o.id().value())));
        for (String identity : identities) {
          for (String type : List.of("Customer", "Consent", "Preferences")) {
            gone.add(List.of(type, identity));
          }
        }
        Pattern whole = Pattern.compile("(?<![\\p{Alnum}_.:@-])(?:" + identities.stream().map(Pattern::quote)
            .collect(Collectors.joining("|")) + ")(?![\\p{Alnum}_.:@-])");
        Map<List<String>, List<AuditRecord>> before = byEntity(twin.audit());
        assertThat(before.values().stream().mapToInt(List::size).sum()).isGreaterThan(1_000);
        before.forEach((entity, records) -> {
          if (records.stream().anyMatch(r -> whole.matcher(r.entityId()).find() || r.changes().stream()
              .anyMatch(ch -> whole.matcher(ch.oldValue()).find() || whole.matcher(ch.newValue()).find()))) {
            (whole.matcher(entity.get(1)).matches() ? gone : kept).add(entity);
          }
        });
        assertThat(kept).as("records of others name %s", erase).hasSizeGreaterThan(3);

        crm.privacy().erase(id);
        reference.privacy().erase(id);

        Map<List<String>, List<AuditRecord>> after = byEntity(storage.audit());
        after.forEach((entity, records) -> records.forEach(r -> assertThat(r.changes())
            .as("%s after erasing %s", r, erase)
            .noneMatch(ch -> whole.matcher(ch.oldValue()).find() || whole.matcher(ch.newValue()).find())));
        gone.forEach(entity -> assertThat(after).as("erasing %s", erase).doesNotContainKey(entity));
        for (List<String> entity : kept) {
          assertThat(shape(after.getOrDefault(entity, List.of()))).as("%s kept after erasing %s", entity, erase)
              .isEqualTo(shape(before.get(entity)));
        }
        before.forEach((entity, records) -> {
          if (!gone.contains(entity) && !kept.contains(entity)) {
            assertThat(after.get(entity)).as("%s untouched by erasing %s", entity, erase).isEqualTo(records);
          }
        });
        assertThat(after.keySet()).as("only the erasure's own record is new")
            .allMatch(e -> before.containsKey(e) || e.get(1).startsWith("erased-"));
      }
    } finally {
      twin.close();
    }
  }

  /**
   * Ids a stored JSON text may escape or that look like its syntax (line and paragraph separators, a
   * character outside the basic plane, slash, angle brackets, quotes, colon, brace, backslash, non-breaking
   * space, byte order mark, a 128-character id), more than one statement's worth of them merged into the
   * erased customer, each named by another customer's interaction and an account's contacts: afterwards no
   * record names one as a whole id, and a customer whose id differs only in case keeps its records.
   */
  @Test
  void erasure_ofACustomerWithManyExoticMergedIds_leavesNoWholeIdMention() {
    Crm crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .idGenerator(org.ecrm.core.model.IdGenerator.sequential()).build();
    Account acme = crm.accounts().create("Acme", "acme.example");
    List<String> exotic = new ArrayList<>(List.of("x\u2028y", "p\u2029q", "\uD83D\uDE00-1", "a/b", "<i>", "\u00e9t\u00e9",
        "O'Brien", "\"", ":", "{", "}", "c\\d", "n\u00a0b", "\ufeffbom", "Case-X", "a%b_c!d", "[x]", "x".repeat(128)));
    for (int i = exotic.size(); i < 60; i++) {
      exotic.add("m-" + i + (i % 3 == 0 ? "\u2028" : i % 3 == 1 ? "\uD83D\uDE00" : "/") + i);
    }
    crm.customers().create(Customer.builder().id("survivor").name("Sur", "Vivor"));
    crm.customers().create(Customer.builder().id("bystander").name("By", "Stander"));
    crm.customers().create(Customer.builder().id("case-x").name("Other", "Case"));
    for (String id : exotic) {
      crm.customers().create(Customer.builder().id(id).name("Ex", "Otic").source("self " + id));
      crm.accounts().addContact(acme.id(), CustomerId.of(id), BuyingRole.values()[0]);
      crm.interactions().record(Interaction.builder(CustomerId.of("bystander"), Channel.PHONE,
          InteractionType.QUERY).summary("asked about " + id));
      crm.customers().merge(CustomerId.of("survivor"), CustomerId.of(id));
    }
    crm.interactions().record(Interaction.builder(CustomerId.of("bystander"), Channel.PHONE,
        InteractionType.QUERY).summary("asked about case-x"));
    List<String> identities = new ArrayList<>(exotic);
    identities.add("survivor");
    assertThat(storage.customers().aliasesOf(CustomerId.of("survivor"))).hasSize(exotic.size());
    Pattern whole = Pattern.compile("(?<![\\p{Alnum}_.:@-])(?:" + identities.stream().map(Pattern::quote)
        .collect(Collectors.joining("|")) + ")(?![\\p{Alnum}_.:@-])");
    long namingBefore = byEntity(storage.audit()).values().stream().flatMap(List::stream)
        .filter(r -> r.changes().stream().anyMatch(ch -> whole.matcher(ch.oldValue()).find()
            || whole.matcher(ch.newValue()).find())).count();
    assertThat(namingBefore).isGreaterThan(60);

    crm.privacy().erase(CustomerId.of("survivor"));

    Map<List<String>, List<AuditRecord>> after = byEntity(storage.audit());
    after.forEach((entity, records) -> {
      assertThat(identities).as("an erased id's own records go").doesNotContain(entity.get(1));
      records.forEach(r -> assertThat(r.changes()).as("%s", r).noneMatch(ch -> whole.matcher(ch.oldValue()).find()
          || whole.matcher(ch.newValue()).find()));
    });
    assertThat(after).containsKey(List.of("Customer", "case-x"));
    assertThat(after.values().stream().flatMap(List::stream).flatMap(r -> r.changes().stream())
        .anyMatch(ch -> ch.newValue().contains("asked about case-x"))).as("a case variant is not erased").isTrue();
  }

  /**
   * A facade over {@code target} (sequential ids, fixed clock) after a seeded trail of more than 1,000
   * records: customers whose ids are in {@link #NEAR} and others referring to them in their source,
   * account contacts, interactions and refunds naming them in free text, one merge.
   */
  private static Crm manyRecords(Storage target) {
    Crm crm = Crm.builder().storage(target).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .idGenerator(org.ecrm.core.model.IdGenerator.sequential()).build();
    crm.products().create(Sku.of("SKU-1"), "Book", "books", Money.of("10.00", "EUR"));
    Account acme = crm.accounts().create("Acme", "acme.example");
    Random random = new Random(20_261_204L);
    List<String> ids = new ArrayList<>(NEAR);
    for (int i = 0; i < 200; i++) {
      ids.add("n-" + i);
    }
    for (String id : ids) {
      crm.customers().create(Customer.builder().id(id).name("Given", "Family")
          .source("referred by " + NEAR.get(random.nextInt(NEAR.size()))));
    }
    for (String id : NEAR) {
      crm.accounts().addContact(acme.id(), CustomerId.of(id), BuyingRole.values()[0]);
    }
    for (int i = 0; i < 800; i++) {
      CustomerId who = CustomerId.of(ids.get(random.nextInt(ids.size())));
      String about = NEAR.get(random.nextInt(NEAR.size()));
      if (i % 2 == 0) {
        crm.interactions().record(Interaction.builder(who, Channel.PHONE, InteractionType.QUERY)
            .summary("asked about " + about + ", then " + about + "0"));
      } else {
        Order o = crm.orders().place(Order.builder(who).line("SKU-1", 1, Money.of("10.00", "EUR")));
        if (i % 5 == 0) {
          crm.orders().refund(o.id(), Money.of("1.00", "EUR"), "on behalf of " + about);
        }
      }
    }
    crm.customers().merge(CustomerId.of("c-1"), CustomerId.of("c-1.a"));
    return crm;
  }

  /** Every record of the trail, by entity type and id, in append order. */
  private static Map<List<String>, List<AuditRecord>> byEntity(org.ecrm.core.spi.AuditStore audit) {
    Map<List<String>, List<AuditRecord>> out = new LinkedHashMap<>();
    for (long offset = 0; ; ) {
      List<AuditRecord> page = audit.scan(offset, 500);
      page.forEach(r -> out.computeIfAbsent(List.of(r.entityType(), r.entityId()), k -> new ArrayList<>()).add(r));
      if (page.size() < 500) {
        return out;
      }
      offset += page.size();
    }
  }

  /** What pseudonymisation keeps of records: times, actors, actions and changed fields. */
  private static List<String> shape(List<AuditRecord> records) {
    return records.stream().map(r -> r.at() + " " + r.actor() + " " + r.action() + " "
        + r.changes().stream().map(ch -> ch.field()).toList()).toList();
  }

  private String lookUps(Crm crm, Customer p, Customer d) {
    StringBuilder out = new StringBuilder();
    for (Customer c : List.of(p, d)) {
      c.emails().forEach(e -> out.append(crm.customers().findByEmail(e)));
      c.externalIds().forEach(x -> out.append(crm.customers().findByExternalId(x)));
      out.append(storage.accounts().findByContact(c.id()));
    }
    return out.toString();
  }

  private static String export(Crm crm) {
    StringWriter out = new StringWriter();
    crm.archive().exportAll(out);
    return out.toString();
  }

  private List<String> found(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return markers.stream().filter(t::contains).toList();
  }

  /**
   * The text of an object graph: strings, and every field of the library's own objects, collections,
   * maps, arrays, optionals and references, followed by reflection (a library object's fields first: a lazily computed list is read as what it holds, not only as what it renders) (for in-memory stores, whose "raw content" is this graph).
   */
  public static String deepText(Object root) {
    StringBuilder out = new StringBuilder();
    walk(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out.toString();
  }

  private static void walk(Object o, StringBuilder out, Set<Object> seen) {
    if (o == null || !seen.add(o)) {
      return;
    }
    if (o.getClass().getName().startsWith("org.ecrm.")) { // fields first: a lazy list is Iterable too
      for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        if (!c.getName().startsWith("org.ecrm.")) {
          break;
        }
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
            continue;
          }
          try {
            f.setAccessible(true);
            walk(f.get(o), out, seen);
          } catch (ReflectiveOperationException | RuntimeException e) {
            out.append("<unreadable ").append(f).append(">\n");
          }
        }
      }
      if (o instanceof Iterable<?> it && !(o instanceof Map<?, ?>)) {
        it.forEach(x -> walk(x, out, seen));
      }
    } else if (o instanceof CharSequence || o instanceof Number || o instanceof Enum<?>
        || o instanceof java.time.temporal.Temporal) {
      out.append(o).append('\n');
    } else if (o instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        walk(k, out, seen);
        walk(v, out, seen);
      });
    } else if (o instanceof Iterable<?> it) {
      it.forEach(x -> walk(x, out, seen));
    } else if (o.getClass().isArray()) {
      if (!o.getClass().getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(o); i++) {
          walk(Array.get(o, i), out, seen);
        }
      }
    } else if (o instanceof java.util.Optional<?> opt) {
      opt.ifPresent(x -> walk(x, out, seen));
    } else if (o instanceof java.util.concurrent.atomic.AtomicReference<?> ref) {
      walk(ref.get(), out, seen);
    }
  }
}
