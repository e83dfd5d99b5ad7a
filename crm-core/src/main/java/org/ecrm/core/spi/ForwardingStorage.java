package org.ecrm.core.spi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link Storage} that forwards every call to another one, so an adapter overrides only what it changes:
 * one store ({@link #customers()} of a journalling adapter), {@link #transaction}, {@link #close()}, or every
 * store at once through {@link #wrap(Class, Object)} (decorators: metrics, logging, fault injection).
 * A subclass that overrides {@link #transaction(String, Supplier)} sees every unit there, the lazily named
 * ones ({@link #transaction(Supplier, Supplier)}) included.
 *
 * <pre>{@code
 * final class AuditedStorage extends ForwardingStorage {
 *   AuditedStorage(Storage inner) { super(inner); }
 *   @Override public CustomerStore customers() { return new LoggingCustomers(super.customers()); }
 * }
 * }</pre>
 *
 * <p>Thread-safe when the delegate is and the overrides are.
 */
public class ForwardingStorage implements Storage {
  private final Storage delegate;

  /**
   * A storage forwarding to {@code delegate}.
   *
   * @param delegate where every call goes unless overridden
   * @throws NullPointerException naming {@code delegate} if it is null
   */
  protected ForwardingStorage(Storage delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.ownTransaction = overridesTransaction(getClass());
  }

  /**
   * Whether this subclass overrides {@link #transaction(String, Supplier)} and no class that does also
   * overrides {@link #transaction(Supplier, Supplier)}: then the lazily named
   * {@link #transaction(Supplier, Supplier)} runs that override, not the delegate's. A class that overrides
   * both sees a lazily named unit in its own {@link #transaction(Supplier, Supplier)} already; routing its
   * super call to its {@link #transaction(String, Supplier)} would run the unit through its code twice.
   */
  private final boolean ownTransaction;

  private static boolean overridesTransaction(Class<?> type) {
    boolean named = false;
    for (Class<?> c = type; c != ForwardingStorage.class; c = c.getSuperclass()) {
      boolean ownNamed = declares(c, String.class);
      if (ownNamed && declares(c, Supplier.class)) {
        return false;
      }
      named |= ownNamed;
    }
    return named;
  }

  /** Whether {@code c} itself declares {@code transaction(first, Supplier)}. */
  private static boolean declares(Class<?> c, Class<?> first) {
    try {
      c.getDeclaredMethod("transaction", first, Supplier.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * The storage calls are forwarded to.
   *
   * @return the delegate
   */
  protected final Storage delegate() {
    return delegate;
  }

  /**
   * Every store accessor passes the delegate's store through here before returning it. The default returns
   * {@code store} as it is; override it to decorate every store at once.
   *
   * @param type the store's interface, e.g. {@code CustomerStore.class}
   * @param store the delegate's store
   * @param <S> the store type
   * @return the store to hand out
   */
  protected <S> S wrap(Class<S> type, S store) {
    return store;
  }

  @Override
  public CustomerStore customers() {
    return wrap(CustomerStore.class, delegate.customers());
  }

  @Override
  public AccountStore accounts() {
    return wrap(AccountStore.class, delegate.accounts());
  }

  @Override
  public ProductStore products() {
    return wrap(ProductStore.class, delegate.products());
  }

  @Override
  public OrderStore orders() {
    return wrap(OrderStore.class, delegate.orders());
  }

  @Override
  public InteractionStore interactions() {
    return wrap(InteractionStore.class, delegate.interactions());
  }

  @Override
  public ConsentStore consents() {
    return wrap(ConsentStore.class, delegate.consents());
  }

  @Override
  public CaseStore cases() {
    return wrap(CaseStore.class, delegate.cases());
  }

  @Override
  public ArticleStore articles() {
    return wrap(ArticleStore.class, delegate.articles());
  }

  @Override
  public OpportunityStore opportunities() {
    return wrap(OpportunityStore.class, delegate.opportunities());
  }

  @Override
  public LedgerStore ledger() {
    return wrap(LedgerStore.class, delegate.ledger());
  }

  @Override
  public SurveyStore surveys() {
    return wrap(SurveyStore.class, delegate.surveys());
  }

  @Override
  public PreferenceStore preferences() {
    return wrap(PreferenceStore.class, delegate.preferences());
  }

  @Override
  public AuditStore audit() {
    return wrap(AuditStore.class, delegate.audit());
  }

  /**
   * Forwards to the delegate's {@link Storage#transaction}, so its all-or-nothing guarantee holds.
   *
   * @param operation what the work does, for error messages
   * @param work the operation
   * @param <T> what the work returns
   * @return what {@code work} returned
   */
  @Override
  public <T> T transaction(String operation, Supplier<T> work) {
    return delegate.transaction(operation, work);
  }

  /**
   * Forwards to the delegate's {@link Storage#transaction(Supplier, Supplier)}, so the name is built only
   * when the delegate needs it; but when a subclass overrides {@link #transaction(String, Supplier)}, runs
   * that override with the name built, so every unit goes through it (a subclass that runs the work without
   * the delegate's transaction need not know of this method). A class that overrides both methods sees
   * each lazily named unit in its override of this one: its call of this one through {@code super} goes to
   * the delegate, not through its {@link #transaction(String, Supplier)} a second time.
   *
   * @param operation supplies what the work does, for error messages; called as the delegate's method
   *     says, or once before {@code work} when a subclass overrides {@link #transaction(String, Supplier)}
   * @param work the operation
   * @param <T> what the work returns
   * @return what {@code work} returned
   */
  @Override
  public <T> T transaction(Supplier<String> operation, Supplier<T> work) {
    return ownTransaction ? transaction(operation.get(), work) : delegate.transaction(operation, work);
  }

  /**
   * Forwards to the delegate's {@link Storage#nestedTransactionsAreSavepoints()}. A subclass that
   * overrides {@link #transaction} so that it no longer runs the delegate's transaction must override this
   * too (and answer false when its transactions undo nothing).
   *
   * @return what the delegate answers
   */
  @Override
  public boolean nestedTransactionsAreSavepoints() {
    return delegate.nestedTransactionsAreSavepoints();
  }

  /**
   * Forwards to the delegate's {@link Storage#batchesWrites()}.
   *
   * @return what the delegate answers
   */
  @Override
  public boolean batchesWrites() {
    return delegate.batchesWrites();
  }

  /**
   * Forwards to the delegate's {@link Storage#batchTransaction}. A subclass that overrides
   * {@link #transaction} should override this too, e.g. to run its own {@link #transaction}.
   *
   * @param operation what the work does, for error messages
   * @param work the units
   * @param <T> what the work returns
   * @return what {@code work} returned
   */
  @Override
  public <T> T batchTransaction(String operation, Supplier<T> work) {
    return delegate.batchTransaction(operation, work);
  }

  /** Closes the delegate. */
  @Override
  public void close() {
    delegate.close();
  }
}
