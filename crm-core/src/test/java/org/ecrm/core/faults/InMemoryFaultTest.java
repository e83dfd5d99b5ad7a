package org.ecrm.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecrm.core.Crm;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.FaultWorkload;
import org.ecrm.core.testkit.FaultyStorage;
import org.junit.jupiter.api.Test;

/**
 * The in-memory storage under a wrapper that throws at random store calls (before a call, or after a
 * write was made): 16 threads of mixed writes, then every acknowledged write is stored, no failed one
 * is visible in part, and the invariants hold.
 */
class InMemoryFaultTest {

  @Test
  void sixteenWritersUnderRandomStoreFaultsLeaveNoPartialState() throws InterruptedException {
    for (long seed : new long[] {1, 2, 3}) {
      FaultyStorage faulty = new FaultyStorage(MemoryStorage.create(), seed, 0.03);
      FaultWorkload work = new FaultWorkload(16, 60, seed, "mem" + seed);
      Crm crm = Crm.builder().storage(faulty.storage()).listener(work.listener()).build();
      work.run(crm);
      faulty.off();
      FaultWorkload.Figures f = work.verify(faulty.inner());
      System.out.printf("in-memory seed %d: faults injected=%d of %d store calls; %s%n", seed,
          faulty.injected(), faulty.calls(), f);
      assertThat(work.violations()).isEmpty();
      assertThat(faulty.injected()).isGreaterThan(50);
      assertThat(f.failed()).isGreaterThan(20);
      assertThat(f.acknowledged()).isGreaterThan(500);
      assertThat(f.found()).isEqualTo(f.acknowledged());
    }
  }

  /** The check is not blind: without the storage's transactions the same faults leave partial writes. */
  @Test
  void withoutTransactionsTheSameFaultsLeavePartialWritesTheCheckFinds() throws InterruptedException {
    FaultyStorage faulty = new FaultyStorage(MemoryStorage.create(), 1, 0.03, false);
    FaultWorkload work = new FaultWorkload(16, 60, 1, "bare");
    Crm crm = Crm.builder().storage(faulty.storage()).listener(work.listener()).build();
    work.run(crm);
    faulty.off();
    work.verify(faulty.inner());
    System.out.printf("in-memory without transactions: %d violations, e.g. %s%n", work.violations().size(),
        work.violations().stream().limit(3).toList());
    assertThat(work.violations()).isNotEmpty();
  }
}
