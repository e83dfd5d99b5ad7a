package org.ecrm.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.spi.Storage;
import org.postgresql.PGConnection;

/**
 * The write path, whole-process: the same generated customers ({@code id,email,givenName,familyName})
 * and orders written through the facade in memory, on H2 (in memory) and on embedded PostgreSQL, side by
 * side with the floors (a {@code HashMap} put with validation; plain-JDBC multi-row {@code INSERT} and
 * PostgreSQL {@code COPY} of the same rows). Prints rows/s, bytes allocated per row (this thread's
 * allocation counter, what JMH's {@code -prof gc} reads), heap per customer and single-row latencies.
 * Not a test. Run from the repository root:
 *
 * <pre>
 * mvn -B -ntp -o -q -pl crm-core -am test-compile -Djacoco.skip
 * mvn -B -ntp -o -q -pl crm-core exec:exec -Dexec.skip=false -Dexec.executable=java \
 *   -Dexec.classpathScope=test "-Dexec.args=-Xmx3g -cp %classpath org.ecrm.core.jdbc.WritePathRun"
 * </pre>
 *
 * System properties: {@code -Dn=100000} customers in memory, {@code -DimportRounds=4} measured in-memory
 * imports after three warm-up ones (the median is reported), {@code -Ddb=20000} customers on each
 * database, {@code -Dwarm=1} warm-up imports before the measured one on each database (the first
 * counts the JDBC calls per row),
 * {@code -Derase=20} customers erased in memory (each erasure scans the whole audit trail),
 * {@code -Dstores=mem,h2,pg} which to run, {@code -Dretail=path} the Online Retail file
 * (default {@code ../shared/data/online-retail/online-retail.csv.gz} next to the repository).
 */
public final class WritePathRun {
  private static final Object THREADS = bean("getThreadMXBean");
  private static final java.lang.reflect.Method ALLOCATED = method("com.sun.management.ThreadMXBean",
      "getThreadAllocatedBytes", long.class);

  /** A platform MX bean (by reflection: crm-core's module does not read java.management). */
  static Object bean(String getter) {
    return run(() -> Class.forName("java.lang.management.ManagementFactory").getMethod(getter).invoke(null));
  }

  static java.lang.reflect.Method method(String type, String name, Class<?>... params) {
    return run(() -> Class.forName(type).getMethod(name, params));
  }

  private static final List<?> COLLECTORS = (List<?>) bean("getGarbageCollectorMXBeans");
  private static final java.lang.reflect.Method COLLECTION_TIME = method(
      "java.lang.management.GarbageCollectorMXBean", "getCollectionTime");

  static long allocated(long tid) {
    return run(() -> (Long) ALLOCATED.invoke(THREADS, tid));
  }
  private static final List<String> TABLE = new ArrayList<>();

  private WritePathRun() { }

  /** One measured step: rows, wall seconds, bytes allocated by the thread, seconds the collectors took. */
  record Step(long rows, double seconds, long bytes, double gcSeconds) {
    double perSecond() {
      return rows / seconds;
    }

    double bytesPerRow() {
      return (double) bytes / rows;
    }
  }

  static Step measure(long rows, Runnable work) {
    long tid = Thread.currentThread().getId();
    long a0 = allocated(tid);
    long g0 = gcMillis();
    long t0 = System.nanoTime();
    work.run();
    long t1 = System.nanoTime();
    long g1 = gcMillis();
    long a1 = allocated(tid);
    return new Step(rows, (t1 - t0) / 1e9, a1 - a0, (g1 - g0) / 1e3);
  }

  /** Milliseconds all collectors have taken so far (for G1 and Parallel: their pauses). */
  static long gcMillis() {
    long sum = 0;
    for (Object gc : COLLECTORS) {
      sum += Math.max(0, run(() -> (Long) COLLECTION_TIME.invoke(gc)));
    }
    return sum;
  }

