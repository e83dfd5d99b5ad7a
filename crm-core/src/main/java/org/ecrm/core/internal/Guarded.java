package org.ecrm.core.internal;

import static org.ecrm.core.access.Permission.EXPORT_ALL;
import static org.ecrm.core.access.Permission.IMPORT_ALL;
import static org.ecrm.core.access.Permission.MANAGE_CONSENT;
import static org.ecrm.core.access.Permission.PRIVACY_REQUESTS;
import static org.ecrm.core.access.Permission.READ_ACCOUNTS;
import static org.ecrm.core.access.Permission.READ_AUDIT;
import static org.ecrm.core.access.Permission.READ_B2B;
import static org.ecrm.core.access.Permission.READ_CASES;
import static org.ecrm.core.access.Permission.READ_CUSTOMERS;
import static org.ecrm.core.access.Permission.READ_CUSTOMERS_PSEUDONYMISED;
import static org.ecrm.core.access.Permission.READ_INTERACTIONS;
import static org.ecrm.core.access.Permission.READ_KNOWLEDGE_BASE;
import static org.ecrm.core.access.Permission.READ_LOYALTY;
import static org.ecrm.core.access.Permission.READ_ORDERS;
import static org.ecrm.core.access.Permission.READ_PREFERENCES;
import static org.ecrm.core.access.Permission.READ_PRODUCTS;
import static org.ecrm.core.access.Permission.READ_SURVEYS;
import static org.ecrm.core.access.Permission.WRITE_ACCOUNTS;
import static org.ecrm.core.access.Permission.WRITE_B2B;
import static org.ecrm.core.access.Permission.WRITE_CASES;
import static org.ecrm.core.access.Permission.WRITE_CUSTOMERS;
import static org.ecrm.core.access.Permission.WRITE_INTERACTIONS;
import static org.ecrm.core.access.Permission.WRITE_KNOWLEDGE_BASE;
import static org.ecrm.core.access.Permission.WRITE_LOYALTY;
import static org.ecrm.core.access.Permission.WRITE_ORDERS;
import static org.ecrm.core.access.Permission.WRITE_PREFERENCES;
import static org.ecrm.core.access.Permission.WRITE_PRODUCTS;
import static org.ecrm.core.access.Permission.WRITE_SURVEYS;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ecrm.core.access.AccessDeniedException;
import org.ecrm.core.access.AccessPolicy;
import org.ecrm.core.access.Permission;
import org.ecrm.core.b2b.B2b;
import org.ecrm.core.b2b.UnitMember;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.Imports;
import org.ecrm.core.loyalty.Loyalty;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.service.Accounts;
import org.ecrm.core.service.Archive;
import org.ecrm.core.service.Audit;
import org.ecrm.core.service.Consents;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.Interactions;
import org.ecrm.core.service.Orders;
import org.ecrm.core.service.PreferenceCentre;
import org.ecrm.core.service.Privacy;
import org.ecrm.core.service.Products;
import org.ecrm.core.support.Cases;
import org.ecrm.core.support.KnowledgeBase;
import org.ecrm.core.survey.Surveys;
import org.jspecify.annotations.Nullable;

/**
 * The one enforcement point of access control: the services as seen by one actor under an {@link
 * AccessPolicy}.
 *
 * <p>How nothing can be left unguarded: when a policy is set, {@link org.ecrm.core.Crm} hands out only
 * views made by {@link #view}, a {@link Proxy} generated from the service <em>interface</em>. Every
 * call goes through one {@link InvocationHandler} that looks the {@link Method} up in {@link #RULES}
 * (method name → permission, per interface) and checks the permission before the real service is
 * touched. The table is checked complete when this class initialises: a public method of a guarded
 * interface without a rule (or a rule naming no method) fails class initialisation, so a {@code Crm}
 * with a policy cannot even be built; and a method the table does not know is denied at call time
 * anyway. {@link #view} refuses an interface that has no rules at all, and the access tests enumerate
 * every service accessor of {@code Crm} by reflection and call every method as an actor without
 * roles. So a new service or method cannot be added unguarded: it needs a line in this table.
 *
 * <p>Customers leave a view as the actor may see them: whole (the read recorded in the audit trail) with
 * {@link Permission#READ_CUSTOMERS}, pseudonymised with only {@link
 * Permission#READ_CUSTOMERS_PSEUDONYMISED}; the names of an account's contacts ({@link UnitMember}) are
 * removed for actors without {@link Permission#READ_CUSTOMERS}. Reads of interactions are recorded in the
 * audit trail.
 *
 * <p>Cost: without a policy, or for {@link Actor#SYSTEM}, the facade hands out the raw services and this
 * class is not involved. A guarded call costs one hash lookup of the method (the table is built once),
 * one permission check and one reflective call.
 */
