package org.ecrm.core.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that wraps a real one and breaks JDBC calls on purpose, through JDK dynamic
 * proxies over {@link Connection}, {@link Statement}, {@link PreparedStatement} and {@link ResultSet}.
 * Three kinds of fault:
 *
 * <ul>
 *   <li>{@link Kind#FAIL}: the call throws an {@link SQLException} (SQLState 08S01, a communication
 *       failure) without reaching the database;
 *   <li>{@link Kind#HANG}: the call blocks for the hang time, then throws an {@link SQLTimeoutException}
 *       (SQLState 57014), as a driver's socket or statement timeout does;
 *   <li>{@link Kind#DROP_AFTER_COMMIT}: a {@code commit()} reaches the database and succeeds, then the
 *       connection is closed and the caller gets an {@link SQLException} with SQLState 08006: the
 *       commit's answer was lost.
 * </ul>
 *
 * <p>Faults are scripted (the Nth JDBC call, the Nth commit: {@link #script}) or random with a seed and
 * a rate per kind ({@link #random}); {@link #off()} stops them. Every call through the wrapper counts,
 * {@code getConnection} included. Thread-safe.
 */
public final class FaultyDataSource implements DataSource {
  /** A kind of fault. */
  public enum Kind { FAIL, HANG, DROP_AFTER_COMMIT }

  private final DataSource real;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final Map<Kind, AtomicLong> injected = new ConcurrentHashMap<>();
  private final Map<Long, Kind> scriptedCalls = new ConcurrentHashMap<>();
  private final Map<Long, Kind> scriptedCommits = new ConcurrentHashMap<>();
  private final java.util.List<Rule> rules = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean on;

  /** A one-shot scripted fault for the first call that matches. */
  private record Rule(java.util.function.BiPredicate<String, Object[]> when, Kind kind) { }
  private volatile Random random = new Random(0);
  private volatile double failRate;
  private volatile double hangRate;
  private volatile double dropRate;
  private volatile long hangMillis = 100;

  /** Wraps {@code real}; no faults until {@link #script} or {@link #random} is called. */
  public FaultyDataSource(DataSource real) {
    this.real = real;
  }

  /**
   * Random faults from now on: each JDBC call fails with {@code failRate}, hangs with {@code hangRate},
   * and each commit is dropped after it succeeded with {@code dropRate}.
   */
  public FaultyDataSource random(long seed, double failRate, double hangRate, double dropRate, long hangMillis) {
    this.random = new Random(seed);
    this.failRate = failRate;
    this.hangRate = hangRate;
    this.dropRate = dropRate;
    this.hangMillis = hangMillis;
    this.on = true;
    return this;
  }

  /**
   * A scripted fault: the {@code n}th JDBC call from now (1-based) gets {@code kind}; for
   * {@link Kind#DROP_AFTER_COMMIT}, the {@code n}th commit from now.
   */
  public FaultyDataSource script(long n, Kind kind) {
    if (kind == Kind.DROP_AFTER_COMMIT) {
      scriptedCommits.put(commits.get() + n, kind);
    } else {
      scriptedCalls.put(calls.get() + n, kind);
    }
    this.on = true;
    return this;
  }

  /**
   * A scripted fault by call: the next JDBC call whose method name and arguments match {@code when}
   * gets {@code kind} (FAIL or HANG), once.
   */
  public FaultyDataSource scriptWhen(java.util.function.BiPredicate<String, Object[]> when, Kind kind) {
    rules.add(new Rule(when, kind));
    this.on = true;
    return this;
  }

  /** Stops every fault (scripted ones not yet reached are dropped). */
  public void off() {
    on = false;
    scriptedCalls.clear();
    scriptedCommits.clear();
    rules.clear();
  }

  private Kind ruleFor(String method, Object[] args) {
    for (Rule r : rules) {
      if (r.when().test(method, args == null ? new Object[0] : args) && rules.remove(r)) {
        return r.kind();
      }
    }
    return null;
  }

  /** JDBC calls made through the wrapper so far. */
  public long calls() {
    return calls.get();
  }

  /** Faults injected of {@code kind}. */
  public long injected(Kind kind) {
    AtomicLong n = injected.get(kind);
    return n == null ? 0 : n.get();
  }

  /** Faults injected of every kind. */
  public long injected() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  private void count(Kind kind) {
    injected.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  /** The fault for the call just counted as {@code n}, or null. */
  private Kind faultFor(long n, boolean commit, long commitNo) {
    if (!on) {
      return null;
    }
    Kind k = scriptedCalls.remove(n);
    if (k != null) {
      return k;
    }
    if (commit && scriptedCommits.remove(commitNo) != null) {
      return Kind.DROP_AFTER_COMMIT;
    }
    Random r = random;
    synchronized (r) {
      double x = r.nextDouble();
      if (x < failRate) {
        return Kind.FAIL;
      }
      if (x < failRate + hangRate) {
        return Kind.HANG;
      }
      if (commit && x < failRate + hangRate + dropRate) {
        return Kind.DROP_AFTER_COMMIT;
      }
    }
    return null;
  }

  /** Applies a FAIL or HANG fault before the call; returns normally when there is none. */
  private void before(String call, Kind fault) throws SQLException {
    if (fault == Kind.FAIL) {
      count(Kind.FAIL);
      throw new SQLException("injected fault: " + call + " failed (communication link failure)", "08S01");
    }
    if (fault == Kind.HANG) {
      count(Kind.HANG);
      try {
        Thread.sleep(hangMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new SQLTimeoutException("injected fault: " + call + " hung past the " + hangMillis
          + " ms timeout", "57014");
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    long n = calls.incrementAndGet();
    before("DataSource.getConnection", faultFor(n, false, 0));
    return connection(real.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    long n = calls.incrementAndGet();
    before("DataSource.getConnection", faultFor(n, false, 0));
    return connection(real.getConnection(username, password));
  }

  private Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (p, m, args) -> {
          if (isObjectMethod(m)) {
            return objectMethod(p, c, m, args);
          }
          boolean commit = m.getName().equals("commit") && (args == null || args.length == 0);
          long n = calls.incrementAndGet();
          Kind fault = m.getName().equals("close") || m.getName().equals("isClosed") ? null
              : faultFor(n, commit, commit ? commits.incrementAndGet() : 0);
          if (fault == null && on && !m.getName().equals("close")) {
            fault = ruleFor(m.getName(), args);
          }
          before("Connection." + m.getName(), fault);
          Object result = invoke(c, m, args);
          if (fault == Kind.DROP_AFTER_COMMIT) {
            count(Kind.DROP_AFTER_COMMIT);
            try {
              c.close();
            } catch (SQLException ignored) {
              // dropped either way
            }
            throw new SQLException("injected fault: the connection dropped after the commit was sent", "08006");
          }
          return wrapResult(result, m.getReturnType());
        });
  }

  private Object wrapResult(Object result, Class<?> type) {
    if (result == null) {
      return null;
    }
    if (type == PreparedStatement.class || type == Statement.class || type == ResultSet.class
        || type == CallableStatement.class) {
      Object target = result;
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
        if (isObjectMethod(m)) {
          return objectMethod(p, target, m, args);
        }
        long n = calls.incrementAndGet();
        Kind fault = m.getName().equals("close") ? null : faultFor(n, false, 0);
        if (fault == null && on && !m.getName().equals("close")) {
          fault = ruleFor(m.getName(), args);
        }
        before(type.getSimpleName() + "." + m.getName(), fault);
        return wrapResult(invoke(target, m, args), m.getReturnType());
      });
    }
    if (type == DatabaseMetaData.class) {
      return result;
    }
    return result;
  }

  private static boolean isObjectMethod(Method m) {
    return m.getDeclaringClass() == Object.class;
  }

  private static Object objectMethod(Object proxy, Object target, Method m, Object[] args) throws Throwable {
    return switch (m.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "Faulty(" + target + ")";
    };
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || real.isWrapperFor(iface);
  }
}
