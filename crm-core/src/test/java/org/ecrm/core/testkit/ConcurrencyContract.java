package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.CustomerStore;
import org.junit.jupiter.api.Test;

/**
 * Lost-update test under contention: {@value #THREADS} threads each add {@value #INCREMENTS} to a
 * counter attribute of a few shared customers by read-modify-write with retries on
 * {@link VersionConflictException}. The final counters must equal the number of successful updates,
 * and the final versions must be one more than that: no update lost, none applied twice.
 */
public abstract class ConcurrencyContract extends StoreContractSupport {
  /** Writer threads. */
  protected static final int THREADS = 16;
  /** Increments per thread. */
  protected static final int INCREMENTS = 250;
  private static final int CUSTOMERS = 4;

  /** Conflicts retried in the last run, for reports. */
  protected final AtomicLong conflicts = new AtomicLong();

  @Test
  void readModifyWrite_fromSixteenThreads_losesNoUpdate() throws Exception {
    CustomerStore store = storage.customers();
    for (int i = 0; i < CUSTOMERS; i++) {
      store.insert(customer("hot" + i).toBuilder().attribute("counter", AttributeValue.of(0)).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        for (int n = 0; n < INCREMENTS; n++) {
          CustomerId id = CustomerId.of("hot" + ((thread + n) % CUSTOMERS));
          while (true) {
            Customer c = store.get(id).orElseThrow();
            long counter = ((AttributeValue.Number) c.attributes().get("counter")).value().longValueExact();
            Customer next = nextVersion(c).toBuilder().attribute("counter", AttributeValue.of(counter + 1)).build();
            try {
              store.update(next);
              break;
            } catch (VersionConflictException e) {
              conflicts.incrementAndGet();
            }
          }
          // readers run concurrently with writers and must always find the customer by e-mail
          assertThat(store.findByEmail(EmailAddress.of(id.value() + "@example.com"))).isPresent();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    long total = 0;
    for (int i = 0; i < CUSTOMERS; i++) {
      Customer c = store.get(CustomerId.of("hot" + i)).orElseThrow();
      long counter = ((AttributeValue.Number) c.attributes().get("counter")).value().longValueExact();
      assertThat(c.version()).isEqualTo(counter + 1);
      total += counter;
    }
    assertThat(total).isEqualTo((long) THREADS * INCREMENTS);
    System.out.printf("ConcurrencyContract: %d threads, %d updates, %d conflicts retried%n", THREADS,
        total, conflicts.get());
  }
}
