package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.access.AccessDeniedException;
import org.ecrm.core.access.AccessPolicy;
import org.ecrm.core.access.Permission;
import org.ecrm.core.interact.CampaignSpec;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.internal.Guarded;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Sku;
import org.ecrm.core.support.Article;
import org.ecrm.core.support.CasePriority;
import org.ecrm.core.support.CaseType;
import org.ecrm.core.support.SupportCase;
import org.ecrm.core.survey.Answer;
import org.ecrm.core.survey.PreferenceMapping;
import org.ecrm.core.survey.Question;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access control over a storage: every public method of every service a {@link Crm} hands out, found
 * by reflection, is refused to an actor without roles (naming actor, permission and operation, and
 * writing nothing) and allowed to an actor holding every permission and to {@link Actor#SYSTEM}.
 * Extend it with a {@link #newStorage()} of the storage under test.
 */
public abstract class AccessContract extends StoreContractSupport {
  private static final Actor EVE = Actor.user("eve");
  private static final Actor ROOT = Actor.user("root");

  private Crm crm;
  private Customer ada;
  private Order order;
  private Interaction call;
  private Account acme;
  private SupportCase supportCase;
  private Article article;
  private Questionnaire questionnaire;
  private String opportunityId;

  @BeforeEach
  final void fixture() {
    Permission first = Permission.values()[0];
    Permission[] rest = EnumSet.complementOf(EnumSet.of(first)).toArray(Permission[]::new);
    crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .accessPolicy(AccessPolicy.builder().role("all", first, rest).role("nothing", Permission.READ_PRODUCTS)
            .grant(ROOT, "all").build()).build();
    ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
    crm.customers().create(Customer.builder().id("grace").name("Grace", "Hopper").email("grace@example.com"));
    crm.products().create(Sku.of("SKU-1"), "Book", "books", Money.of("10.00", "EUR"));
    order = crm.orders().place(Order.builder(ada.id()).line("SKU-1", 1, Money.of("10.00", "EUR")));
    call = crm.interactions().record(Interaction.builder(ada.id(), Channel.PHONE, InteractionType.QUERY)
        .subject("call"));
    acme = crm.accounts().create("Acme", "acme.example");
    crm.accounts().addContact(acme.id(), ada.id(), org.ecrm.core.model.BuyingRole.values()[0]);
    supportCase = crm.cases().open(ada.id(), Channel.EMAIL, CaseType.values()[0], CasePriority.values()[0],
        "Broken", "It broke");
    article = crm.knowledgeBase().create("kb-1", "Broken?", "Restart it", Set.of("help"), "en",
        Article.Status.values()[Article.Status.values().length - 1]);
    questionnaire = crm.surveys().define(Questionnaire.of("q1", "Q", 1, Question.nps("nps", "Recommend?")));
    opportunityId = crm.b2b().open(acme.id(), "Deal", Money.of("100.00", "EUR"), LocalDate.of(2024, 6, 1)).id();
    crm.consents().grant(ada.id(), Channel.EMAIL, "news", LawfulBasis.CONSENT, "form");
  }

  /** Every public method of every service {@link Crm} hands out, plus the timeline, by reflection. */
  private List<Call> everyOperation(Crm view) {
    List<Call> calls = new ArrayList<>();
    for (Method accessor : sorted(Crm.class.getMethods())) {
      Class<?> type = accessor.getReturnType();
      if (accessor.getParameterCount() != 0 || !type.isInterface() || !type.getPackageName().startsWith("org.ecrm")) {
        continue;
      }
      Object service = invoke(accessor, view);
      for (Method m : sorted(type.getMethods())) {
        if (!Modifier.isStatic(m.getModifiers())) {
          calls.add(new Call(type.getSimpleName() + "." + m.getName() + sig(m), service, m));
        }
      }
    }
    calls.add(new Call("Crm.timeline(CustomerId)", view, method(Crm.class, "timeline")));
    return calls;
  }

  /** The services {@link Crm} hands out. */
  private static Set<Class<?>> servicesOfCrm() {
    Set<Class<?>> out = new java.util.HashSet<>();
    for (Method accessor : Crm.class.getMethods()) {
      Class<?> t = accessor.getReturnType();
      if (accessor.getParameterCount() == 0 && t.isInterface() && t.getPackageName().startsWith("org.ecrm")) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void everyServiceOfCrm_isGuarded() {
    assertThat(servicesOfCrm()).hasSize(16).containsExactlyInAnyOrderElementsOf(Guarded.services());
  }

  @Test
  void actorWithoutRoles_isRefusedEveryOperation_andNothingIsWritten() {
    String before = export();
    int before16 = crm.audit().byActor(EVE).size();
    Crm eve = crm.as(EVE);
    List<Call> calls = everyOperation(eve);
    Map<String, String> refused = new TreeMap<>();
    for (Call c : calls) {
      try {
        Object result = c.method().invoke(c.target(), args(c.method()));
        close(result);
        fail(c.name() + " was allowed to an actor without roles");
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof AccessDeniedException denied)) {
          throw new AssertionError(c.name() + " failed with " + e.getCause() + " instead of being refused", e.getCause());
        }
        assertThat(denied.actor()).isEqualTo("user:eve");
        String simple = c.name().substring(0, c.name().indexOf('('));
        assertThat(denied.operation()).as(c.name()).startsWith("call " + simple + "(");
        assertThat(denied.getMessage()).contains("user:eve", denied.permission().name(), denied.operation());
        refused.put(c.name(), denied.permission().name());
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(refused).hasSameSizeAs(calls);
    assertThat(calls.size()).isGreaterThanOrEqualTo(MIN_OPERATIONS);
    assertThat(export()).as("nothing written").isEqualTo(before);
    assertThat(crm.audit().byActor(EVE)).hasSize(before16);
    System.out.println("[access] " + calls.size() + " operations refused to an actor without roles: " + refused);
  }

  /** The operations of the services today (108 service methods and the timeline); fewer means the enumeration lost some. */
  protected static final int MIN_OPERATIONS = 109;

  @Test
  void actorWithEveryPermission_andSystem_areAllowedEveryOperation() {
    for (Actor actor : List.of(ROOT, Actor.SYSTEM)) {
      Crm view = crm.as(actor);
      int n = 0;
      for (Call c : everyOperation(view)) {
        try {
          close(c.method().invoke(c.target(), args(c.method())));
        } catch (InvocationTargetException e) {
          assertThat(e.getCause()).as(actor + " " + c.name()).isNotInstanceOf(AccessDeniedException.class);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        n++;
      }
      assertThat(n).isGreaterThanOrEqualTo(MIN_OPERATIONS);
    }
  }

  @Test
  void interact_onAGuardedCrm_checksTheActorsPermissions() {
    Interact forEve = Interact.builder(crm.as(EVE))
        .channel(org.ecrm.core.interact.MessageChannel.inMemory(Channel.EMAIL)).build();
    assertThatThrownBy(() -> forEve.profile(ada.id())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> forEve.recommendations(ada.id(), 3)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> forEve.decide(ada.id(), Channel.EMAIL, "news")).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> forEve.plan(CampaignSpec.builder("c1", "news").channels(Channel.EMAIL).build()))
        .isInstanceOf(AccessDeniedException.class);
    Interact forRoot = Interact.builder(crm.as(ROOT)).build();
    assertThat(forRoot.profile(ada.id()).customerId()).contains(ada.id());
  }

  @Test
  void pseudonymisedReaders_seeNoContactDetailsAnywhere() {
    Crm analyst = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .accessPolicy(AccessPolicy.builder().role("analyst", Permission.READ_CUSTOMERS_PSEUDONYMISED, Permission.READ_B2B)
            .grant(Actor.user("bob"), "analyst").build()).build().as(Actor.user("bob"));
    assertThat(analyst.customers().require(ada.id()).emails()).isEmpty();
    assertThat(analyst.customers().get(ada.id()).orElseThrow().name().isUnknown()).isTrue();
    assertThat(analyst.customers().list(CustomerFilter.all(), 10, "").items()).allMatch(c -> c.emails().isEmpty());
    try (Stream<Customer> all = analyst.customers().stream(CustomerFilter.all())) {
      assertThat(all).hasSize(2).allMatch(c -> c.emails().isEmpty() && c.name().isUnknown());
    }
    assertThatThrownBy(() -> analyst.customers().findByEmail(ada.primaryEmail().orElseThrow()))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("READ_CUSTOMERS");
    assertThatThrownBy(() -> analyst.timeline(ada.id())).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("READ_ORDERS");
    assertThat(analyst.b2b().decisionMakingUnit(acme.id())).singleElement()
        .satisfies(u -> assertThat(u.name()).isEmpty());
    assertThat(crm.as(ROOT).b2b().decisionMakingUnit(acme.id())).singleElement()
        .satisfies(u -> assertThat(u.name()).contains("Lovelace"));
  }

  private String export() {
    StringWriter out = new StringWriter();
    crm.archive().exportAll(out);
    return out.toString();
  }

  /** A plausible argument per parameter type; the refusal must come before any is used. */
  private Object[] args(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] a = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      a[i] = sample(types[i], m.getName(), i);
    }
    return a;
  }

  private Object sample(Class<?> t, String method, int index) {
    if (samples.isEmpty()) {
      fillSamples();
    }
    if (samples.containsKey(t)) {
      return samples.get(t);
    }
    if (t == String.class) {
      return stringFor(method, index);
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[0];
    }
    if (Set.class.isAssignableFrom(t)) {
      return Set.of();
    }
    if (Collection.class.isAssignableFrom(t)) {
      return List.of();
    }
    throw new AssertionError("no sample for parameter type " + t.getName() + " of " + method);
  }

  private final Map<Class<?>, Object> samples = new HashMap<>();

  private void fillSamples() {
    samples.put(org.ecrm.core.model.Product.class, crm.products().require(Sku.of("SKU-1")));
    samples.put(org.ecrm.core.model.CustomerId.class, ada.id());
    samples.put(org.ecrm.core.model.OrderId.class, order.id());
    samples.put(org.ecrm.core.model.InteractionId.class, call.id());
    samples.put(org.ecrm.core.model.AccountId.class, acme.id());
    samples.put(Sku.class, Sku.of("SKU-1"));
    samples.put(Customer.Builder.class, Customer.builder().name("New", "Person"));
    samples.put(Customer.class, ada);
    samples.put(org.ecrm.core.model.EmailAddress.class, org.ecrm.core.model.EmailAddress.of("ada@example.com"));
    samples.put(org.ecrm.core.model.PhoneNumber.class, org.ecrm.core.model.PhoneNumber.parse("+44 20 7946 0000"));
    samples.put(org.ecrm.core.model.ExternalId.class, org.ecrm.core.model.ExternalId.of("crm", "ada-1"));
    samples.put(Order.Builder.class, Order.builder(ada.id()).line("SKU-1", 1, Money.of("1.00", "EUR")));
    samples.put(Interaction.Builder.class, Interaction.builder(ada.id(), Channel.WEB, InteractionType.QUERY));
    samples.put(Account.class, acme);
    samples.put(Article.class, article);
    samples.put(Questionnaire.class, questionnaire);
    samples.put(Response.class, Response.of(questionnaire, ada.id(), T0, Channel.WEB, Map.of("nps", Answer.scale(9))));
    samples.put(PreferenceMapping.class, PreferenceMapping.builder(questionnaire).build());
    samples.put(ConsentRecord.class, crm.consents().history(ada.id()).get(0));
    samples.put(Money.class, Money.of("1.00", "EUR"));
    samples.put(Instant.class, T0);
    samples.put(LocalDate.class, LocalDate.of(2024, 7, 1));
    samples.put(Duration.class, Duration.ofHours(1));
    samples.put(Period.class, Period.ofMonths(1));
    samples.put(BigDecimal.class, new BigDecimal("0.3"));
    samples.put(CustomerFilter.class, CustomerFilter.all());
    samples.put(Actor.class, EVE);
    samples.put(ImportRequest.class, ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build());
    samples.put(java.io.Writer.class, new StringWriter());
    samples.put(java.io.Reader.class, new StringReader("{\"format\":\"ecrm-archive\",\"version\":1}\n"));
    samples.put(Path.class, Path.of("target", "no-such-import.csv"));
    samples.put(UnaryOperator.class, UnaryOperator.identity());
    samples.put(String[].class, new String[] {"vip"});
    samples.put(int.class, 5);
    samples.put(long.class, 1L);
    samples.put(double.class, 1.0);
    samples.put(boolean.class, false);
  }

  private String stringFor(String method, int index) {
    if (method.equals("list")) {
      return ""; // the first page's cursor
    }
    if (index > 0) {
      return "text";
    }
    return switch (method) {
      case "reply", "customerMessage", "changeStatus", "assign", "clocks", "suggest" -> supportCase.id();
      case "solved" -> article.id();
      case "moveTo", "forecast" -> opportunityId;
      case "statistics" -> questionnaire.id();
      case "forEntity" -> "Customer";
      case "inCategory" -> "books";
      default -> method.equals("get") ? "kb-1" : "text";
    };
  }

  private static void close(Object result) {
    if (result instanceof Stream<?> s) {
      s.close();
    }
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Method method(Class<?> type, String name) {
    return Stream.of(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }

  private static List<Method> sorted(Method[] methods) {
    return Stream.of(methods).sorted(Comparator.comparing(Method::getName).thenComparing(AccessContract::sig)).toList();
  }

  private static String sig(Method m) {
    return "(" + String.join(",", Stream.of(m.getParameterTypes()).map(Class::getSimpleName).toList()) + ")";
  }

  private record Call(String name, Object target, Method method) { }
}
