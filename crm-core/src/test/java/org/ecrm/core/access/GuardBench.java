package org.ecrm.core.access;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the access guard costs on a cheap read ({@code products().get}): no policy (the raw service), a
 * policy seen by {@link Actor#SYSTEM} (also the raw service), and a policy seen by an actor with the
 * permission (the guarded proxy). Not run by surefire. Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl crm-core test-compile exec:exec -Dexec.skip=false -Dexec.executable=java \
 *   -Dexec.classpathScope=test "-Dexec.args=-cp %classpath org.openjdk.jmh.Main GuardBench"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuardBench {
  private static final Sku SKU = Sku.of("SKU-1");
  private Crm unguarded;
  private Crm system;
  private Crm guarded;

  @Setup
  public void setUp() {
    unguarded = Crm.builder().discoverStorage(false).build();
    unguarded.products().create(SKU, "Book", "books", Money.of("10.00", "EUR"));
    Crm withPolicy = unguarded.toBuilder().accessPolicy(AccessPolicy.builder()
        .role("catalogue", Permission.READ_PRODUCTS).grant(Actor.user("clerk"), "catalogue").build()).build();
    system = withPolicy.as(Actor.SYSTEM);
    guarded = withPolicy.as(Actor.user("clerk"));
  }

  /** No policy. */
  @Benchmark
  public Optional<Product> noPolicy() {
    return unguarded.products().get(SKU);
  }

  /** A policy, the system actor. */
  @Benchmark
  public Optional<Product> policySystemActor() {
    return system.products().get(SKU);
  }

  /** A policy, an actor checked by the guard. */
  @Benchmark
  public Optional<Product> policyGuardedActor() {
    return guarded.products().get(SKU);
  }
}
