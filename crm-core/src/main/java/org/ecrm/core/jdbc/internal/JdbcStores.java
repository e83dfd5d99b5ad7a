package org.ecrm.core.jdbc.internal;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ecrm.core.b2b.Opportunity;

import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountContact;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
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
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.SurveyStore;
import org.ecrm.core.support.Article;
import org.ecrm.core.support.SupportCase;
import org.jspecify.annotations.Nullable;

/**
 * The stores of one JDBC storage on one data source, after the schema is created or upgraded. Thread-safe:
 * the stores hold no mutable state and every method borrows its own connection.
 */
public final class JdbcStores implements Storage {
  private final Db db;
  private final CustomerStore customers;
  private final AccountStore accounts;
  private final ProductStore products;
  private final OrderStore orders;
  private final InteractionStore interactions;
  private final ConsentStore consents;
  private final CaseStore cases;
  private final ArticleStore articles;
  private final OpportunityStore opportunities;
  private final LedgerStore ledger;
  private final PreferenceStore preferences;
  private final AuditStore audit;
  private final SurveyStore surveys;
  private final int schemaVersion;

  /**
   * Brings the schema of {@code dataSource} to {@code schema}'s latest version, then builds the stores.
   *
   * @throws org.ecrm.core.model.StoreException if the schema is newer than {@code schema} knows or cannot be made
   */
  public JdbcStores(DataSource dataSource, SqlDialect dialect, Schema schema) {
    Db db = new Db(dataSource, !dialect.name().equals("H2")).arrayKeys(dialect.name().equals("POSTGRESQL"));
    this.schemaVersion = schema.migrate(db, dialect);
    this.db = db;
    this.customers = new JdbcCustomers(db);
    this.accounts = new JdbcAccounts(db);
    this.products = new JdbcProducts(db);
    this.orders = new JdbcOrders(db);
    this.interactions = new JdbcInteractions(db);
    this.consents = JdbcHistory.consents(db);
    this.cases = new JdbcCases(db);
    this.articles = new JdbcArticles(db);
    this.opportunities = new JdbcOpportunities(db);
    this.ledger = JdbcHistory.ledger(db);
    this.preferences = JdbcHistory.preferences(db);
    this.audit = new JdbcAudit(db);
    this.surveys = new JdbcSurveys(db);
  }

  /** The schema version after migration. */
  public int schemaVersion() {
    return schemaVersion;
  }

  /**
   * Runs the operation in one database transaction on one pooled connection: every store call of
   * this thread inside {@code work} uses it (a failed call, or a failed nested operation, is rolled back
   * to a savepoint, so the work may catch it and go on); commits when {@code work} returns, rolls back when it throws. Failures
   * are {@link org.ecrm.core.model.StoreException}s naming the operation; a commit whose answer was lost has
   * {@link org.ecrm.core.model.StoreException#outcomeUnknown()} true.
   *
   * @param operation what the work does, for error messages
   * @param work the work
   * @param <T> what the work returns
   * @return what the work returned
   */
  @Override
  public <T> T transaction(String operation, java.util.function.Supplier<T> work) {
    JdbcTable.notNull("operation", operation);
    return db.transaction(() -> operation, JdbcTable.notNull("work", work));
  }

  /**
   * As {@link #transaction(String, java.util.function.Supplier)}; {@code operation} is called only to
   * build the message of a failure (no connection, a savepoint or commit refused), never on success.
   *
   * @param operation supplies what the work does, for error messages
   * @param work the work
   * @param <T> what the work returns
   * @return what the work returned
   */
  @Override
  public <T> T transaction(java.util.function.Supplier<String> operation, java.util.function.Supplier<T> work) {
    return db.transaction(JdbcTable.notNull("operation", operation), JdbcTable.notNull("work", work));
  }

  /** True: a nested {@link #transaction} is a savepoint (or, in a batch transaction, undone in memory). */
  @Override
  public boolean nestedTransactionsAreSavepoints() {
    return true;
  }

  /** True: {@link #batchTransaction} holds the writes back and sends them together. */
  @Override
  public boolean batchesWrites() {
    return true;
  }

