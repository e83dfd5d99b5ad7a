package org.ecrm.core.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A data source that runs an action once, just before the first statement whose SQL starts with a prefix
 * is prepared: a concurrent writer, a fault or a check at an exact point of a storage's work. Thread-safe.
 */
public final class HookedDataSource {
  private final DataSource real;
  private final AtomicReference<String> prefix = new AtomicReference<>();
  private final AtomicReference<Runnable> action = new AtomicReference<>();
  private final AtomicInteger fired = new AtomicInteger();

  /** @param real the data source whose connections are hooked */
  public HookedDataSource(DataSource real) {
    this.real = real;
  }

  /** Runs {@code run} once, before the next statement starting with {@code sqlPrefix} is prepared. */
  public void before(String sqlPrefix, Runnable run) {
    action.set(run);
    prefix.set(sqlPrefix);
  }

  /** How many times an action ran. */
  public int fired() {
    return fired.get();
  }

  /** The hooked data source to hand to a storage. */
  public DataSource dataSource() {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (p, m, a) -> {
          Object r = invoke(m, real, a);
          if (!m.getName().equals("getConnection")) {
            return r;
          }
          Connection c = (Connection) r;
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (p2, m2, a2) -> {
                String want = prefix.get();
                if (want != null && m2.getName().equals("prepareStatement") && a2[0] instanceof String sql
                    && sql.startsWith(want) && prefix.compareAndSet(want, null)) {
                  fired.incrementAndGet();
                  action.get().run();
                }
                return invoke(m2, c, a2);
              });
        });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
