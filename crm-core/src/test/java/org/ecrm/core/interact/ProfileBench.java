package org.ecrm.core.interact;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Sku;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Profile lookups on 10,000 customers (3 orders of 3 lines, 2 consents, stated preferences each): a warm
 * lookup served by the cache, and a cold one (invalidate, then compute from the stores). Not run by
 * surefire. Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl crm-core test-compile exec:exec -Dexec.skip=false -Dexec.executable=java \
 *   -Dexec.classpathScope=test "-Dexec.args=-cp %classpath org.openjdk.jmh.Main ProfileBench"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfileBench {
  @Param({"10000"})
  int customers;

  private Interact interact;
  private CustomerId[] ids;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Crm crm = Crm.builder().idGenerator(IdGenerator.sequential()).discoverStorage(false).build();
    for (int p = 0; p < 100; p++) {
      crm.products().create(Sku.of("P" + p), "Product " + p, "cat" + (p % 10), Money.of("1.00", "GBP"));
    }
    ids = new CustomerId[customers];
    for (int i = 0; i < customers; i++) {
      CustomerId id = crm.customers().create(Customer.builder().id("c" + i).name("Given" + i, "Family")
          .email("c" + i + "@example.com")).id();
      ids[i] = id;
      crm.consents().grant(id, Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "bench");
      crm.consents().grant(id, Channel.SMS, "offers", LawfulBasis.CONSENT, "bench");
      crm.preferences().update(id, p -> p.withChannels(java.util.List.of(Channel.EMAIL)), "bench");
      for (int o = 0; o < 3; o++) {
        crm.orders().place(Order.builder(id).placedAt(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(o * 86_400L))
            .line("P" + ((i + o) % 100), 1, Money.of("1.00", "GBP")).line("P" + ((i + o + 1) % 100), 2,
                Money.of("1.00", "GBP")).line("P" + ((i * 7 + o) % 100), 1, Money.of("1.00", "GBP")));
      }
    }
    interact = Interact.builder(crm).build();
    for (CustomerId id : ids) {
      interact.profile(id);
    }
  }

  /** A lookup served from the cache. */
  @Benchmark
  public Profile warmLookup() {
    int i = next++;
    if (next == ids.length) {
      next = 0;
    }
    return interact.profile(ids[i]);
  }

  /** A lookup computed from the stores (customer, preferences, consents, orders, products). */
  @Benchmark
  public Profile coldLookup() {
    int i = next++;
    if (next == ids.length) {
      next = 0;
    }
    interact.invalidate(ids[i]);
    return interact.profile(ids[i]);
  }
}
