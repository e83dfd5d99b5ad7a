package org.ecrm.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.VersionConflictException;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store under contention, through the public API: threads create customers with
 * colliding e-mail addresses (exactly one wins each), change e-mails, erase customers, while readers
 * look customers up by e-mail and id and scan; afterwards every index answer agrees with the rows
 * (no orphan entries, no missing ones), and the scan is the rows in id order. Seeded randomness.
 */
class InMemoryWriteStressTest {
  private static final int EMAILS = 64;

  private static EmailAddress email(int i) {
    return EmailAddress.of("user" + i + "@example.com");
  }

  @Test
  void collidingCreates_exactlyOneWinsPerEmail() throws Exception {
    try (Crm crm = Crm.builder().idGenerator(IdGenerator.sequential()).discoverStorage(false).build()) {
      int threads = 4;
      AtomicIntegerArray wins = new AtomicIntegerArray(2000);
      CyclicBarrier start = new CyclicBarrier(threads);
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = 42 + t;
        Thread th = new Thread(() -> {
          Random rnd = new Random(seed);
          try {
            start.await();
            for (int i = 0; i < 2000; i++) {
              try {
                crm.customers().create(Customer.builder().email(email(i).value()).phone("+44 20 7946 " + (1000
                    + rnd.nextInt(50))));
                wins.incrementAndGet(i);
              } catch (DuplicateKeyException expected) {
                // another thread won
              }
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        });
        th.start();
        ts.add(th);
      }
      for (Thread th : ts) {
        th.join();
      }
      assertThat(errors).isEmpty();
      for (int i = 0; i < 2000; i++) {
        assertThat(wins.get(i)).as("winners of %s", email(i)).isEqualTo(1);
        Customer c = crm.customers().findByEmail(email(i)).orElseThrow();
        assertThat(crm.customers().get(c.id())).contains(c);
      }
      assertThat(crm.customers().count()).isEqualTo(2000);
      checkConsistent(crm, 2000);
    }
  }

  @Test
  void createsEmailChangesAndErasures_leaveIndexesAndScansConsistent() throws Exception {
    try (Crm crm = Crm.builder().idGenerator(IdGenerator.sequential()).discoverStorage(false).build()) {
      int writers = 3;
      AtomicBoolean done = new AtomicBoolean();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      Thread reader = new Thread(() -> {
        Random rnd = new Random(7);
        while (!done.get()) {
          EmailAddress e = email(rnd.nextInt(EMAILS));
          crm.customers().findByEmail(e).ifPresent(c -> {
            if (!c.emails().contains(e)) {
              problems.add("findByEmail(" + e + ") gave " + c);
            }
          });
          List<Customer> all = crm.customers().list(CustomerFilter.all(), 10_000, "").items();
          for (int i = 1; i < all.size(); i++) {
            if (all.get(i - 1).id().compareTo(all.get(i).id()) >= 0) {
              problems.add("scan out of order: " + all.get(i - 1).id() + " then " + all.get(i).id());
            }
          }
        }
      });
      reader.start();
      List<Thread> ts = new ArrayList<>();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      for (int t = 0; t < writers; t++) {
        long seed = 1000 + t;
        Thread th = new Thread(() -> {
          Random rnd = new Random(seed);
          try {
            for (int i = 0; i < 6000; i++) {
              int op = rnd.nextInt(10);
              EmailAddress e = email(rnd.nextInt(EMAILS));
              try {
                if (op < 5) {
                  crm.customers().create(Customer.builder().email(e.value()));
                } else if (op < 8) {
                  Optional<Customer> c = crm.customers().findByEmail(e);
                  EmailAddress to = email(rnd.nextInt(EMAILS));
                  if (c.isPresent()) {
                    crm.customers().modify(c.get().id(), b -> b.emails(List.of(to)));
                  }
                } else {
                  Optional<Customer> c = crm.customers().findByEmail(e);
                  if (c.isPresent()) {
                    crm.privacy().erase(c.get().id());
                  }
                }
              } catch (DuplicateKeyException | NotFoundException | VersionConflictException expected) {
                // lost a race: the store refused it whole
              }
            }
          } catch (Throwable ex) {
            errors.add(ex);
          }
        });
        th.start();
        ts.add(th);
      }
      for (Thread th : ts) {
        th.join();
      }
      done.set(true);
      reader.join();
      assertThat(errors).isEmpty();
      assertThat(problems.stream().distinct().limit(5).toList()).isEmpty();
      checkConsistent(crm, EMAILS);
    }
  }

  /** Every e-mail's answer agrees with the rows; count, scan and get agree. */
  private static void checkConsistent(Crm crm, int emails) {
    List<Customer> all = new ArrayList<>();
    String cursor = "";
    while (true) {
      var page = crm.customers().list(CustomerFilter.all(), 97, cursor);
      all.addAll(page.items());
      if (page.nextCursor().isEmpty()) {
        break;
      }
      cursor = page.nextCursor().get();
    }
    assertThat(crm.customers().count()).isEqualTo(all.size());
    Set<CustomerId> ids = new HashSet<>();
    Map<EmailAddress, Customer> holder = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Customer c = all.get(i);
      assertThat(ids.add(c.id())).as("scan repeats %s", c.id()).isTrue();
      if (i > 0) {
        assertThat(all.get(i - 1).id().compareTo(c.id())).isNegative();
      }
      assertThat(crm.customers().get(c.id())).contains(c);
      for (EmailAddress e : c.emails()) {
        assertThat(holder.put(e, c)).as("two holders of %s", e).isNull();
      }
    }
    for (int i = 0; i < emails; i++) {
      EmailAddress e = email(i);
      assertThat(crm.customers().findByEmail(e)).as("findByEmail(%s)", e).isEqualTo(Optional.ofNullable(holder.get(e)));
    }
  }
}
