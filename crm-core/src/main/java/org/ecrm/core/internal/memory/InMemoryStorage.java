package org.ecrm.core.internal.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ecrm.core.b2b.Opportunity;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountContact;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.ecrm.core.spi.AccountStore;
import org.ecrm.core.spi.ArticleStore;
import org.ecrm.core.spi.AuditStore;
import org.ecrm.core.spi.CaseStore;
import org.ecrm.core.spi.ConsentStore;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.InteractionStore;
import org.ecrm.core.spi.LedgerStore;
import org.ecrm.core.spi.OpportunityStore;
import org.ecrm.core.spi.OrderStore;
import org.ecrm.core.spi.PreferenceStore;
import org.ecrm.core.spi.ProductStore;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.SurveyStore;
import org.ecrm.core.support.Article;
import org.ecrm.core.support.SupportCase;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link Storage}: thread-safe, indexed, nothing persisted. See {@link VersionedTable}
 * for the concurrency design.
 */
public final class InMemoryStorage implements Storage {
  private final Journal journal = new Journal();
  private final Customers customers = new Customers(journal);
  private final Accounts accounts = new Accounts(journal);
  private final Products products = new Products(journal);
  private final Orders orders = new Orders(journal);
  private final Interactions interactions = new Interactions(journal);
  private final ConsentStore consents = InMemoryHistory.consents(journal);
  private final InMemoryAuditStore audit = new InMemoryAuditStore(journal);
  private final PreferenceStore preferences = InMemoryHistory.preferences(journal);
  private final CaseTable cases = new CaseTable(journal);
  private final Articles articles = new Articles(journal);
  private final LedgerStore ledger = InMemoryHistory.ledger(journal);
  private final Opportunities opportunities = new Opportunities(journal);
  private final InMemorySurveyStore surveys = new InMemorySurveyStore(journal);

  /**
   * Runs {@code work} holding the storage's write lock (one operation at a time) and, if it throws,
   * undoes every write it made before rethrowing: a failed operation leaves no partial state. A call
   * inside a running operation is a savepoint: if it throws, its own writes are undone and the outer
   * operation may go on. Reads outside operations take no lock (a scan holds a table's monitor for a
   * moment, never an operation's lock) and may see an operation in progress.
   */
  @Override
  public <T> T transaction(String operation, Supplier<T> work) {
    return journal.run(Checks.notNull("work", work));
  }

  /** As {@link #transaction(String, Supplier)}: the name is never needed, so {@code operation} is not called. */
  @Override
  public <T> T transaction(Supplier<String> operation, Supplier<T> work) {
    Checks.notNull("operation", operation);
    return journal.run(Checks.notNull("work", work));
  }

  /** True: a nested {@link #transaction} undoes its own writes when it throws. */
  @Override
  public boolean nestedTransactionsAreSavepoints() {
    return true;
  }

  @Override
  public CustomerStore customers() {
    return customers;
  }

  @Override
  public AccountStore accounts() {
    return accounts;
  }

  @Override
  public ProductStore products() {
    return products;
  }

  @Override
  public OrderStore orders() {
    return orders;
  }

  @Override
  public InteractionStore interactions() {
    return interactions;
  }

  @Override
  public ConsentStore consents() {
    return consents;
  }

  @Override
  public CaseStore cases() {
    return cases;
  }

  @Override
  public ArticleStore articles() {
    return articles;
  }

  @Override
  public SurveyStore surveys() {
    return surveys;
  }

  @Override
  public OpportunityStore opportunities() {
    return opportunities;
  }

  @Override
  public LedgerStore ledger() {
    return ledger;
  }

