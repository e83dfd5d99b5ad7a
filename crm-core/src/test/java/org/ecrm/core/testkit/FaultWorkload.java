package org.ecrm.core.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ecrm.core.Crm;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderLine;
import org.ecrm.core.model.Refund;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.Storage;

/**
 * Mixed writes from many threads through the public {@link Crm} API while a fault injector breaks the
 * storage underneath, then a check of what is stored: every acknowledged write is present, no write
 * that threw is visible in part, and the invariants hold (order totals equal their lines, refunds never
 * exceed totals, ledgers never negative, merged ids resolve, versions strictly increase). Every
 * storage failure that reaches the caller must be a {@link StoreException} whose message starts with
 * the operation.
 *
 * <p>Each thread owns its records (so the expected state is known) except a few shared "hot" customers
 * that every thread tags, which makes version conflicts and retries. Operation counts are bounded; the
 * random choices are seeded per thread.
 *
 * <p>Use: {@code new FaultWorkload(16, 40, seed, "run1").run(crm)}, then turn the faults off and call
 * {@link #verify(Storage)} with the raw storage; the result lists the violations (empty when all holds)
 * and the figures.
 */
public final class FaultWorkload {
  /** How a write ended for its caller. */
  public enum Outcome {
    /** It returned: it must be stored. */
    ACKNOWLEDGED,
    /** It threw (a storage failure or a domain refusal): nothing of it may be stored. */
    FAILED,
    /** It threw a {@link StoreException} with an unknown outcome: all of it or nothing may be stored. */
    UNKNOWN
  }

  /** The figures of a run. */
  public record Figures(long writes, long acknowledged, long failed, long unknown, long found,
      long invariantChecks, long idempotentRetries, Map<String, Long> storeErrorsByOperation) {
    @Override
    public String toString() {
      return "writes=" + writes + " acknowledged=" + acknowledged + " failed=" + failed + " unknown=" + unknown
          + " acknowledgedFound=" + found + " invariantChecks=" + invariantChecks + " idempotentRetries="
          + idempotentRetries + " storeErrors=" + storeErrorsByOperation;
    }
  }

  /** One write and how it ended. */
  private record Write(String op, String key, Outcome outcome, Object detail) { }

  private static final String[] HOT = {"hot-1", "hot-2", "hot-3"};

  private Crm crm;
  private final int threads;
  private final int opsPerThread;
  private final long seed;
  private final String prefix;
  private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final Set<CustomerId> createdEvents = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> storeErrors = new ConcurrentHashMap<>();
  private final AtomicLong checks = new AtomicLong();
  private final AtomicLong idempotentRetries = new AtomicLong();

  /**
   * @param threads writer threads
   * @param opsPerThread operations per thread
   * @param seed the seed of every random choice
   * @param prefix the prefix of every id the run makes (several runs may share a storage)
   */
  public FaultWorkload(int threads, int opsPerThread, long seed, String prefix) {
    this.threads = threads;
    this.opsPerThread = opsPerThread;
    this.seed = seed;
    this.prefix = prefix;
  }

  /** The event listener to give the CRM's builder: the check compares events with outcomes. */
  public org.ecrm.core.event.CrmListener listener() {
    return e -> {
      if (e instanceof CrmEvent.CustomerCreated c) {
        createdEvents.add(c.customer().id());
      }
    };
  }

