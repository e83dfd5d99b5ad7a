package org.ecrm.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.IdGenerator;
import org.junit.jupiter.api.Test;

/**
 * A create refused for a taken unique key changes nothing, and so no reader may ever see the refused
 * customer: not by e-mail, not by id, not in the count. The in-memory store claims the keys of a new
 * row one after another (the row first, then e-mail, then external id): a refused external id undoes
 * the e-mail, but lock-free readers could see the row in between.
 */
class RefusedCreateVisibilityTest {

  @Test
  void aCreateRefusedOnItsExternalId_isNeverVisibleByItsEmail_norInTheCount() throws Exception {
    try (Crm crm = Crm.builder().idGenerator(IdGenerator.sequential()).discoverStorage(false).build()) {
      crm.customers().create(Customer.builder().email("owner@example.com").externalId("web", "taken"));
      EmailAddress ghost = EmailAddress.of("ghost@example.com");
      assertThatThrownBy(() -> crm.customers().create(
          Customer.builder().email(ghost.value()).externalId("web", "taken")))
          .isInstanceOf(DuplicateKeyException.class);

      AtomicBoolean done = new AtomicBoolean();
      ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
      AtomicLong reads = new AtomicLong();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        Thread t = new Thread(() -> {
          while (!done.get()) {
            crm.customers().findByEmail(ghost).ifPresent(c -> seen.add("findByEmail -> " + c.id()));
            long n = crm.customers().count();
            if (n != 1) {
              seen.add("count() = " + n);
            }
            reads.incrementAndGet();
          }
        });
        t.start();
        readers.add(t);
      }
      long deadline = System.nanoTime() + 8_000_000_000L;
      int attempts = 0;
      try {
        while (System.nanoTime() < deadline && seen.isEmpty() && attempts < 2_000_000) {
          try {
            crm.customers().create(Customer.builder().email(ghost.value()).externalId("web", "taken"));
            seen.add("a refused create was kept");
          } catch (DuplicateKeyException expected) {
            attempts++;
          }
        }
      } finally {
        done.set(true);
        for (Thread t : readers) {
          t.join();
        }
      }
      assertThat(crm.customers().findByEmail(ghost)).isEmpty();
      assertThat(crm.customers().count()).isEqualTo(1);
      assertThat(seen.stream().distinct().limit(4).toList())
          .as("what readers saw of %s refused creates over %s reads", attempts, reads.get()).isEmpty();
    }
  }
}