  /**
   * Runs the work as {@link #transaction} does, holding back the inserts, updates and deletes of every
   * table and the audit records: lookups by id, unique key and alias are answered from what the work wrote and from
   * what {@link CustomerStore#findAll} read ahead (else read from the database), unique keys and versions
   * are checked against those, and a nested transaction that throws is undone in memory, without a
   * savepoint. When the work returns, each table's writes go to the database as a few batched multi-row
   * statements, then the transaction commits. A store call that is not batch-aware (a scan, a write of many
   * rows by customer, an alias write, another store's query) first sends what is held, and what the batch
   * knew of the rows that call wrote is read again after it. A write the database refuses at that
   * point (a key a concurrent writer took, a row changed since it was read) fails the whole call with
   * nothing kept.
   *
   * @param operation what the work does, for error messages
   * @param work the work
   * @param <T> what the work returns
   * @return what the work returned
   */
  @Override
  public <T> T batchTransaction(String operation, java.util.function.Supplier<T> work) {
    return db.batchTransaction(JdbcTable.notNull("operation", operation), JdbcTable.notNull("work", work));
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
  public SurveyStore surveys() {
    return surveys;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  /** Shared delegation of the VersionedStore methods to a {@link JdbcTable}. */
  public abstract static class TableStore<K extends Comparable<K>, V> {
    final JdbcTable<K, V> table;

    TableStore(JdbcTable<K, V> table) {
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

  static final class JdbcAccounts extends TableStore<AccountId, Account> implements AccountStore {
    private static final SideIndex<Account> CONTACTS = new SideIndex<>("account_contacts", List.of("customer_id"),
        "account_id", a -> a.contacts().stream().map(AccountContact::customerId).distinct()
            .map(id -> new SideIndex.Key(List.of(id.value()), id)).toList(), false, "contacts");

    JdbcAccounts(Db db) {
      super(new JdbcTable<>(db, "Account", "accounts", Account.class, Account::id, AccountId::value,
          Account::version, List.of(), List.of(CONTACTS)));
    }

    @Override
    public List<Account> findByContact(CustomerId customerId) {
      return table.lookup(CONTACTS, JdbcTable.notNull("customerId", customerId).value());
    }
  }

  static final class JdbcProducts extends TableStore<Sku, Product> implements ProductStore {
    JdbcProducts(Db db) {
      super(new JdbcTable<>(db, "Product", "products", Product.class, Product::sku, Sku::value, Product::version,
          List.of(new JdbcTable.Column<>("category", Product::category)), List.of()));
    }

    @Override
    public List<Product> findByCategory(String category) {
      return table.where("category", JdbcTable.notNull("category", category), "id");
    }
  }

  static final class JdbcOrders extends TableStore<OrderId, Order> implements OrderStore {
    JdbcOrders(Db db) {
      super(new JdbcTable<>(db, "Order", "orders", Order.class, Order::id, OrderId::value, Order::version,
          concat(List.of(new JdbcTable.Column<>("customer_id", o -> o.customerId().value())),
              JdbcTable.Column.instant(Order::placedAt)), List.of()));
    }

    @Override
    public List<Order> findByCustomer(CustomerId customerId) {
      return table.where("customer_id", JdbcTable.notNull("customerId", customerId).value(),
          "at_second, at_nano, id");
    }
  }

  static final class JdbcCases extends TableStore<String, SupportCase> implements CaseStore {
    JdbcCases(Db db) {
      super(new JdbcTable<>(db, "SupportCase", "support_cases", SupportCase.class, SupportCase::id, s -> s,
          SupportCase::version, concat(List.of(new JdbcTable.Column<>("customer_id", s -> s.customerId().value())),
              JdbcTable.Column.instant(SupportCase::openedAt)), List.of()));
    }

    @Override
    public List<SupportCase> findByCustomer(CustomerId customerId) {
      return table.where("customer_id", JdbcTable.notNull("customerId", customerId).value(),
          "at_second, at_nano, id");
    }
  }

  static final class JdbcArticles extends TableStore<String, Article> implements ArticleStore {
    JdbcArticles(Db db) {
      super(new JdbcTable<>(db, "Article", "articles", Article.class, Article::id, s -> s, Article::version,
          List.of(), List.of()));
    }
  }

  static final class JdbcOpportunities extends TableStore<String, Opportunity> implements OpportunityStore {
    JdbcOpportunities(Db db) {
      super(new JdbcTable<>(db, "Opportunity", "opportunities", Opportunity.class, Opportunity::id, s -> s,
          Opportunity::version, List.of(new JdbcTable.Column<>("account_id", o -> o.accountId().value())),
          List.of()));
    }

    @Override
    public List<Opportunity> findByAccount(AccountId accountId) {
      return table.where("account_id", JdbcTable.notNull("accountId", accountId).value(), "id");
    }
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

}