  /** The violations found so far (during the run and by {@link #verify}). */
  public List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  /**
   * Runs the threads to completion against {@code crm}, a CRM over the faulty storage built with
   * {@link #listener()} so that the check sees the events.
   */
  public void run(Crm crm) throws InterruptedException {
    this.crm = crm;
    for (String hot : HOT) {
      ensure(() -> crm.customers().create(Customer.builder().id(prefix + "-" + hot).name("Hot", hot)));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread w = new Thread(() -> {
        try {
          start.await();
          new Worker(thread, new Random(seed * 31 + thread)).run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Throwable e) {
          violations.add("thread " + thread + " died: " + e);
        }
      }, "fault-writer-" + t);
      workers.add(w);
      w.start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
  }

  /** Runs {@code create} until the record exists: a retry of an unknown outcome meets a duplicate key. */
  private void ensure(Supplier<?> create) {
    for (int attempt = 0; attempt < 200; attempt++) {
      try {
        create.get();
        return;
      } catch (DuplicateKeyException e) {
        if (attempt > 0) {
          idempotentRetries.incrementAndGet();
        }
        return;
      } catch (StoreException e) {
        storeError(e);
      }
    }
    throw new IllegalStateException("setup write never succeeded in 200 attempts");
  }

  private void storeError(StoreException e) {
    String[] words = String.valueOf(e.getMessage()).split(" ", 3);
    String op = words.length > 1 && words[1].chars().allMatch(Character::isLetter) ? words[0] + " " + words[1]
        : words[0];
    storeErrors.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
  }

  /** One writer thread. */
  private final class Worker {
    private final int t;
    private final Random rnd;
    private final List<CustomerId> own = new ArrayList<>();
    private final List<OrderId> orders = new ArrayList<>();
    private final Map<CustomerId, Long> lastVersion = new HashMap<>();
    private int n;

    Worker(int t, Random rnd) {
      this.t = t;
      this.rnd = rnd;
    }

    private String id(String kind) {
      return prefix + "-t" + t + "-" + kind + (++n);
    }

    void run() {
      for (int i = 0; i < 2; i++) {
        CustomerId c = CustomerId.of(id("own"));
        ensure(() -> crm.customers().create(Customer.builder().id(c).name("Own", c.value())
            .email(c.value() + "@fault.example")));
        own.add(c);
      }
      for (int i = 0; i < opsPerThread; i++) {
        int pick = rnd.nextInt(100);
        if (pick < 12) {
          create();
        } else if (pick < 30) {
          update();
        } else if (pick < 40) {
          tagHot();
        } else if (pick < 55) {
          place();
        } else if (pick < 65) {
          refund();
        } else if (pick < 75) {
          grant();
        } else if (pick < 87) {
          earn();
        } else if (pick < 90) {
          redeem();
        } else if (pick < 96) {
          merge();
        } else {
          erase();
        }
      }
    }

    /** Runs one write and records its outcome; {@code expectedOp} is how a StoreException must start. */
    private <T> Outcome write(String op, String key, String expectedOp, Object detail, Supplier<T> work) {
      Outcome outcome;
      try {
        work.get();
        outcome = Outcome.ACKNOWLEDGED;
      } catch (StoreException e) {
        storeError(e);
        if (!String.valueOf(e.getMessage()).startsWith(expectedOp)) {
          violations.add(op + " " + key + ": StoreException does not name the operation '" + expectedOp + "': "
              + e.getMessage());
        }
        outcome = e.outcomeUnknown() ? Outcome.UNKNOWN : Outcome.FAILED;
      } catch (IllegalArgumentException | VersionConflictException | IllegalStateException e) {
        outcome = Outcome.FAILED; // a domain refusal (over-refund, over-redeem, too many conflicts)
      } catch (RuntimeException e) {
        violations.add(op + " " + key + ": not a StoreException: " + e);
        outcome = Outcome.FAILED;
      }
      writes.add(new Write(op, key, outcome, detail));
      return outcome;
    }

    void create() {
      CustomerId c = CustomerId.of(id("c"));
      Outcome o = write("create", c.value(), "create customer " + c, c, () -> crm.customers()
          .create(Customer.builder().id(c).name("New", c.value()).email(c.value() + "@fault.example")));
      if (o == Outcome.UNKNOWN) { // retry by the same id: it exists at most once
        try {
          crm.customers().create(Customer.builder().id(c).name("New", c.value()).email(c.value() + "@fault.example"));
          writes.add(new Write("create", c.value(), Outcome.ACKNOWLEDGED, c));
        } catch (DuplicateKeyException e) {
          idempotentRetries.incrementAndGet();
          writes.add(new Write("create", c.value(), Outcome.ACKNOWLEDGED, c));
        } catch (StoreException e) {
          storeError(e);
        }
      }
    }

    void update() {
      CustomerId c = own.get(rnd.nextInt(own.size()));
      long value = ++n;
      Customer[] done = new Customer[1];
      Outcome o = write("update", c.value(), "update customer " + c, value, () -> done[0] = crm.customers()
          .modify(c, b -> b.attribute("seq", AttributeValue.of(value))));
      if (o == Outcome.ACKNOWLEDGED) {
        long before = lastVersion.getOrDefault(c, 1L);
        checks.incrementAndGet();
        if (done[0].version() <= before) {
          violations.add("update " + c + ": version " + done[0].version() + " not above " + before);
        }
        lastVersion.put(c, done[0].version());
      }
    }

    void tagHot() {
      String hot = prefix + "-" + HOT[rnd.nextInt(HOT.length)];
      String tag = prefix + "t" + t + "u" + (++n);
      write("tag", hot, "update customer " + hot, tag, () -> crm.customers().tag(CustomerId.of(hot), tag));
    }

    private Order.Builder order(CustomerId c, OrderId id) {
      Order.Builder b = Order.builder(c).id(id);
      Random lines = new Random(id.value().hashCode());
      for (int i = 0, k = 1 + lines.nextInt(3); i < k; i++) {
        b.line("SKU-" + i, 1 + lines.nextInt(4), Money.of((5 + lines.nextInt(20)) + ".50", "EUR"));
      }
      return b;
    }

    void place() {
      CustomerId c = own.get(rnd.nextInt(own.size()));
      OrderId id = OrderId.of(id("o"));
      Outcome o = write("place", id.value(), "place order " + id, c, () -> crm.orders().place(order(c, id)));
      if (o == Outcome.ACKNOWLEDGED) {
        orders.add(id);
      } else if (o == Outcome.UNKNOWN) {
        try {
          crm.orders().place(order(c, id));
          writes.add(new Write("place", id.value(), Outcome.ACKNOWLEDGED, c));
          orders.add(id);
        } catch (DuplicateKeyException e) {
          idempotentRetries.incrementAndGet();
          writes.add(new Write("place", id.value(), Outcome.ACKNOWLEDGED, c));
          orders.add(id);
        } catch (StoreException e) {
          storeError(e);
        }
      }
    }

    void refund() {
      if (orders.isEmpty()) {
        place();
        return;
      }
      OrderId id = orders.get(rnd.nextInt(orders.size()));
      String reason = id("r");
      write("refund", id.value(), "refund order " + id, reason,
          () -> crm.orders().refund(id, Money.of((1 + rnd.nextInt(30)) + ".00", "EUR"), reason));
    }

    void grant() {
      CustomerId c = own.get(rnd.nextInt(own.size()));
      String source = id("g");
      write("grant", c.value(), "record consent", source,
          () -> crm.consents().grant(c, Channel.EMAIL, "p" + rnd.nextInt(3), LawfulBasis.CONSENT, source));
    }

    void earn() {
      CustomerId c = own.get(rnd.nextInt(own.size()));
      String event = id("e");
      long points = 1 + rnd.nextInt(50);
      Outcome o = write("earn", c.value(), "earn " + points + " points", event,
          () -> crm.loyalty().earn(c, points, "fault test", event));
      if (o == Outcome.UNKNOWN) { // the same source event is never written twice
        try {
          crm.loyalty().earn(c, points, "fault test", event);
          idempotentRetries.incrementAndGet();
          writes.add(new Write("earn", c.value(), Outcome.ACKNOWLEDGED, event));
        } catch (StoreException e) {
          storeError(e);
        }
      }
    }

    void redeem() {
      CustomerId c = own.get(rnd.nextInt(own.size()));
      String event = id("x");
      write("redeem", c.value(), "redeem", event,
          () -> crm.loyalty().redeem(c, 1 + rnd.nextInt(60), "fault test", event));
    }

    void merge() {
      CustomerId a = CustomerId.of(id("ma"));
      CustomerId b = CustomerId.of(id("mb"));
      ensure(() -> crm.customers().create(Customer.builder().id(a).name("Keep", a.value())
          .email(a.value() + "@fault.example")));
      ensure(() -> crm.customers().create(Customer.builder().id(b).name("Dup", b.value())
          .email(b.value() + "@fault.example")));
      OrderId order = OrderId.of(b.value() + "-order");
      ensure(() -> crm.orders().place(order(b, order)));
      String event = b.value() + "-earn";
      for (int i = 0; i < 200; i++) {
        try {
          crm.loyalty().earn(b, 10, "before merge", event);
          break;
        } catch (StoreException e) {
          storeError(e);
        }
      }
      write("merge", b.value(), "merge customer " + b + " into " + a, a,
          () -> crm.customers().merge(a, b));
    }

    void erase() {
      CustomerId x = CustomerId.of(id("er"));
      ensure(() -> crm.customers().create(Customer.builder().id(x).name("Gone", x.value())
          .email(x.value() + "@fault.example")));
      OrderId order = OrderId.of(x.value() + "-order");
      ensure(() -> crm.orders().place(order(x, order)));
      write("erase", x.value(), "erase customer " + x, order, () -> crm.privacy().erase(x));
    }
  }

  /**
   * Checks the stored state against the outcomes; call with the faults off. Returns the figures; the
   * violations are in {@link #violations()}.
   */
  public Figures verify(Storage storage) {
    long found = 0;
    Map<String, List<Write>> byKey = new HashMap<>();
    List<Write> all;
    synchronized (writes) {
      all = List.copyOf(writes);
    }
    for (Write w : all) {
      byKey.computeIfAbsent(w.op() + " " + w.key(), k -> new ArrayList<>()).add(w);
    }
    // last write of each customer's "seq" attribute
    Map<String, Long> maxAckedSeq = new HashMap<>();
    Map<String, List<Long>> unacked = new HashMap<>();
    for (Write w : all) {
      if (w.op().equals("update")) {
        if (w.outcome() == Outcome.ACKNOWLEDGED) {
          maxAckedSeq.merge(w.key(), (Long) w.detail(), Math::max);
        } else {
          unacked.computeIfAbsent(w.key(), k -> new ArrayList<>()).add((Long) w.detail());
        }
      }
    }
    for (Write w : all) {
      boolean present = present(storage, w);
      check(w.outcome() != Outcome.ACKNOWLEDGED || present, w, "acknowledged but not stored");
      check(w.outcome() != Outcome.FAILED || !present, w, "failed but (partly) stored");
      if (w.outcome() == Outcome.ACKNOWLEDGED && present) {
        found++;
      }
      if (w.op().equals("create")) {
        CustomerId id = (CustomerId) w.detail();
        boolean audited = !storage.audit().forEntity("Customer", id.value()).isEmpty();
        check(audited == present, w, "audit trail " + (audited ? "has" : "lacks") + " the create");
        // the event goes out only when the caller is told of success: a create whose commit answer was
        // lost is stored without an event (its retry meets a duplicate key)
        boolean unknownBefore = byKey.get("create " + w.key()).stream().anyMatch(x -> x.outcome() == Outcome.UNKNOWN);
        check(createdEvents.contains(id) ? present : !present || unknownBefore, w, "CustomerCreated event "
            + (createdEvents.contains(id) ? "sent" : "missing"));
      }
    }
    // the last acknowledged value of each attribute wins unless a later unknown write did
    for (Map.Entry<String, Long> e : maxAckedSeq.entrySet()) {
      long stored = seq(storage, CustomerId.of(e.getKey()));
      checks.incrementAndGet();
      boolean ok = stored == e.getValue() || (stored > e.getValue() && unacked.getOrDefault(e.getKey(), List.of())
          .contains(stored) && unknownUpdate(all, e.getKey(), stored));
      if (!ok) {
        violations.add("customer " + e.getKey() + ": seq is " + stored + ", last acknowledged " + e.getValue());
      }
    }
    invariants(storage);
    Map<String, Long> errors = new java.util.TreeMap<>();
    storeErrors.forEach((k, v) -> errors.put(k, v.get()));
    return new Figures(all.size(), count(all, Outcome.ACKNOWLEDGED), count(all, Outcome.FAILED),
        count(all, Outcome.UNKNOWN), found, checks.get(), idempotentRetries.get(), errors);
  }

  private static boolean unknownUpdate(List<Write> all, String key, long value) {
    return all.stream().anyMatch(w -> w.op().equals("update") && w.key().equals(key)
        && w.outcome() == Outcome.UNKNOWN && ((Long) w.detail()) == value);
  }

  private static long count(List<Write> all, Outcome o) {
    return all.stream().filter(w -> w.outcome() == o).count();
  }

  private void check(boolean ok, Write w, String what) {
    checks.incrementAndGet();
    if (!ok) {
      violations.add(w.op() + " " + w.key() + " (" + w.outcome() + ", " + w.detail() + "): " + what);
    }
  }

  /** Whether the effect of {@code w} is stored, checking that it is whole where it has several parts. */
  private boolean present(Storage s, Write w) {
    switch (w.op()) {
      case "create": {
        CustomerId id = (CustomerId) w.detail();
        Optional<Customer> c = s.customers().get(id);
        boolean byEmail = s.customers().findByEmail(EmailAddress.of(id.value() + "@fault.example")).isPresent();
        check(c.isPresent() == byEmail, w, "customer and its e-mail index disagree");
        return c.isPresent();
      }
      case "update": {
        // each customer is updated by one thread with rising values: an acknowledged value is present
        // when it or a later one is stored; a failed one must never be the stored value
        long stored = seq(s, CustomerId.of(w.key()));
        long value = (Long) w.detail();
        return w.outcome() == Outcome.FAILED ? stored == value : stored >= value;
      }
      case "tag":
        return s.customers().get(CustomerId.of(w.key())).orElseThrow().tags().contains((String) w.detail());
      case "place": {
        Optional<Order> o = s.orders().get(OrderId.of(w.key()));
        if (o.isPresent()) {
          boolean audited = !s.audit().forEntity("Order", w.key()).isEmpty();
          check(audited, w, "order stored without its audit record");
        }
        return o.isPresent();
      }
      case "refund": {
        Order o = s.orders().get(OrderId.of(w.key())).orElseThrow();
        return o.refunds().stream().map(Refund::reason).anyMatch(w.detail()::equals);
      }
      case "grant":
        return s.consents().history(CustomerId.of(w.key())).stream().map(ConsentRecord::source)
            .anyMatch(w.detail()::equals);
      case "earn":
      case "redeem": {
        long n = s.ledger().history(CustomerId.of(w.key())).stream()
            .filter(e -> e.sourceEvent().equals(w.detail())).count();
        check(n <= 1, w, "source event written " + n + " times");
        return n == 1;
      }
      case "merge": {
        CustomerId survivor = (CustomerId) w.detail();
        CustomerId merged = CustomerId.of(w.key());
        boolean aliased = s.customers().resolveAlias(merged).map(survivor::equals).orElse(false);
        boolean mergedGone = s.customers().get(merged).isEmpty();
        Order order = s.orders().get(OrderId.of(merged.value() + "-order")).orElseThrow();
        boolean orderMoved = order.customerId().equals(survivor);
        boolean pointsMoved = s.ledger().history(survivor).stream()
            .anyMatch(e -> e.sourceEvent().equals(merged.value() + "-earn"));
        boolean pointsLeft = s.ledger().history(merged).stream()
            .anyMatch(e -> e.sourceEvent().equals(merged.value() + "-earn"));
        boolean emailMoved = s.customers().findByEmail(EmailAddress.of(merged.value() + "@fault.example"))
            .map(c -> c.id().equals(survivor)).orElse(false);
        boolean all = aliased && mergedGone && orderMoved && emailMoved && (pointsMoved || !pointsLeft);
        boolean none = !aliased && !mergedGone && !orderMoved && !pointsMoved && !emailMoved;
        check(all || none, w, "half merged: aliased=" + aliased + " mergedGone=" + mergedGone + " orderMoved="
            + orderMoved + " pointsMoved=" + pointsMoved + " emailMoved=" + emailMoved);
        return all;
      }
      case "erase": {
        CustomerId x = CustomerId.of(w.key());
        boolean gone = s.customers().get(x).isEmpty();
        boolean emailGone = s.customers().findByEmail(EmailAddress.of(x.value() + "@fault.example")).isEmpty();
        Order order = s.orders().get((OrderId) w.detail()).orElseThrow();
        boolean pseudonymised = order.customerId().value().startsWith("erased-");
        boolean auditGone = s.audit().forEntity("Customer", x.value()).isEmpty();
        boolean all = gone && emailGone && pseudonymised && auditGone;
        boolean none = !gone && !emailGone && !pseudonymised && !auditGone;
        check(all || none, w, "half erased: gone=" + gone + " emailGone=" + emailGone + " pseudonymised="
            + pseudonymised + " auditGone=" + auditGone);
        return all;
      }
      default:
        throw new IllegalStateException(w.op());
    }
  }

  private static long seq(Storage s, CustomerId id) {
    return s.customers().get(id).map(c -> c.attributes().get("seq"))
        .map(v -> ((AttributeValue.Number) v).value().longValueExact()).orElse(-1L);
  }

  /** Store-wide invariants over every order, ledger and alias. */
  private void invariants(Storage s) {
    OrderId after = null;
    while (true) {
      List<Order> page = s.orders().scan(after, 500);
      for (Order o : page) {
        Money sum = Money.zero(o.currency());
        for (OrderLine l : o.lines()) {
          sum = sum.plus(l.unitPrice().times(l.quantity()));
        }
        invariant(sum.equals(o.total()), "order " + o.id() + ": total " + o.total() + " != lines " + sum);
        invariant(o.refundedTotal().compareTo(o.total()) <= 0, "order " + o.id() + ": refunds "
            + o.refundedTotal() + " exceed the total " + o.total());
        invariant(o.version() >= 1 + o.refunds().size(), "order " + o.id() + ": version " + o.version()
            + " below its " + o.refunds().size() + " refunds + 1");
      }
      if (page.size() < 500) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    CustomerId member = null;
    while (true) {
      List<CustomerId> page = s.ledger().scanCustomers(member, 500);
      for (CustomerId id : page) {
        long balance = s.ledger().history(id).stream().mapToLong(PointsEntry::points).sum();
        invariant(balance >= 0, "ledger of " + id + " is negative: " + balance);
      }
      if (page.size() < 500) {
        break;
      }
      member = page.get(page.size() - 1);
    }
    CustomerId cursor = null;
    while (true) {
      List<Customer> page = s.customers().scan(cursor, 500);
      for (Customer c : page) {
        for (CustomerId alias : s.customers().aliasesOf(c.id())) {
          invariant(s.customers().get(alias).isEmpty(), "alias " + alias + " of " + c.id() + " is also a customer");
        }
        invariant(c.version() >= 1, "customer " + c.id() + " has version " + c.version());
        for (EmailAddress e : c.emails()) {
          invariant(s.customers().findByEmail(e).map(x -> x.id().equals(c.id())).orElse(false),
              "e-mail " + e + " of " + c.id() + " does not find it");
        }
      }
      if (page.size() < 500) {
        break;
      }
      cursor = page.get(page.size() - 1).id();
    }
    // merged ids resolve to a live customer
    for (Write w : writes) {
      if (w.op().equals("merge") && w.outcome() != Outcome.FAILED) {
        CustomerId merged = CustomerId.of(w.key());
        Optional<CustomerId> target = s.customers().resolveAlias(merged);
        if (target.isPresent()) {
          invariant(s.customers().get(target.get()).isPresent(), "merged id " + merged + " resolves to "
              + target.get() + ", which does not exist");
        } else {
          invariant(w.outcome() == Outcome.UNKNOWN, "acknowledged merge of " + merged + " does not resolve");
        }
      }
    }
  }

  private void invariant(boolean ok, String what) {
    checks.incrementAndGet();
    if (!ok) {
      violations.add(what);
    }
  }
}
