package org.ecrm.core.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.Storage;

/**
 * A {@link Storage} that wraps another and makes its store calls throw {@link StoreException} at random
 * points: before a call reaches the store (nothing happened) or, for writes, after it did (the write was
 * made, then the adapter failed). The random choices come from one seeded generator; {@link #off()}
 * stops the faults so that the state can be checked. Thread-safe.
 */
public final class FaultyStorage {
  private static final Set<String> STORES = Set.of("customers", "accounts", "products", "orders",
      "interactions", "consents", "cases", "articles", "opportunities", "ledger", "surveys", "preferences",
      "audit");
  private static final Set<String> READS = Set.of("get", "scan", "count", "findByEmail", "findByPhone",
      "findByExternalId", "resolveAlias", "aliasesOf", "findByCustomer", "findByContact", "findByCategory",
      "findByAccount", "history", "entries", "scanCustomers", "forEntity", "byActor", "questionnaire",
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
   * {@link Storage#transaction} (as an adapter without transactions would), to show what the check
   * finds then.
   */
  public FaultyStorage(Storage inner, long seed, double rate, boolean transactions) {
    this.inner = inner;
    this.random = new Random(seed);
    this.rate = rate;
    this.proxy = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (p, m, args) -> {
          if (!transactions && m.getName().equals("transaction")) {
            return ((java.util.function.Supplier<?>) args[1]).get();
          }
          Object result = call(inner, m, args);
          if (STORES.contains(m.getName()) && (args == null || args.length == 0)) {
            return wrap(m.getReturnType(), result, m.getName());
          }
          return result;
        });
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

  private Object wrap(Class<?> type, Object store, String name) {
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
