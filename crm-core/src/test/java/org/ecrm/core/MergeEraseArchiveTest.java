package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.PostalAddress;
import org.ecrm.core.service.ArchiveSummary;
import org.ecrm.core.service.TimelineEntry;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Duplicate merge, erasure and the whole-database archive. */
class MergeEraseArchiveTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T09:00:00Z"));
  private final List<CrmEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  private Storage storage;
  private Crm crm;
  private Customer ada;
  private Customer adaDup;

  @BeforeEach
  void setUp() {
    storage = MemoryStorage.create();
    crm = Crm.builder().storage(storage).clock(clock).idGenerator(IdGenerator.sequential())
        .listener(events::add).build().as(Actor.user("agent-7"));
    ada = crm.customers().create(Customer.builder().name("Ada", "").email("ada@example.com")
        .externalId("web", "u-1").tag("vip").attribute("tier", AttributeValue.of("gold")));
    adaDup = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("a.lovelace@example.org")
        .phone("+44 20 7946 0000").address(PostalAddress.of("12 St James's Sq", "SW1Y 4LB", "London", "GB"))
        .externalId("shop", "S-77").tag("b2b").attribute("tier", AttributeValue.of("silver"))
        .attribute("birthday", AttributeValue.of(java.time.LocalDate.of(1815, 12, 10))));
    clock.advanceSeconds(60);
    crm.orders().place(Order.builder(adaDup.id()).line("BOOK", 1, Money.of("20.00", "EUR")));
    crm.interactions().record(Interaction.builder(adaDup.id(), Channel.PHONE, InteractionType.COMPLAINT)
        .subject("Ada Lovelace called about her parcel").summary("Lives at 12 St James's Sq"));
    crm.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "form");
    crm.consents().grant(adaDup.id(), Channel.SMS, "offers", LawfulBasis.CONSENT, "shop");
    clock.advanceSeconds(60);
    crm.consents().withdraw(adaDup.id(), Channel.EMAIL, "newsletter", "unsubscribe");
    crm.preferences().update(adaDup.id(), p -> p.withTopics(java.util.Set.of("analytical-engines")), "form");
    var acme = crm.accounts().create("ACME", "acme.example");
    crm.accounts().addContact(acme.id(), adaDup.id(), BuyingRole.BUYER);
    clock.advanceSeconds(60);
  }

  @Test
  void merge_combinesFieldsAndMovesHistory() {
    Customer merged = crm.customers().merge(ada.id(), adaDup.id());
    assertThat(merged.id()).isEqualTo(ada.id());
    assertThat(merged.name().full()).isEqualTo("Ada Lovelace");
    assertThat(merged.emails()).extracting(EmailAddress::value)
        .containsExactly("ada@example.com", "a.lovelace@example.org");
    assertThat(merged.externalIds()).containsExactly(ExternalId.of("web", "u-1"), ExternalId.of("shop", "S-77"));
    assertThat(merged.tags()).containsExactly("b2b", "vip");
    assertThat(merged.attributes().get("tier")).isEqualTo(AttributeValue.of("gold"));
    assertThat(merged.attributes()).containsKey("birthday");
    assertThat(merged.phones()).hasSize(1);
    assertThat(merged.addresses()).hasSize(1);

    assertThat(crm.orders().ofCustomer(ada.id())).hasSize(1);
    assertThat(crm.interactions().ofCustomer(ada.id())).hasSize(1);
    assertThat(crm.preferences().get(ada.id()).topics()).containsExactly("analytical-engines");
    assertThat(crm.accounts().ofContact(ada.id())).singleElement()
        .satisfies(a -> assertThat(a.rolesOf(ada.id())).containsExactly(BuyingRole.BUYER));
    // the merged id keeps resolving; its keys now find the survivor
    assertThat(crm.customers().require(adaDup.id()).id()).isEqualTo(ada.id());
    assertThat(crm.customers().findByEmail(EmailAddress.of("a.lovelace@example.org")).map(Customer::id))
        .contains(ada.id());
    assertThat(crm.customers().count()).isEqualTo(1);
    // consent: one side granted the newsletter, the other withdrew it -> most restrictive wins
    assertThat(crm.consents().canContact(ada.id(), Channel.EMAIL, "newsletter")).isFalse();
    assertThat(crm.consents().canContact(ada.id(), Channel.SMS, "offers")).isTrue();
    // merge record on the timeline and in the audit trail, and the event
    List<TimelineEntry> timeline = crm.timeline(adaDup.id());
    assertThat(timeline).filteredOn(e -> e instanceof TimelineEntry.CustomerMerged).singleElement()
        .satisfies(e -> {
          var record = ((TimelineEntry.CustomerMerged) e).merge();
          assertThat(record.actor()).isEqualTo(Actor.user("agent-7"));
          assertThat(record.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("mergedFrom");
            assertThat(c.newValue()).isEqualTo(adaDup.id().value());
          });
        });
    assertThat(events).filteredOn(e -> e instanceof CrmEvent.CustomerMerged).hasSize(1);
  }

  @Test
  void merge_badInput_isRejected() {
    assertThatThrownBy(() -> crm.customers().merge(ada.id(), ada.id()))
        .hasMessageContaining("cannot be merged into itself");
    assertThatThrownBy(() -> crm.customers().merge(ada.id(), CustomerId.of("ghost")))
        .isInstanceOf(NotFoundException.class);
    assertThat(crm.customers().count()).isEqualTo(2);
  }

  @Test
  void mergeChains_resolveToTheLastSurvivor() {
    Customer third = crm.customers().create(Customer.builder().email("third@example.com"));
    crm.customers().merge(adaDup.id(), ada.id());
    crm.customers().merge(third.id(), adaDup.id());
    assertThat(crm.customers().require(ada.id()).id()).isEqualTo(third.id());
    assertThat(crm.customers().require(adaDup.id()).id()).isEqualTo(third.id());
  }

  @Test
  void erase_removesEveryPersonalValueFromEveryStore_keepsOrdersUnderPseudonym() {
    crm.customers().merge(ada.id(), adaDup.id());
    String dsar = crm.privacy().export(ada.id());
    assertThat(dsar).contains("a.lovelace@example.org", "Lives at 12 St James's Sq", "\"orders\"", "newsletter",
        "analytical-engines");

    CrmEvent.CustomerErased erased = crm.privacy().erase(adaDup.id());
    assertThat(erased.erasedId()).isEqualTo(ada.id());
    assertThat(erased.ordersKept()).isEqualTo(1);
    assertThat(erased.interactionsDeleted()).isEqualTo(1);
    assertThat(crm.orders().ofCustomer(erased.pseudonymId())).hasSize(1);
    assertThat(crm.customers().get(ada.id())).isEmpty();
    assertThat(crm.customers().get(adaDup.id())).isEmpty();
    assertThat(events.get(events.size() - 1)).isEqualTo(erased);

    StringWriter everything = new StringWriter();
    crm.archive().exportAll(everything);
    String all = everything.toString();
    for (String personal : List.of("Lovelace", "ada@example.com", "a.lovelace@example.org", "2079460000",
        "St James", "SW1Y", "u-1", "S-77", "her parcel", "1815-12-10", "gold", "unsubscribe", "analytical-engines",
        "\"" + ada.id().value() + "\"", "\"" + adaDup.id().value() + "\"")) {
      assertThat(all).as("after erasure the stores still hold %s", personal).doesNotContain(personal);
    }
    assertThat(crm.audit().forEntity("Customer", erased.pseudonymId().value())).singleElement()
        .satisfies(r -> assertThat(r.action()).isEqualTo("erase"));
    assertThatThrownBy(() -> crm.privacy().erase(ada.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void archive_exportImportExport_isIdentical() {
    crm.customers().merge(ada.id(), adaDup.id());
    crm.orders().refund(crm.orders().ofCustomer(ada.id()).get(0).id(), Money.of("5.00", "EUR"), "late");
    StringWriter first = new StringWriter();
    ArchiveSummary exported = crm.archive().exportAll(first);
    assertThat(exported.count("customer")).isEqualTo(1);
    assertThat(exported.count("order")).isEqualTo(1);
    assertThat(exported.count("audit")).isGreaterThan(5);

    Crm copy = Crm.builder().discoverStorage(false).build();
    ArchiveSummary imported = copy.archive().importAll(new StringReader(first.toString()));
    assertThat(imported.rejected()).isEmpty();
    assertThat(imported.counts()).isEqualTo(exported.counts());
    StringWriter second = new StringWriter();
    copy.archive().exportAll(second);
    assertThat(second.toString()).isEqualTo(first.toString());
    assertThat(copy.customers().require(ada.id())).isEqualTo(crm.customers().require(ada.id()));
  }

  @Test
  void archive_import_reportsBadLinesAndKeepsGoodOnes() {
    StringWriter out = new StringWriter();
    crm.archive().exportAll(out);
    String[] lines = out.toString().split("\n");
    String broken = String.join("\n", lines[0], lines[1], "{not json", "{\"type\":\"spaceship\",\"data\":{}}",
        lines[1].replace("ada@example.com", "ada@"), lines[2], lines[1]) + "\n";
    Crm copy = Crm.builder().discoverStorage(false).build();
    ArchiveSummary strict = copy.archive().importAll(new StringReader(broken));
    assertThat(strict.total()).isZero();
    assertThat(strict.rejected()).extracting(ArchiveSummary.Rejected::line).containsExactly(3L, 4L, 5L, 7L);
    assertThat(copy.customers().count()).isZero();
    ArchiveSummary result = copy.archive().importAll(new StringReader(broken), org.ecrm.core.service.Archive.Mode.PARTIAL);
    assertThat(result.count("customer")).isEqualTo(2);
    assertThat(result.rejected()).extracting(ArchiveSummary.Rejected::line).containsExactly(3L, 4L, 5L, 7L);
    assertThat(result.rejected().get(1).reason()).contains("unknown record type 'spaceship'");
    assertThat(result.rejected().get(2).reason()).contains("invalid e-mail address 'ada@'");
    assertThat(result.rejected().get(3).reason()).contains("duplicate customer id", "(first on line 2)");
    assertThatThrownBy(() -> copy.archive().importAll(new StringReader("{\"format\":\"zip\"}\n")))
        .hasMessageStartingWith("archive header: line 1 is not");
  }
}
