package org.ecrm.core.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.AccountStore;
import org.ecrm.core.spi.ArticleStore;
import org.ecrm.core.spi.AuditStore;
import org.ecrm.core.spi.CaseStore;
import org.ecrm.core.spi.ConsentStore;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.ForwardingStorage;
import org.ecrm.core.spi.InteractionStore;
import org.ecrm.core.spi.LedgerStore;
import org.ecrm.core.spi.OpportunityStore;
import org.ecrm.core.spi.OrderStore;
import org.ecrm.core.spi.PreferenceStore;
import org.ecrm.core.spi.ProductStore;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.SurveyStore;

/**
 * A {@link Storage} that wraps another and makes its store calls throw {@link StoreException} at random
 * points: before a call reaches the store (nothing happened) or, for writes, after it did (the write was
 * made, then the adapter failed). The random choices come from one seeded generator; {@link #off()}
 * stops the faults so that the state can be checked. Thread-safe.
 */
public final class FaultyStorage {
  /** Each store's accessor name, for the messages of injected faults. */
  private static final Map<Class<?>, String> STORES = Map.ofEntries(Map.entry(CustomerStore.class, "customers"),
      Map.entry(AccountStore.class, "accounts"), Map.entry(ProductStore.class, "products"),
      Map.entry(OrderStore.class, "orders"), Map.entry(InteractionStore.class, "interactions"),
      Map.entry(ConsentStore.class, "consents"), Map.entry(CaseStore.class, "cases"),
      Map.entry(ArticleStore.class, "articles"), Map.entry(OpportunityStore.class, "opportunities"),
      Map.entry(LedgerStore.class, "ledger"), Map.entry(SurveyStore.class, "surveys"),
      Map.entry(PreferenceStore.class, "preferences"), Map.entry(AuditStore.class, "audit"));
  private static final Set<String> READS = Set.of("get", "scan", "count", "findByEmail", "findByPhone",
      "findByExternalId", "resolveAlias", "aliasesOf", "findByCustomer", "findByContact", "findByCategory",
      "findByAccount", "history", "scanCustomers", "forEntity", "byActor", "questionnaire",
      "questionnaires", "responsesOf", "responsesTo", "toString", "hashCode", "equals");

  private final Storage inner;
  private final Random random;
  private final double rate;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong injected = new AtomicLong();
  private volatile boolean on = true;
  private final Storage proxy;

  /**
   * @param inner the storage to break
   * @param seed the seed of the fault choices
   * @param rate the chance that one store call fails, e.g. 0.02
   */
  public FaultyStorage(Storage inner, long seed, double rate) {
    this(inner, seed, rate, true);
  }

  /**
   * As above; with {@code transactions} false the wrapper hides the inner storage's
   * {@link Storage#transaction} (as an adapter without transactions would: its nested transactions are
   * no savepoints either), to show what the check finds then.
   */
  public FaultyStorage(Storage inner, long seed, double rate, boolean transactions) {
    this.inner = inner;
    this.random = new Random(seed);
    this.rate = rate;
    this.proxy = new ForwardingStorage(inner) {
      @Override
      protected <S> S wrap(Class<S> type, S store) {
        return type.cast(FaultyStorage.this.wrap(type, store));
      }

      @Override
      public <T> T transaction(String operation, Supplier<T> work) {
        return transactions ? super.transaction(operation, work) : work.get();
      }

      @Override
      public boolean nestedTransactionsAreSavepoints() {
        return transactions && super.nestedTransactionsAreSavepoints();
      }

      @Override
      public <T> T batchTransaction(String operation, Supplier<T> work) {
        return transactions ? super.batchTransaction(operation, work) : work.get();
      }
    };
  }

  /** The faulty storage to build a CRM on. */
  public Storage storage() {
    return proxy;
  }

  /** The wrapped storage, to check the state without faults. */
  public Storage inner() {
    return inner;
  }

  /** Stops injecting faults. */
  public void off() {
    on = false;
  }

  /** Injects faults again. */
  public void on() {
    on = true;
  }

  /** Store calls seen. */
  public long calls() {
    return calls.get();
  }

  /** Faults injected. */
  public long injected() {
    return injected.get();
  }

  private Object wrap(Class<?> type, Object store) {
    String name = STORES.get(type);
    InvocationHandler h = (p, m, args) -> {
      calls.incrementAndGet();
      String call = name + "." + m.getName();
      int fault = decide();
      boolean write = !READS.contains(m.getName());
      if (fault == 1 || fault == 2 && !write) {
        injected.incrementAndGet();
        throw new StoreException("injected fault before " + call);
      }
      Object result = call(store, m, args);
      if (fault == 2) {
        injected.incrementAndGet();
        throw new StoreException("injected fault after " + call + " was done");
      }
      return result;
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
  }

  /** 0: no fault, 1: fail before the call, 2: fail after it. */
  private int decide() {
    if (!on) {
      return 0;
    }
    synchronized (random) {
      if (random.nextDouble() >= rate) {
        return 0;
      }
      return random.nextBoolean() ? 1 : 2;
    }
  }

  private static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
