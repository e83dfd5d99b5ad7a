package org.ecrm.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ecrm.core.access.AccessPolicy;
import org.ecrm.core.access.Permission;
import org.ecrm.core.b2b.B2b;
import org.ecrm.core.event.CrmListener;
import org.ecrm.core.internal.CaseService;
import org.ecrm.core.internal.CrmContext;
import org.ecrm.core.internal.CrmServices;
import org.ecrm.core.internal.EventBus;
import org.ecrm.core.internal.StorageDiscovery;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.internal.io.ImportRunner;
import org.ecrm.core.io.Imports;
import org.ecrm.core.loyalty.Loyalty;
import org.ecrm.core.loyalty.LoyaltyProgram;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Refund;
import org.ecrm.core.model.StoreException;
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
import org.ecrm.core.service.TimelineEntry;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.support.BusinessCalendar;
import org.ecrm.core.support.Cases;
import org.ecrm.core.support.KnowledgeBase;
import org.ecrm.core.support.ServiceLevel;
import org.ecrm.core.survey.Surveys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM: the front door of crm-core. Build one with {@link #builder()} and keep it for the life of
 * the application.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().build();   // in-memory storage, system clock, random ids
 * Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
 * }</pre>
 *
 * <p>Immutable and thread-safe: the services may be used from any number of threads. Changes are
 * stored through the configured {@link Storage}, then published to the listeners.
 */