public final class Guarded {
  /** What a method returns and how the view treats it. */
  private enum Shape {
    /** Returned as is. */
    PLAIN,
    /** Customers: pseudonymised unless the actor may read them whole; whole reads are audited. */
    CUSTOMERS,
    /** Interactions: each read is recorded in the audit trail. */
    INTERACTIONS,
    /** Contacts' names ({@link UnitMember}): removed unless the actor may read customers whole. */
    CONTACT_NAMES,
    /** {@link Imports#run}: needs the write permission of the request's entity kind. */
    IMPORT
  }

  /**
   * One row of the table.
   *
   * @param permission what the call needs; for {@link Shape#CUSTOMERS} reads {@link
   *     Permission#READ_CUSTOMERS_PSEUDONYMISED} means "whole or pseudonymised", {@link
   *     Permission#READ_CUSTOMERS} means whole only (look-ups by contact details)
   * @param shape how the result is treated
   */
  private record Rule(Permission permission, Shape shape) { }

  /** Every guarded interface with its methods' rules, by method name (overloads share a rule). */
  private static final Map<Class<?>, Map<String, Rule>> TABLE = new LinkedHashMap<>();
  /** The table per {@link Method}, built and checked complete once. */
  private static final Map<Method, Rule> RULES;

  static {
    Rule readCustomers = new Rule(READ_CUSTOMERS_PSEUDONYMISED, Shape.CUSTOMERS);
    Rule lookUpCustomers = new Rule(READ_CUSTOMERS, Shape.CUSTOMERS);
    Rule writeCustomers = new Rule(WRITE_CUSTOMERS, Shape.PLAIN);
    table(Customers.class, Map.ofEntries(Map.entry("create", writeCustomers), Map.entry("get", readCustomers),
        Map.entry("require", readCustomers), Map.entry("findByEmail", lookUpCustomers),
        Map.entry("findByPhone", lookUpCustomers), Map.entry("findByExternalId", lookUpCustomers),
        Map.entry("update", writeCustomers), Map.entry("modify", writeCustomers), Map.entry("tag", writeCustomers),
        Map.entry("untag", writeCustomers), Map.entry("merge", writeCustomers), Map.entry("list", readCustomers),
        Map.entry("stream", readCustomers), Map.entry("count", readCustomers)));
    table(Orders.class, READ_ORDERS, WRITE_ORDERS, Set.of("get", "require", "ofCustomer", "list", "stream", "count"),
        Set.of("place", "markPaid", "cancel", "refund", "refundRemaining"));
    Rule readInteractions = new Rule(READ_INTERACTIONS, Shape.INTERACTIONS);
    table(Interactions.class, Map.of("record", new Rule(WRITE_INTERACTIONS, Shape.PLAIN), "get", readInteractions,
        "ofCustomer", readInteractions, "list", readInteractions, "stream", readInteractions));
    table(Consents.class, MANAGE_CONSENT, MANAGE_CONSENT, Set.of("history", "current", "canContact"),
        Set.of("grant", "withdraw", "record"));
    table(Privacy.class, PRIVACY_REQUESTS, PRIVACY_REQUESTS, Set.of("export"), Set.of("erase"));
    table(Accounts.class, READ_ACCOUNTS, WRITE_ACCOUNTS, Set.of("get", "require", "ofContact", "list", "stream"),
        Set.of("create", "update", "addContact", "removeContact"));
    table(Products.class, READ_PRODUCTS, WRITE_PRODUCTS, Set.of("get", "require", "inCategory", "list", "stream"),
        Set.of("create", "update"));
    table(PreferenceCentre.class, READ_PREFERENCES, WRITE_PREFERENCES, Set.of("get", "history"), Set.of("update"));
    table(Surveys.class, READ_SURVEYS, WRITE_SURVEYS, Set.of("responsesOf", "statistics"),
        Set.of("define", "record"));
    table(Cases.class, READ_CASES, WRITE_CASES, Set.of("get", "ofCustomer", "clocks", "aboutToBreach", "report"),
        Set.of("open", "reply", "customerMessage", "changeStatus", "assign"));
    table(KnowledgeBase.class, READ_KNOWLEDGE_BASE, WRITE_KNOWLEDGE_BASE,
        Set.of("get", "search", "suggest", "mostAsked"), Set.of("create", "update", "solved"));
    table(Loyalty.class, READ_LOYALTY, WRITE_LOYALTY, Set.of("program", "balance", "ledger", "tier", "roi"),
        Set.of("earn", "earnForOrder", "redeem", "adjust", "expire"));
    table(B2b.class, READ_B2B, WRITE_B2B, Set.of("stages", "get", "ofAccount", "weightedPipeline", "listening"),
        Set.of("open", "moveTo", "forecast"));
    TABLE.put(B2b.class, with(TABLE.get(B2b.class), "decisionMakingUnit", new Rule(READ_B2B, Shape.CONTACT_NAMES)));
    table(Audit.class, READ_AUDIT, READ_AUDIT, Set.of("forEntity", "byActor"), Set.of());
    TABLE.put(Archive.class, Map.of("exportAll", new Rule(EXPORT_ALL, Shape.PLAIN),
        "importAll", new Rule(IMPORT_ALL, Shape.PLAIN)));
    TABLE.put(Imports.class, Map.of("run", new Rule(WRITE_CUSTOMERS, Shape.IMPORT)));
    RULES = checkedComplete();
  }