  /** The collectors of this JVM, by name. */
  static String collectors() {
    List<String> names = new ArrayList<>();
    for (Object gc : COLLECTORS) {
      names.add(run(() -> (String) method("java.lang.management.MemoryManagerMXBean", "getName").invoke(gc)));
    }
    return String.join(", ", names);
  }

  static void report(String store, String what, Step s) {
    String line = String.format(Locale.ROOT, "| %-6s | %-44s | %10d | %12.0f | %10.0f |", store, what, s.rows(),
        s.perSecond(), s.bytesPerRow());
    TABLE.add(line);
    System.out.println(line);
  }

  static void note(String line) {
    TABLE.add(line);
    System.out.println(line);
  }

  static String customersCsv(int n, int offset) {
    StringBuilder sb = new StringBuilder(n * 48).append("id,email,givenName,familyName\n");
    for (int i = offset; i < offset + n; i++) {
      sb.append("c-").append(i).append(",user").append(i).append("@example.com,Given").append(i % 997)
          .append(",Family").append(i % 1009).append('\n');
    }
    return sb.toString();
  }

  static ImportRequest customerRequest() {
    return ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).progressEvery(1_000_000).build();
  }

  static Crm crm(Storage storage) {
    return Crm.builder().discoverStorage(false).storage(storage).build().as(Actor.service("bench"));
  }

  /** Runs every section; prints the table at the end. */
  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("n", 100_000);
    int dbRows = Integer.getInteger("db", 20_000);
    List<String> stores = Arrays.asList(System.getProperty("stores", "mem,h2,pg").split(","));
    note("| store  | step                                         |       rows |       rows/s |  bytes/row |");
    note("|--------|----------------------------------------------|-----------:|-------------:|-----------:|");
    if (stores.contains("mem")) {
      memory(n);
    }
    if (stores.contains("retail")) {
      retail();
    }
    if (stores.contains("h2")) {
      try (HikariDataSource pool = Pools.pool("jdbc:h2:mem:writepath;LOCK_TIMEOUT=20000", null, null, 4)) {
        database("h2", pool, dbRows, false);
      }
    }
    if (stores.contains("pg")) {
      try (PostgresKit.Database db = PostgresKit.newDatabase()) {
        database("pg", db.pool(), dbRows, true);
      }
    }
    System.out.println();
    System.out.println("load: " + run(() -> method("java.lang.management.OperatingSystemMXBean", "getSystemLoadAverage")
            .invoke(bean("getOperatingSystemMXBean")))
        + " (1-min average), " + Runtime.getRuntime().availableProcessors() + " CPUs, JDK "
        + System.getProperty("java.version"));
    TABLE.forEach(System.out::println);
  }

  static void memory(int n) {
    String csv = customersCsv(n, 0);
    // the floor: parse and validate the same fields into a HashMap keyed by e-mail
    for (int round = 0; round < 3; round++) {
      java.util.Map<EmailAddress, Customer> map = new java.util.HashMap<>();
      Step s = measure(n, () -> {
        Instant now = Instant.EPOCH;
        for (String line : csv.substring(csv.indexOf('\n') + 1).split("\n")) {
          String[] f = line.split(",", -1);
          Customer c = Customer.builder().id(f[0]).email(f[1]).name(f[2], f[3]).createdAt(now).updatedAt(now)
              .build();
          if (map.putIfAbsent(c.emails().get(0), c) != null) {
            throw new IllegalStateException("duplicate");
          }
        }
      });
      if (round == 2) {
        report("mem", "floor: split + Customer.build + HashMap.put", s);
      }
    }
    Crm kept = null;
    List<Step> imports = new ArrayList<>();
    int importRounds = Integer.getInteger("importRounds", 4);
    for (int round = 0; round < 3 + importRounds; round++) { // three warm-up imports, then the measured ones
      Crm crm = crm(org.ecrm.core.memory.MemoryStorage.create());
      ImportResult[] r = new ImportResult[1];
      Step s = measure(n, () -> r[0] = crm.imports().run(customerRequest(), new StringReader(csv)));
      check(r[0].created() == n, "import created " + r[0].created() + " rejected " + r[0].rejections());
      if (round >= 3) {
        imports.add(s);
        kept = crm;
      }
    }
    // one import is a few hundred milliseconds, so one young collection more or less moves it by half on
    // a shared machine: the median of the measured rounds, with the fastest and slowest beside it
    imports.sort(java.util.Comparator.comparingDouble(Step::seconds));
    report("mem", "import CSV customers (warm, median of " + imports.size() + ")", imports.get(imports.size() / 2));
    double gc = imports.stream().mapToDouble(Step::gcSeconds).sum();
    double wall = imports.stream().mapToDouble(Step::seconds).sum();
    note(String.format(Locale.ROOT, "|        |   the %d imports: fastest %.0f/s, slowest %.0f/s; collector pauses %.0f %% of their time (%s) |",
        imports.size(), imports.get(0).perSecond(), imports.get(imports.size() - 1).perSecond(), 100 * gc / wall,
        collectors()));
    heapPerCustomer(kept, n);
    Crm crm = kept;
    Step find = measure(10_000, () -> {
      for (int i = 0; i < 10_000; i++) {
        check(crm.customers().findByEmail(EmailAddress.of("user" + (i * 7 % n) + "@example.com")).isPresent(),
            "findByEmail");
      }
    });
    report("mem", "findByEmail", find);
    for (int round = 0; round < 3; round++) {
      Crm fresh = crm(org.ecrm.core.memory.MemoryStorage.create());
      int offset = round * n;
      Step s = measure(n, () -> {
        for (int i = offset; i < offset + n; i++) {
          fresh.customers().create(Customer.builder().id("c-" + i).email("user" + i + "@example.com")
              .name("Given" + (i % 997), "Family" + (i % 1009)));
        }
      });
      if (round == 2) {
        report("mem", "customers().create via the API", s);
      }
    }
    Money price = Money.of("9.99", "GBP");
    for (int round = 0; round < 3; round++) {
      int orders = n / 2;
      int r = round;
      Step s = measure(orders * 3L, () -> {
        for (int i = 0; i < orders; i++) {
          Order.Builder b = Order.builder(CustomerId.of("c-" + i)).id("o" + r + "-" + i);
          b.line("S" + (i % 101), 1, price).line("T" + (i % 103), 2, price)
              .line("U" + (i % 107), 3, price);
          crm.orders().place(b);
        }
      });
      if (round == 2) {
        report("mem", "orders().place, 3 lines (per line)", s);
      }
    }
    Step consent = measure(n, () -> {
      for (int i = 0; i < n; i++) {
        crm.consents().grant(CustomerId.of("c-" + i), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "bench");
      }
    });
    report("mem", "consents().grant", consent);
    Step interaction = measure(n, () -> {
      for (int i = 0; i < n; i++) {
        crm.interactions().record(Interaction.builder(CustomerId.of("c-" + i), Channel.EMAIL,
            InteractionType.CAMPAIGN_MESSAGE).subject("hello"));
      }
    });
    report("mem", "interactions().record", interaction);
    int erased = Integer.getInteger("erase", 20);
    Step erase = measure(erased, () -> { // customers with orders, consents and interactions, spread out
      for (int i = 0; i < erased; i++) {
        crm.privacy().erase(CustomerId.of("c-" + (i * 20L + 7) % n));
      }
    });
    report("mem", "privacy().erase (customers with orders, consents, interactions)", erase);
  }

  static void heapPerCustomer(Crm keep, int n) {
    Runtime rt = Runtime.getRuntime();
    long before = usedAfterGc(rt);
    Crm crm = crm(org.ecrm.core.memory.MemoryStorage.create());
    crm.imports().run(customerRequest(), new StringReader(customersCsv(n, 10_000_000)));
    // the audit trail indexes the records it was given when first read: read it, so the index counts
    check(crm.audit().forEntity("Customer", "c-10000000").size() == 1, "audited");
    long after = usedAfterGc(rt);
    note(String.format(Locale.ROOT, "| mem    | heap per imported customer (4 fields)        | %10d | %12s | %10.0f |", n,
        "-", (double) (after - before) / n));
    check(crm.customers().count() == n && keep.customers().count() == n, "kept");
  }

  static long usedAfterGc(Runtime rt) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static void retail() throws Exception {
    Path file = Path.of(System.getProperty("retail", "../shared/data/online-retail/online-retail.csv.gz"));
    if (!Files.exists(file)) {
      file = Path.of("..").resolve(file);
    }
    check(Files.exists(file), "no Online Retail file at " + file.toAbsolutePath());
    Path f = file;
    for (int round = 0; round < 3; round++) {
      Crm crm = crm(org.ecrm.core.memory.MemoryStorage.create());
      crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).map("CustomerID", "id")
          .map("Country", "attr.country").transform("id", WritePathRun::stripFloat).build(), f);
      ImportRequest orders = ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV)
          .map("InvoiceNo", "orderId").map("StockCode", "sku").map("Quantity", "quantity")
          .map("InvoiceDate", "placedAt").map("UnitPrice", "unitPrice").map("CustomerID", "customerId")
          .defaultCurrency("GBP").dateTimeFormat("yyyy-MM-dd HH:mm:ss", "Europe/London")
          .cancellationPrefix("C").transform("customerId", WritePathRun::stripFloat).build();
      ImportResult[] r = new ImportResult[1];
      Step s = measure(541_909, () -> r[0] = crm.imports().run(orders, f));
      check(r[0].created() == 18_532, "orders created " + r[0].created());
      if (round == 2) {
        report("mem", String.format(Locale.ROOT, "Online Retail orders import (%.2f s)", s.seconds()), s);
      }
    }
  }

  static String stripFloat(String v) {
    return v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
  }

  static void database(String kind, HikariDataSource pool, int n, boolean postgres) throws Exception {
    String csv = customersCsv(n, 0);
    // floors: the same rows through plain JDBC
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE floor_customers (id VARCHAR(128) PRIMARY KEY, email VARCHAR(254) NOT NULL UNIQUE,"
          + " given_name VARCHAR(1000), family_name VARCHAR(1000))");
      for (int round = 0; round < 2; round++) {
        st.execute("DELETE FROM floor_customers");
        Step s = measure(n, () -> multiRowInsert(c, n));
        if (round == 1) {
          report(kind, "floor: plain JDBC multi-row INSERT, 1 tx", s);
        }
      }
      if (postgres) {
        for (int round = 0; round < 2; round++) {
          st.execute("DELETE FROM floor_customers");
          Step s = measure(n, () -> copy(c, csv));
          if (round == 1) {
            report(kind, "floor: plain JDBC COPY", s);
          }
        }
      }
    }
    // the CRM on the same database; the data source counts the statements it is asked for
    java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> calls =
        new java.util.concurrent.ConcurrentHashMap<>();
    javax.sql.DataSource counted = counting(pool, calls);
    int warm = Integer.getInteger("warm", 1);
    long[] counts = new long[1];
    StringBuilder per = new StringBuilder();
    for (int round = 0; round <= warm; round++) {
      // the first warm-up import counts the JDBC calls; the others run on the pool itself, without the
      // counting proxies' reflection
      try (JdbcStorage storage = JdbcStorage.builder(round == 0 ? counted : pool).build()) {
        Crm crm = crm(storage);
        String rows = customersCsv(n, round * n);
        ImportResult[] r = new ImportResult[1];
        Step s = measure(n, () -> r[0] = crm.imports().run(customerRequest(), new StringReader(rows)));
        check(r[0].created() == n, "import created " + r[0].created() + " " + r[0].rejections().stream().limit(3).toList());
        if (round == 0) {
          for (var e : new java.util.TreeMap<>(calls).entrySet()) {
            per.append(' ').append(e.getKey()).append('=')
                .append(String.format(Locale.ROOT, "%.3f", e.getValue().doubleValue() / n));
            counts[0] += ROUND_TRIPS.contains(e.getKey()) ? e.getValue().sum() : 0;
          }
        }
        if (round == warm) {
          report(kind, "import CSV customers", s);
          note("| " + kind + " | JDBC calls per imported customer:" + per + "; round trips "
              + String.format(Locale.ROOT, "%.3f", (double) counts[0] / n) + " |");
          latencies(kind, crm, n);
        }
      }
    }
    if (postgres) {
      sameRowsFloor(kind, pool, n);
    }
  }

  /** The tables a customer import writes, with the columns it fills (the audit's {@code seq} is generated). */
  static final List<String[]> WRITTEN = List.of(
      new String[] {"customers", "id, version, data", "id"},
      new String[] {"customer_emails", "email, customer_id", "email"},
      new String[] {"audit", "entity_type, entity_id, actor_kind, actor_id, data", "seq DESC"});

  /**
   * A second floor: the rows the import itself stores for {@code n} customers (the customer's document,
   * its e-mail key and its audit record, each table with the same indexes), copied out of the imported
   * tables and loaded by {@code COPY} into empty copies of them in one transaction. What the import costs
   * beyond it is the library's own work; what the plain floor costs less is the rows its guarantees keep.
   */
  static void sameRowsFloor(String kind, HikariDataSource pool, int n) throws Exception {
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      List<String> data = new ArrayList<>();
      for (String[] t : WRITTEN) {
        st.execute("CREATE TABLE kept_" + t[0] + " (LIKE " + t[0] + " INCLUDING ALL)");
        java.io.StringWriter out = new java.io.StringWriter();
        copy.copyOut("COPY (SELECT " + t[1] + " FROM " + t[0] + " ORDER BY " + t[2] + " LIMIT " + n
            + ") TO STDOUT", out);
        data.add(out.toString());
      }
      List<Step> rounds = new ArrayList<>();
      for (int round = 0; round < 4; round++) { // one warm-up, then the median of three
        c.setAutoCommit(false);
        for (String[] t : WRITTEN) {
          st.execute("TRUNCATE kept_" + t[0]);
        }
        c.commit();
        Step s = measure(n, () -> {
          for (int i = 0; i < WRITTEN.size(); i++) {
            String[] t = WRITTEN.get(i);
            String rows = data.get(i);
            run(() -> copy.copyIn("COPY kept_" + t[0] + " (" + t[1] + ") FROM STDIN", new StringReader(rows)));
          }
          run(() -> {
            c.commit();
            return null;
          });
        });
        c.setAutoCommit(true);
        if (round > 0) {
          rounds.add(s);
        }
      }
      rounds.sort(java.util.Comparator.comparingDouble(Step::seconds));
      report(kind, "floor: COPY of the rows the import stores", rounds.get(1));
    }
  }

  /** The counted calls that each make one round trip to the database. */
  static final java.util.Set<String> ROUND_TRIPS = java.util.Set.of("execute", "executeQuery", "executeUpdate",
      "executeBatch", "setSavepoint", "releaseSavepoint", "rollback", "commit");

  /**
   * {@code pool} with its connections' statement, savepoint and commit calls counted by name, and the
   * statements' executions ({@code executeBatch} counted once per batch).
   */
  static javax.sql.DataSource counting(javax.sql.DataSource pool,
      java.util.Map<String, java.util.concurrent.atomic.LongAdder> calls) {
    // unwrap: the storage's way to PostgreSQL's COPY, one COPY each
    java.util.Set<String> counted = java.util.Set.of("prepareStatement", "createStatement", "setSavepoint",
        "releaseSavepoint", "rollback", "commit");
    java.util.Set<String> executions = java.util.Set.of("execute", "executeQuery", "executeUpdate", "executeBatch");
    return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(WritePathRun.class.getClassLoader(),
        new Class<?>[] {javax.sql.DataSource.class}, (proxy, m, a) -> {
          Object r = invoke(m, pool, a);
          if (!m.getName().equals("getConnection")) {
            return r;
          }
          Connection c = (Connection) r;
          return java.lang.reflect.Proxy.newProxyInstance(WritePathRun.class.getClassLoader(),
              new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
                if (counted.contains(m2.getName())) {
                  calls.computeIfAbsent(m2.getName(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
                }
                Object r2 = invoke(m2, c, a2);
                if (r2 instanceof Statement statement) {
                  Class<?> api = statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                  return java.lang.reflect.Proxy.newProxyInstance(WritePathRun.class.getClassLoader(),
                      new Class<?>[] {api}, (p3, m3, a3) -> {
                        if (executions.contains(m3.getName())) {
                          calls.computeIfAbsent(m3.getName(), k -> new java.util.concurrent.atomic.LongAdder())
                              .increment();
                        }
                        return invoke(m3, statement, a3);
                      });
                }
                return r2;
              });
        });
  }

  static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static void latencies(String kind, Crm crm, int n) {
    int samples = 2_000;
    long[] create = new long[samples];
    for (int i = 0; i < samples; i++) {
      int id = 5_000_000 + i;
      long t0 = System.nanoTime();
      crm.customers().create(Customer.builder().id("c-" + id).email("user" + id + "@example.com")
          .name("Given", "Family"));
      create[i] = System.nanoTime() - t0;
    }
    long[] find = new long[samples];
    for (int i = 0; i < samples; i++) {
      EmailAddress e = EmailAddress.of("user" + (n + (i * 7 % n)) + "@example.com");
      long t0 = System.nanoTime();
      check(crm.customers().findByEmail(e).isPresent(), "findByEmail " + e);
      find[i] = System.nanoTime() - t0;
    }
    note(String.format(Locale.ROOT, "| %-6s | customers().create p50 / p99 (µs)            | %10d | %12s | %10s |", kind,
        samples, p(create, 50) + " / " + p(create, 99), "-"));
    note(String.format(Locale.ROOT, "| %-6s | findByEmail p50 / p99 (µs)                   | %10d | %12s | %10s |", kind,
        samples, p(find, 50) + " / " + p(find, 99), "-"));
  }

  static String p(long[] nanos, int pct) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%.0f", s[Math.min(s.length - 1, s.length * pct / 100)] / 1e3);
  }

  static void multiRowInsert(Connection c, int n) {
    run(() -> {
      c.setAutoCommit(false);
      int per = 500;
      StringBuilder sql = new StringBuilder("INSERT INTO floor_customers (id, email, given_name, family_name) VALUES ");
      for (int i = 0; i < per; i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
      }
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int start = 0; start < n; start += per) {
          check(n % per == 0, "n must be a multiple of 500");
          int k = 1;
          for (int i = start; i < start + per; i++) {
            ps.setString(k++, "c-" + i);
            ps.setString(k++, "user" + i + "@example.com");
            ps.setString(k++, "Given" + (i % 997));
            ps.setString(k++, "Family" + (i % 1009));
          }
          ps.executeUpdate();
        }
      }
      c.commit();
      c.setAutoCommit(true);
      return null;
    });
  }

  static void copy(Connection c, String csv) {
    run(() -> c.unwrap(PGConnection.class).getCopyAPI().copyIn(
        "COPY floor_customers (id, email, given_name, family_name) FROM STDIN WITH (FORMAT csv, HEADER true)",
        new StringReader(csv)));
  }

  interface Sql<T> {
    T run() throws Exception;
  }

  static <T> T run(Sql<T> work) {
    try {
      return work.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }
}