public final class Crm implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Crm.class);

  /** What {@link #timeline} needs besides reading customers (at least pseudonymised). */
  private static final List<Permission> TIMELINE_PERMISSIONS = List.of(Permission.READ_ORDERS,
      Permission.READ_INTERACTIONS, Permission.MANAGE_CONSENT, Permission.READ_PREFERENCES, Permission.READ_SURVEYS);

  private final Builder config;
  private final CrmContext ctx;
  private final CrmServices services;
  private final boolean ownsStorage;

  private Crm(Builder config, Storage storage, boolean ownsStorage) {
    this(config, new CrmContext(storage, config.clock, config.ids, new EventBus(config.listeners),
        Actor.SYSTEM, config.maskAudit), ownsStorage);
  }

  private Crm(Builder config, CrmContext ctx, boolean ownsStorage) {
    this.config = config;
    this.ownsStorage = ownsStorage;
    this.ctx = ctx;
    this.services = CrmServices.create(ctx, config.accessPolicy, config.serviceLevels, config.loyaltyProgram,
        ImportRunner::new);
  }

  /** A builder with the defaults: system UTC clock, random UUID ids, discovered or in-memory storage. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this CRM's settings and its storage, to make a changed copy. */
  public Builder toBuilder() {
    Builder b = config.copy();
    b.storage = ctx.storage();
    return b;
  }

  /**
   * A view of this CRM whose changes are recorded in the audit trail as made by {@code actor}. Shares
   * storage, clock and listeners; cheap to create per request. Closing the view does not close the
   * storage.
   */
  public Crm as(Actor actor) {
    Checks.notNull("actor", actor);
    return new Crm(config, ctx.as(actor), false);
  }

  /** The actor this view records changes as ({@link Actor#SYSTEM} unless made by {@link #as}). */
  public Actor actor() {
    return ctx.actor();
  }

  /** The audit trail. */
  public Audit audit() {
    return services.audit();
  }

  /** Data-subject requests: export everything about a person, erase a person. */
  public Privacy privacy() {
    return services.privacy();
  }

  /** Whole-database export and import as JSON Lines (the exit strategy). */
  public Archive archive() {
    return services.archive();
  }

  /** Complaints, queries and requests with service-level clocks. */
  public Cases cases() {
    return services.cases();
  }

  /** FAQ articles, ranked search and answer suggestions for cases. */
  public KnowledgeBase knowledgeBase() {
    return services.knowledgeBase();
  }

  /** The loyalty programme's points ledger, tiers and ROI. */
  public Loyalty loyalty() {
    return services.loyalty();
  }

  /** Questionnaires, responses, answer statistics and preferences from answers. */
  public Surveys surveys() {
    return services.surveys();
  }

  /** B2B opportunities, decision-making units and inbound listening. */
  public B2b b2b() {
    return services.b2b();
  }

  /** The preference centre: topics, channels, frequency, language, time zone per customer. */
  public PreferenceCentre preferences() {
    return services.preferences();
  }

  /** Bulk CSV / JSON Lines imports with upsert, through this CRM's services. */
  public Imports imports() {
    return services.imports();
  }

  /** Customers: create, find, update, tag, merge, list. */
  public Customers customers() {
    return services.customers();
  }

  /** B2B accounts and their contacts. */
  public Accounts accounts() {
    return services.accounts();
  }

  /** The product catalogue. */
  public Products products() {
    return services.products();
  }

  /** Orders, payments, cancellations and refunds. */
  public Orders orders() {
    return services.orders();
  }

  /** Touchpoints on every channel. */
  public Interactions interactions() {
    return services.interactions();
  }

  /** Consent per purpose and channel. */
  public Consents consents() {
    return services.consents();
  }

  /** The clock every instant is stamped with. */
  public Clock clock() {
    return ctx.clock();
  }

  /**
   * One customer view: orders, refunds, interactions, consent changes and merges into this customer,
   * sorted by time (ties keep that kind order). A merged customer's id shows the survivor's timeline.
   *
   * @throws NotFoundException if the customer does not exist
   */
  public List<TimelineEntry> timeline(CustomerId id) {
    var gate = services.gate();
    if (gate != null) { // every permission first: a refused timeline reads nothing
      String action = "call Crm.timeline(" + id + ")";
      gate.mayReadCustomers(action);
      for (Permission p : TIMELINE_PERMISSIONS) {
        gate.require(p, action);
      }
    }
    CustomerId customerId = services.customers().require(id).id();
    List<TimelineEntry> entries = new ArrayList<>();
    for (Order o : services.orders().ofCustomer(customerId)) {
      entries.add(new TimelineEntry.OrderPlaced(o));
      for (Refund r : o.refunds()) {
        entries.add(new TimelineEntry.OrderRefunded(o, r));
      }
    }
    services.interactions().ofCustomer(customerId).forEach(i -> entries.add(new TimelineEntry.InteractionRecorded(i)));
    services.consents().history(customerId).forEach(c -> entries.add(new TimelineEntry.ConsentChanged(c)));
    ctx.storage().preferences().history(customerId)
        .forEach(p -> entries.add(new TimelineEntry.PreferencesChanged(p)));
    ctx.storage().surveys().responsesOf(customerId)
        .forEach(r -> entries.add(new TimelineEntry.QuestionnaireAnswered(r)));
    ctx.storage().audit().forEntity("Customer", customerId.value()).stream()
        .filter(r -> r.action().equals("merge"))
        .forEach(r -> entries.add(new TimelineEntry.CustomerMerged(r)));
    entries.sort(Comparator.comparing(TimelineEntry::at)); // stable: ties keep insertion order
    return List.copyOf(entries);
  }

  /** Closes the storage if this CRM opened it through discovery; a storage given to the builder is the host's. */
  @Override
  public void close() {
    if (ownsStorage) {
      try {
        ctx.storage().close();
      } catch (Exception e) {
        throw new StoreException("closing the storage failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "Crm[storage=" + ctx.storage() + ", clock=" + ctx.clock() + "]";
  }

  /**
   * Configures a {@link Crm}. Each single-valued setting may be set once; a second call fails. Not
   * thread-safe; the {@link Crm} it builds is.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private boolean clockSet;
    private IdGenerator ids = IdGenerator.random();
    private boolean idsSet;
    private @Nullable Storage storage;
    private boolean discover = true;
    private boolean maskAudit;
    private CaseService.ServiceLevels serviceLevels = CaseService.ServiceLevels.DEFAULT;
    private LoyaltyProgram loyaltyProgram = LoyaltyProgram.standard();
    private @Nullable AccessPolicy accessPolicy;
    private final List<CrmListener> listeners = new ArrayList<>();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.clock = clock;
      b.ids = ids;
      b.discover = discover;
      b.maskAudit = maskAudit;
      b.serviceLevels = serviceLevels;
      b.loyaltyProgram = loyaltyProgram;
      b.accessPolicy = accessPolicy;
      b.listeners.addAll(listeners);
      return b;
    }

    /**
     * Sets the clock (default: the system UTC clock); inject a fixed clock in tests.
     *
     * @throws IllegalStateException if the clock was already set
     */
    public Builder clock(Clock clock) {
      Checks.notNull("clock", clock);
      if (clockSet) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      this.clock = clock;
      clockSet = true;
      return this;
    }

    /**
     * Sets the id generator (default {@link IdGenerator#random()}).
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder idGenerator(IdGenerator ids) {
      Checks.notNull("idGenerator", ids);
      if (idsSet) {
        throw new IllegalStateException("idGenerator was already set to " + this.ids);
      }
      this.ids = ids;
      idsSet = true;
      return this;
    }

    /**
     * Sets the storage; it wins over discovery. The host keeps ownership: {@link Crm#close()} does not
     * close it.
     *
     * @throws IllegalStateException if the storage was already set
     */
    public Builder storage(Storage storage) {
      Checks.notNull("storage", storage);
      if (this.storage != null) {
        throw new IllegalStateException("storage was already set to " + this.storage);
      }
      this.storage = storage;
      return this;
    }

    /**
     * Whether to look for a {@link org.ecrm.core.spi.StorageProvider} with {@link java.util.ServiceLoader}
     * when no storage is set (default true). Without one, the in-memory storage is used.
     */
    public Builder discoverStorage(boolean discover) {
      this.discover = discover;
      return this;
    }

    /**
     * Whether the audit trail shows personal values (names, e-mails, phones, addresses, identities,
     * attributes, free text) as {@code ***} (default false: values are shown).
     */
    public Builder maskPersonalDataInAudit(boolean mask) {
      this.maskAudit = mask;
      return this;
    }

    /**
     * The working-time calendar and the service-level policies of cases (first match wins), and the
     * share of the allowed time under which a running clock counts as near breach. Default: always
     * open; 24 h first response, 48 h next update, 5 days resolution; 0.2.
     *
     * @throws IllegalArgumentException if there is no policy or the share is not within 0..1
     */
    public Builder serviceLevels(BusinessCalendar calendar, List<ServiceLevel> policies,
        double nearBreachShare) {
      this.serviceLevels = new CaseService.ServiceLevels(calendar, policies, nearBreachShare);
      return this;
    }

    /**
     * Enforces roles: every service of the views made by {@link Crm#as(Actor)} (all sixteen, the
     * timeline, and an {@code Interact} built on such a view) checks the actor's {@link Permission}
     * before it reads or writes, and denies what no role grants; customers are shown pseudonymised to
     * actors who may only see them so, and every read of personal data is recorded in the audit trail.
     * Without a policy (the default) every actor may do everything; {@link Actor#SYSTEM} always may.
     */
    public Builder accessPolicy(AccessPolicy policy) {
      this.accessPolicy = Checks.notNull("accessPolicy", policy);
      return this;
    }

    /** The loyalty programme's rules (default {@link LoyaltyProgram#standard()}). */
    public Builder loyaltyProgram(LoyaltyProgram program) {
      this.loyaltyProgram = Checks.notNull("loyaltyProgram", program);
      return this;
    }

    /** Adds a listener; listeners receive events in the order they were added. */
    public Builder listener(CrmListener listener) {
      listeners.add(Checks.notNull("listener", listener));
      return this;
    }

    /** Builds the CRM, opening a discovered storage or the in-memory default if none was set. */
    public Crm build() {
      if (storage != null) {
        return new Crm(copy(), storage, false);
      }
      if (discover) {
        var found = StorageDiscovery.discover(Crm.class.getClassLoader());
        if (found.isPresent()) {
          return new Crm(copy(), found.get(), true);
        }
        LOG.debug("No StorageProvider found; using in-memory storage");
      }
      return new Crm(copy(), MemoryStorage.create(), true);
    }
  }
}