  private Guarded() {}

  private static void table(Class<?> service, Map<String, Rule> rules) {
    TABLE.put(service, Map.copyOf(rules));
  }

  private static Map<String, Rule> with(Map<String, Rule> rules, String method, Rule rule) {
    Map<String, Rule> out = new HashMap<>(rules);
    out.put(method, rule);
    return Map.copyOf(out);
  }

  private static void table(Class<?> service, Permission read, Permission write, Set<String> reads,
      Set<String> writes) {
    Map<String, Rule> rules = new HashMap<>();
    reads.forEach(m -> rules.put(m, new Rule(read, Shape.PLAIN)));
    writes.forEach(m -> rules.put(m, new Rule(write, Shape.PLAIN)));
    TABLE.put(service, Map.copyOf(rules));
  }

  /** Every public method of every guarded interface has a rule, and every rule a method. */
  private static Map<Method, Rule> checkedComplete() {
    Map<Method, Rule> rules = new HashMap<>();
    List<String> problems = new ArrayList<>();
    TABLE.forEach((service, byName) -> {
      Set<String> used = new TreeSet<>();
      for (Method m : service.getMethods()) {
        if (Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        Rule r = byName.get(m.getName());
        if (r == null) {
          problems.add(service.getSimpleName() + "." + m.getName() + " has no permission");
        } else {
          rules.put(m, r);
          used.add(m.getName());
        }
      }
      byName.keySet().stream().filter(n -> !used.contains(n))
          .forEach(n -> problems.add(service.getSimpleName() + "." + n + " is not a method"));
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the access table is incomplete: " + problems);
    }
    return Map.copyOf(rules);
  }

  /** The guarded interfaces (the services a {@code Crm} hands out). */
  public static Set<Class<?>> services() {
    return java.util.Collections.unmodifiableSet(TABLE.keySet());
  }

  /**
   * The permission each method of {@code service} needs, by method name (for documentation and tests).
   *
   * @throws IllegalArgumentException if the interface is not guarded
   */
  public static Map<String, Permission> permissions(Class<?> service) {
    Map<String, Rule> rules = TABLE.get(service);
    if (rules == null) {
      throw Checks.invalid("service", "is not a guarded interface", service.getName());
    }
    Map<String, Permission> out = new java.util.TreeMap<>();
    rules.forEach((n, r) -> out.put(n, r.permission()));
    return out;
  }

  /**
   * {@code service} as {@code gate}'s actor may use it: a proxy of {@code type} that checks every call.
   *
   * @throws IllegalArgumentException if {@code type} has no rules
   */
  public static <T> T view(Class<T> type, T service, Gate gate) {
    if (!TABLE.containsKey(type)) {
      throw Checks.invalid("service", "has no access rules; add them to the table of Guarded", type.getName());
    }
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new Handler(type.getSimpleName(), service, gate)));
  }

  /** The single invocation handler of every guarded view. */
  private static final class Handler implements InvocationHandler {
    private final String name;
    private final Object target;
    private final Gate gate;

