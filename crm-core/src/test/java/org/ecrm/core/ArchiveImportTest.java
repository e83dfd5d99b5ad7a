package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.service.Archive;
import org.ecrm.core.service.ArchiveSummary;
import org.ecrm.core.survey.Answer;
import org.ecrm.core.survey.Question;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.junit.jupiter.api.Test;

/**
 * Archive import checks the whole file first (header version, complete lines, known types, valid
 * data, unique ids and keys, references) and then stores all of it, nothing (strict, the default),
 * or the valid records (partial). Every problem is reported with its line number.
 */
class ArchiveImportTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

  private final Crm source = Crm.builder().discoverStorage(false).clock(CLOCK).build();
  private final List<String> lines;

  ArchiveImportTest() {
    Customer ada = source.customers().create(Customer.builder().id("ada").email("ada@example.com"));
    Customer bob = source.customers().create(Customer.builder().id("bob").email("bob@example.com"));
    source.orders().place(Order.builder(ada.id()).id("o1").line("BOOK", 1, Money.of("20.00", "EUR")));
    source.orders().place(Order.builder(bob.id()).id("o2").line("PEN", 2, Money.of("3.00", "EUR")));
    var acme = source.accounts().create(org.ecrm.core.model.AccountId.of("acme"), "ACME", "acme.example");
    source.accounts().addContact(acme.id(), ada.id(), BuyingRole.DECISION_MAKER);
    source.b2b().open(acme.id(), "Big deal", Money.of("1000.00", "EUR"), LocalDate.of(2026, 3, 1));
    Questionnaire q = source.surveys().define(Questionnaire.of("nps", "How are we doing?", 1,
        Question.nps("nps", "Would you recommend us?")));
    source.surveys().record(Response.of(q, bob.id(), CLOCK.instant(), Channel.WEB, Map.of("nps", Answer.scale(9))));
    StringWriter out = new StringWriter();
    source.archive().exportAll(out);
    lines = new ArrayList<>(Arrays.asList(out.toString().split("\n")));
  }

  private int lineOf(String type, String containing) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("{\"type\":\"" + type + "\"") && lines.get(i).contains(containing)) {
        return i;
      }
    }
    throw new AssertionError("no " + type + " line with " + containing);
  }

  private static String join(List<String> l) {
    return String.join("\n", l) + "\n";
  }

  private static Crm empty() {
    return Crm.builder().discoverStorage(false).clock(CLOCK).build();
  }

  private static String export(Crm crm) {
    StringWriter out = new StringWriter();
    crm.archive().exportAll(out);
    return out.toString();
  }

  /** Strict leaves the target store as it was; partial stores the rest. */
  private static void assertNothingStoredThenPartialLoads(String archive, long badLine, String reason,
      long customersLoadedInPartial) {
    Crm target = empty();
    String before = export(target);
    ArchiveSummary strict = target.archive().importAll(new StringReader(archive));
    assertThat(strict.total()).isZero();
    assertThat(strict.rejected()).extracting(ArchiveSummary.Rejected::line).contains(badLine);
    assertThat(strict.rejected()).filteredOn(r -> r.line() == badLine).first()
        .satisfies(r -> assertThat(r.reason()).contains(reason));
    assertThat(export(target)).isEqualTo(before);
    ArchiveSummary partial = target.archive().importAll(new StringReader(archive), Archive.Mode.PARTIAL);
    assertThat(partial.rejected()).isEqualTo(strict.rejected());
    assertThat(partial.count("customer")).isEqualTo(customersLoadedInPartial);
    assertThat(target.customers().count()).isEqualTo(customersLoadedInPartial);
  }

  @Test
  void aCompleteArchive_loadsWhole_strictByDefault() {
    Crm target = empty();
    ArchiveSummary s = target.archive().importAll(new StringReader(join(lines)));
    assertThat(s.rejected()).isEmpty();
    assertThat(s.count("customer")).isEqualTo(2);
    assertThat(s.count("order")).isEqualTo(2);
    assertThat(s.count("opportunity")).isEqualTo(1);
    assertThat(s.count("response")).isEqualTo(1);
    assertThat(export(target)).isEqualTo(join(lines));
  }

  @Test
  void truncatedLine_nothingStored_andPartialLoadsTheRest() {
    int i = lineOf("order", "\"o2\"");
    lines.set(i, lines.get(i).substring(0, lines.get(i).length() / 2));
    assertNothingStoredThenPartialLoads(join(lines), i + 1, "not a complete JSON record (truncated line?)", 2);
  }

  @Test
  void truncatedLastLineWithoutNewline_isReported() {
    String all = join(lines);
    String cut = all.substring(0, all.length() - 10);
    Crm target = empty();
    ArchiveSummary s = target.archive().importAll(new StringReader(cut));
    assertThat(s.rejected()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(lines.size());
      assertThat(r.reason()).contains("truncated");
    });
    assertThat(target.customers().count()).isZero();
  }

  @Test
  void duplicateId_nothingStored_namingTheFirstLine() {
    int i = lineOf("customer", "\"bob\"");
    String dup = lines.get(i).replace("bob@example.com", "bob2@example.com");
    lines.add(i + 1, dup);
    assertNothingStoredThenPartialLoads(join(lines), i + 2, "duplicate customer id 'bob' (first on line " + (i + 1) + ")", 2);
  }

  @Test
  void duplicateEmailUnderAnotherId_isRejected() {
    int i = lineOf("customer", "\"bob\"");
    lines.add(i + 1, lines.get(i).replace("\"id\":\"bob\"", "\"id\":\"bobby\""));
    assertNothingStoredThenPartialLoads(join(lines), i + 2, "duplicate e-mail address 'bob@example.com'", 2);
  }

  @Test
  void unknownKind_nothingStored() {
    lines.add(3, "{\"type\":\"spaceship\",\"data\":{}}");
    assertNothingStoredThenPartialLoads(join(lines), 4, "unknown record type 'spaceship'", 2);
  }

  @Test
  void orderOfAMissingCustomer_nothingStored_partialKeepsTheOtherOrder() {
    int i = lineOf("order", "\"o2\"");
    lines.set(i, lines.get(i).replace("\"customerId\":\"bob\"", "\"customerId\":\"ghost\""));
    assertNothingStoredThenPartialLoads(join(lines), i + 1, "customerId: unknown customer 'ghost'", 2);
    Crm target = empty();
    ArchiveSummary partial = target.archive().importAll(new StringReader(join(lines)), Archive.Mode.PARTIAL);
    assertThat(partial.count("order")).isEqualTo(1);
  }

  @Test
  void aRejectedCustomer_takesItsOrdersAndResponsesWithIt() {
    int i = lineOf("customer", "\"bob\"");
    lines.set(i, lines.get(i).replace("bob@example.com", "bob@"));
    Crm target = empty();
    ArchiveSummary s = target.archive().importAll(new StringReader(join(lines)), Archive.Mode.PARTIAL);
    assertThat(s.rejected()).extracting(ArchiveSummary.Rejected::line).containsExactly(
        (long) i + 1, (long) lineOf("order", "\"o2\"") + 1, (long) lineOf("response", "\"bob\"") + 1);
    assertThat(s.rejected().get(0).reason()).contains("invalid e-mail address 'bob@'").doesNotContain("truncated");
    assertThat(s.rejected().get(1).reason()).contains("unknown customer 'bob'");
    assertThat(target.customers().count()).isEqualTo(1);
    assertThat(target.orders().count()).isEqualTo(1);
  }

  @Test
  void opportunityOfAMissingAccount_andResponseToAMissingQuestionnaire_areRejected() {
    int opp = lineOf("opportunity", "Big deal");
    lines.set(opp, lines.get(opp).replace("\"accountId\":\"acme\"", "\"accountId\":\"nobody\""));
    int resp = lineOf("response", "\"bob\"");
    lines.set(resp, lines.get(resp).replace("\"questionnaireVersion\":1", "\"questionnaireVersion\":7"));
    Crm target = empty();
    ArchiveSummary s = target.archive().importAll(new StringReader(join(lines)));
    assertThat(s.rejected()).extracting(ArchiveSummary.Rejected::line).containsExactly((long) opp + 1, (long) resp + 1);
    assertThat(s.rejected().get(0).reason()).contains("accountId: unknown account 'nobody'");
    assertThat(s.rejected().get(1).reason()).contains("unknown questionnaire 'nps' version 7");
    assertThat(target.customers().count()).isZero();
  }

  @Test
  void everyProblemOfAFile_isReportedInOneRun_inLineOrder() {
    int o2 = lineOf("order", "\"o2\"");
    lines.set(o2, lines.get(o2).replace("\"customerId\":\"bob\"", "\"customerId\":\"ghost\""));
    lines.add(2, "{\"type\":\"customer\"}");
    lines.add(3, "[1,2,3]");
    lines.add(4, "{\"type\":\"order\",\"data\":[]}");
    lines.add(5, "");
    lines.add(6, "{\"type\":\"customer\",\"data\":{\"id\":\"x\"");
    Crm target = empty();
    ArchiveSummary s = target.archive().importAll(new StringReader(join(lines)));
    assertThat(s.rejected()).extracting(ArchiveSummary.Rejected::line)
        .containsExactly(3L, 4L, 5L, 7L, (long) o2 + 6);
    assertThat(s.rejected().get(0).reason()).contains("needs \"type\" and an object \"data\"");
    assertThat(target.customers().count()).isZero();
  }

  @Test
  void recordsAlreadyInTheStorage_areRejected_andTheStorageKeptAsItWas() {
    Crm target = empty();
    target.customers().create(Customer.builder().id("ada").email("someone@example.com"));
    String before = export(target);
    ArchiveSummary s = target.archive().importAll(new StringReader(join(lines)));
    assertThat(s.rejected()).extracting(ArchiveSummary.Rejected::reason)
        .anySatisfy(r -> assertThat(r).contains("customer id 'ada' already exists in the storage"));
    assertThat(export(target)).isEqualTo(before);
  }

  @Test
  void newerOrInexactVersion_isRefusedBeforeAnythingIsRead() {
    Crm target = empty();
    String body = join(lines.subList(1, lines.size()));
    assertThatThrownBy(() -> target.archive().importAll(new StringReader(
        "{\"format\":\"ecrm-archive\",\"version\":2}\n" + body)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1: archive version 2 is newer than this library reads (1)");
    for (String v : List.of("\"1\"", "1.5", "0", "null")) {
      assertThatThrownBy(() -> target.archive().importAll(new StringReader(
          "{\"format\":\"ecrm-archive\",\"version\":" + v + "}\n" + body)))
          .as(v).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }
    assertThatThrownBy(() -> target.archive().importAll(new StringReader("")))
        .hasMessageStartingWith("archive header: line 1 is not");
    assertThat(target.customers().count()).isZero();
    assertThat(export(target).lines().count()).isEqualTo(1);
  }

  @Test
  void headerWithBom_isRead() {
    ArchiveSummary s = empty().archive().importAll(new StringReader("\uFEFF" + join(lines)));
    assertThat(s.rejected()).isEmpty();
    assertThat(s.count("customer")).isEqualTo(2);
  }

  @Test
  void anArchiveTakenAfterAnErasure_loadsStrictly_withTheOrdersUnderTheirPseudonym() {
    source.privacy().erase(CustomerId.of("ada"));
    String archive = export(source);
    Crm target = empty();
    ArchiveSummary s = target.archive().importAll(new StringReader(archive));
    assertThat(s.rejected()).isEmpty();
    assertThat(s.count("order")).isEqualTo(2);
    assertThat(export(target)).isEqualTo(archive);
  }

  @Test
  void recordsOutOfTypeOrder_areStoredReferentsFirst() {
    int o1 = lineOf("order", "\"o1\"");
    String order = lines.remove(o1);
    lines.add(1, order);
    ArchiveSummary s = empty().archive().importAll(new StringReader(join(lines)));
    assertThat(s.rejected()).isEmpty();
    assertThat(s.count("order")).isEqualTo(2);
    assertThat(s.rejected()).extracting(r -> tuple(r.line(), r.reason())).isEmpty();
  }

  @Test
  void twoImportsOfOneArchiveAtOnce_oneLoadsWhole_theOtherStoresNothing() throws Exception {
    Crm target = empty();
    String archive = join(lines);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<ArchiveSummary>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> {
        go.await();
        return target.archive().importAll(new StringReader(archive));
      }));
    }
    go.countDown();
    List<ArchiveSummary> results = new ArrayList<>();
    for (var r : runs) {
      results.add(r.get(30, java.util.concurrent.TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(results).filteredOn(r -> r.rejected().isEmpty()).singleElement()
        .satisfies(r -> assertThat(r.count("customer")).isEqualTo(2));
    assertThat(results).filteredOn(r -> !r.rejected().isEmpty()).singleElement().satisfies(r -> {
      assertThat(r.total()).isZero();
      assertThat(r.rejected()).extracting(ArchiveSummary.Rejected::reason)
          .anySatisfy(x -> assertThat(x).contains("already exists in the storage"));
    });
    assertThat(export(target)).isEqualTo(archive);
  }

  @Test
  void aStorageFailingWhileStoring_reportsEveryRecordNotStored() {
    org.ecrm.core.spi.Storage memory = MemoryStorage.create();
    org.ecrm.core.spi.OrderStore failingOrders = (org.ecrm.core.spi.OrderStore) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {org.ecrm.core.spi.OrderStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("insert")) {
            throw new StoreException("connection lost");
          }
          try {
            return method.invoke(memory.orders(), args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    org.ecrm.core.spi.Storage storage = (org.ecrm.core.spi.Storage) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {org.ecrm.core.spi.Storage.class}, (proxy, method, args) -> {
          if (method.getName().equals("orders")) {
            return failingOrders;
          }
          try {
            return method.invoke(memory, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    Crm target = Crm.builder().storage(storage).clock(CLOCK).build();
    ArchiveSummary s = target.archive().importAll(new StringReader(join(lines)));
    assertThat(s.rejected()).extracting(ArchiveSummary.Rejected::line, ArchiveSummary.Rejected::reason).containsExactly(
        tuple((long) lineOf("order", "\"o1\"") + 1, "not stored: connection lost"),
        tuple((long) lineOf("order", "\"o2\"") + 1, "not stored: connection lost"));
    assertThat(s.count("customer")).isEqualTo(2);
    assertThat(s.count("order")).isZero();
  }
}
