package org.ecrm.core.io;

import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory write path per operation, for JMH's {@code -prof gc} (bytes allocated per operation):
 * a create through the API, an import of 512 customers (one chunk), an order of three lines, a consent
 * grant and an interaction. The whole-process figures (imports, the databases, the floors) are
 * {@code org.ecrm.core.jdbc.WritePathRun}'s. Not run by surefire. Run from the repository root:
 *
 * <pre>
 * mvn -B -ntp -o -q -pl crm-core -am test-compile -Djacoco.skip
 * mvn -B -ntp -o -q -pl crm-core exec:exec -Dexec.skip=false -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.openjdk.jmh.Main WritePathBench -prof gc"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class WritePathBench {
  private static final Money PRICE = Money.of("9.99", "GBP");
  private Crm crm;
  private long next;
  private String chunk;

  /** A fresh CRM per iteration, so that the tables do not grow without bound. */
  @Setup(Level.Iteration)
  public void setUp() {
    crm = Crm.builder().discoverStorage(false).build().as(Actor.service("bench"));
    crm.customers().create(Customer.builder().id("c-0").email("first@example.com"));
    next = 1;
  }

  /** @return the created customer */
  @Benchmark
  public Customer create() {
    long i = next++;
    return crm.customers().create(Customer.builder().id("c-" + i).email("user" + i + "@example.com")
        .name("Ada", "Lovelace"));
  }

  /** @return the import's result (512 rows; times and allocation are per row) */
  @Benchmark
  @OperationsPerInvocation(512)
  public ImportResult importChunk() {
    long from = next;
    next += 512;
    StringBuilder sb = new StringBuilder("id,email,givenName,familyName\n");
    for (long i = from; i < from + 512; i++) {
      sb.append("c-").append(i).append(",user").append(i).append("@example.com,Ada,Lovelace\n");
    }
    chunk = sb.toString();
    return crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build(),
        new StringReader(chunk));
  }

  /** @return the placed order */
  @Benchmark
  public Order placeOrder() {
    long i = next++;
    return crm.orders().place(Order.builder(CustomerId.of("c-0")).id("o-" + i).line("S1", 1, PRICE)
        .line("S2", 2, PRICE).line("S3", 3, PRICE));
  }

  /** @return the consent record */
  @Benchmark
  public Object grantConsent() {
    return crm.consents().grant(CustomerId.of("c-0"), Channel.EMAIL, "p" + (next++ % 16), LawfulBasis.CONSENT,
        "bench");
  }

  /** @return the interaction */
  @Benchmark
  public Interaction recordInteraction() {
    next++;
    return crm.interactions().record(Interaction.builder(CustomerId.of("c-0"), Channel.EMAIL,
        InteractionType.CAMPAIGN_MESSAGE).subject("hello"));
  }
}