    Handler(String name, Object target, Gate gate) {
      this.name = name;
      this.target = target;
      this.gate = gate;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> args != null && proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "guarded " + name + " of " + gate.actor();
        };
      }
      Rule rule = RULES.get(method);
      if (rule == null) { // deny by default: cannot happen for a checked interface
        throw new IllegalStateException(name + "." + method.getName() + " has no access rule; denied");
      }
      Permission needed = rule.permission();
      if (rule.shape() == Shape.IMPORT) {
        needed = importPermission(args);
      }
      if (rule.shape() == Shape.CUSTOMERS && needed == READ_CUSTOMERS_PSEUDONYMISED) {
        if (!gate.allows(READ_CUSTOMERS) && !gate.allows(READ_CUSTOMERS_PSEUDONYMISED)) {
          throw new AccessDeniedException(gate.actor(), needed, operation(method, args));
        }
      } else if (!gate.allows(needed)) {
        throw new AccessDeniedException(gate.actor(), needed, operation(method, args));
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return switch (rule.shape()) {
        case CUSTOMERS -> gate.shownCustomers(result);
        case INTERACTIONS -> gate.shownInteractions(result);
        case CONTACT_NAMES -> gate.allows(READ_CUSTOMERS) ? result : Gate.shown(result, UnitMember.class, m -> {
          UnitMember u = (UnitMember) m;
          return new UnitMember(u.customerId(), "", u.roles(), u.interactions(), u.lastInteraction());
        });
        default -> result;
      };
    }

    private static Permission importPermission(Object @Nullable [] args) {
      if (args == null || !(args[0] instanceof ImportRequest r)) {
        return WRITE_CUSTOMERS; // refused below or failing in the service on the missing request
      }
      return switch (r.kind()) {
        case CUSTOMER -> WRITE_CUSTOMERS;
        case ACCOUNT -> WRITE_ACCOUNTS;
        case PRODUCT -> WRITE_PRODUCTS;
        case ORDER -> WRITE_ORDERS;
      };
    }

    /** {@code call Customers.get(c-1)}: the interface, the method and an id argument if there is one. */
    private String operation(Method method, Object @Nullable [] args) {
      String on = "";
      if (args != null && args.length > 0 && args[0] != null) {
        Object a = args[0];
        String type = a.getClass().getSimpleName();
        if (type.endsWith("Id") || type.equals("Sku")) {
          String v = a.toString();
          on = v.length() > 80 ? v.substring(0, 80) + "…" : v;
        }
      }
      return "call " + name + "." + method.getName() + "(" + on + ")";
    }
  }

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

    /** Whether the actor holds the permission. */
    public boolean allows(Permission p) {
      return policy.allows(actor, p);
    }

    /** Checks that the actor may read customers at least pseudonymised. */
    public void mayReadCustomers(String action) {
      if (!allows(READ_CUSTOMERS)) {
        require(READ_CUSTOMERS_PSEUDONYMISED, action);
      }
    }

    /** Records a read of personal data by this actor. */
    public void recordRead(String entityType, String id) {
      if (!actor.equals(Actor.SYSTEM)) {
        ctx.storage().audit().append(new AuditRecord(ctx.now(), actor, entityType, id, "read", List.of()));
      }
    }

    /** The customer as this actor may see it, the read recorded when it shows personal data. */
    Customer show(Customer c) {
      if (allows(READ_CUSTOMERS)) {
        recordRead("Customer", c.id().value());
        return c;
      }
      return c.toBuilder().name(PersonName.UNKNOWN).emails(List.of()).phones(List.of()).addresses(List.of())
          .externalIds(List.of()).attributes(Map.of()).build();
    }

    @Nullable Object shownCustomers(@Nullable Object result) {
      return shown(result, Customer.class, c -> show((Customer) c));
    }

    @Nullable Object shownInteractions(@Nullable Object result) {
      return shown(result, Interaction.class, i -> {
        recordRead("Interaction", ((Interaction) i).id().value());
        return i;
      });
    }

    static @Nullable Object shown(@Nullable Object result, Class<?> type,
        java.util.function.UnaryOperator<Object> each) {
      if (type.isInstance(result)) {
        return each.apply(result);
      } else if (result instanceof Optional<?> o) {
        return o.map(x -> type.isInstance(x) ? each.apply(x) : x);
      } else if (result instanceof List<?> l) {
        return l.stream().map(x -> type.isInstance(x) ? each.apply(x) : x).toList();
      } else if (result instanceof Page<?> p) {
        List<Object> items = p.items().stream().map(x -> type.isInstance(x) ? each.apply(x) : x).toList();
        return new Page<>(items, p.nextCursor().orElse(null));
      } else if (result instanceof Stream<?> s) {
        return s.map(x -> type.isInstance(x) ? each.apply(x) : x);
      }
      return result;
    }
  }
}