  @Override
  public PreferenceStore preferences() {
    return preferences;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public String toString() {
    return "InMemoryStorage[customers=" + customers.count() + ", orders=" + orders.count() + "]";
  }

  /** Shared delegation of the {@link org.ecrm.core.spi.VersionedStore} methods to a table. */
  private abstract static class TableStore<K extends Comparable<K>, V> {
    final VersionedTable<K, V> table;

    TableStore(VersionedTable<K, V> table) {
      this.table = table;
    }

    public Optional<V> get(K id) {
      return table.get(id);
    }

    public V insert(V record) {
      return table.insert(record);
    }

    public V update(V next) {
      return table.update(next);
    }

    public List<V> scan(@Nullable K after, int limit) {
      return table.scan(after, limit);
    }

    public long count() {
      return table.count();
    }
  }

  private static final class Customers extends TableStore<CustomerId, Customer>
      implements CustomerStore {
    private static final int EMAIL = 0;
    private static final int PHONE = 1;
    private static final int EXTERNAL = 2;

    Customers(Journal journal) {
      super(new VersionedTable<>(journal, "Customer", Customer::id, Customer::version, List.of(
          new VersionedTable.Index<>("emails", Customer::emails, true),
          new VersionedTable.Index<>("phones", Customer::phones, false),
          new VersionedTable.Index<>("externalIds", Customer::externalIds, true))));
      this.journal = journal;
    }

    @Override
    public Optional<Customer> findByEmail(EmailAddress email) {
      return table.lookup(EMAIL, Checks.notNull("email", email)).stream().findFirst();
    }

    @Override
    public List<Customer> findByPhone(PhoneNumber phone) {
      return table.lookup(PHONE, Checks.notNull("phone", phone));
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
      return table.lookup(EXTERNAL, Checks.notNull("externalId", externalId)).stream().findFirst();
    }

    private final java.util.concurrent.ConcurrentHashMap<CustomerId, CustomerId> aliases =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final Journal journal;

    @Override
    public boolean delete(CustomerId id, long version) {
      return table.delete(id, version);
    }

    @Override
    public synchronized void addAlias(CustomerId alias, CustomerId target) {
      CustomerId before = aliases.put(Checks.notNull("alias", alias), Checks.notNull("target", target));
      journal.record(() -> {
        if (before == null) {
          aliases.remove(alias);
        } else {
          aliases.put(alias, before);
        }
      });
    }

    @Override
    public Optional<CustomerId> resolveAlias(CustomerId alias) {
      return Optional.ofNullable(aliases.get(Checks.notNull("alias", alias)));
    }

    @Override
    public List<CustomerId> aliasesOf(CustomerId target) {
      Checks.notNull("target", target);
      return aliases.entrySet().stream().filter(e -> e.getValue().equals(target)).map(java.util.Map.Entry::getKey)
          .sorted().toList();
    }

    @Override
    public synchronized int retargetAliases(CustomerId from, @Nullable CustomerId to) {
      java.util.Map<CustomerId, CustomerId> before = new java.util.HashMap<>(aliases);
      journal.record(() -> {
        synchronized (this) {
          aliases.clear();
          aliases.putAll(before);
        }
      });
      int[] n = {0};
      aliases.replaceAll((alias, target) -> {
        if (target.equals(from)) {
          n[0]++;
          return to == null ? alias : to;
        }
        return target;
      });
      if (to == null) {
        aliases.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
      }
      return n[0];
    }
  }

  private static final class Accounts extends TableStore<AccountId, Account> implements AccountStore {
    Accounts(Journal journal) {
      super(new VersionedTable<>(journal, "Account", Account::id, Account::version, List.of(
          new VersionedTable.Index<>("contacts",
              a -> a.contacts().stream().map(AccountContact::customerId).distinct().toList(), false))));
    }

    @Override
    public List<Account> findByContact(CustomerId customerId) {
      return table.lookup(0, Checks.notNull("customerId", customerId));
    }
  }

  private static final class Products extends TableStore<Sku, Product> implements ProductStore {
    Products(Journal journal) {
      super(new VersionedTable<>(journal, "Product", Product::sku, Product::version, List.of(
          new VersionedTable.Index<>("category", p -> List.of(p.category()), false))));
    }

    @Override
    public List<Product> findByCategory(String category) {
      return table.lookup(0, Checks.notNull("category", category));
    }
  }

  private static final class Orders extends TableStore<OrderId, Order> implements OrderStore {
    private static final Comparator<Order> BY_TIME =
        Comparator.comparing(Order::placedAt).thenComparing(Order::id);

    Orders(Journal journal) {
      super(new VersionedTable<>(journal, "Order", Order::id, Order::version, List.of(
          new VersionedTable.Index<>("customerId", o -> List.of(o.customerId()), false))));
    }

    @Override
    public List<Order> findByCustomer(CustomerId customerId) {
      return table.lookupSorted(0, Checks.notNull("customerId", customerId), BY_TIME);
    }
  }

  private static final class Interactions extends TableStore<InteractionId, Interaction>
      implements InteractionStore {
    private static final Comparator<Interaction> BY_TIME =
        Comparator.comparing(Interaction::occurredAt).thenComparing(Interaction::id);

    Interactions(Journal journal) {
      super(new VersionedTable<>(journal, "Interaction", Interaction::id, i -> 1L, List.of(
          new VersionedTable.Index<>("customerId", i -> List.of(i.customerId()), false))));
    }

    @Override
    public List<Interaction> findByCustomer(CustomerId customerId) {
      return table.lookupSorted(0, Checks.notNull("customerId", customerId), BY_TIME);
    }

    @Override
    public synchronized int reassign(CustomerId from, CustomerId to) {
      List<Interaction> moved = findByCustomer(from);
      for (Interaction i : moved) {
        table.delete(i.id(), 1);
        table.insert(new Interaction(i.id(), to, i.channel(), i.direction(), i.type(), i.occurredAt(),
            i.subject(), i.summary(), i.attributes()));
      }
      return moved.size();
    }

    @Override
    public synchronized int deleteByCustomer(CustomerId customerId) {
      List<Interaction> gone = findByCustomer(customerId);
      gone.forEach(i -> table.delete(i.id(), 1));
      return gone.size();
    }
  }

  private static final class CaseTable extends TableStore<String, SupportCase> implements CaseStore {
    private static final Comparator<SupportCase> BY_TIME =
        Comparator.comparing(SupportCase::openedAt).thenComparing(SupportCase::id);

    CaseTable(Journal journal) {
      super(new VersionedTable<>(journal, "SupportCase", SupportCase::id, SupportCase::version, List.of(
          new VersionedTable.Index<>("customerId", c -> List.of(c.customerId()), false))));
    }

    @Override
    public List<SupportCase> findByCustomer(CustomerId customerId) {
      return table.lookupSorted(0, Checks.notNull("customerId", customerId), BY_TIME);
    }
  }

  private static final class Articles extends TableStore<String, Article> implements ArticleStore {
    Articles(Journal journal) {
      super(new VersionedTable<>(journal, "Article", Article::id, Article::version, List.of()));
    }
  }

  private static final class Opportunities extends TableStore<String, Opportunity> implements OpportunityStore {
    Opportunities(Journal journal) {
      super(new VersionedTable<>(journal, "Opportunity", Opportunity::id, Opportunity::version, List.of(
          new VersionedTable.Index<>("accountId", o -> List.of(o.accountId()), false))));
    }

    @Override
    public List<Opportunity> findByAccount(AccountId accountId) {
      return table.lookup(0, Checks.notNull("accountId", accountId));
    }
  }
}
