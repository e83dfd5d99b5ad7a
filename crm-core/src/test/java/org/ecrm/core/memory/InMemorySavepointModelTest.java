package org.ecrm.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.Storage;
import org.junit.jupiter.api.Test;

/**
 * The in-memory customer table through the SPI against a naive model (a sorted map): seeded random
 * inserts, e-mail changes and deletes, many refused for a taken key, in nested transactions
 * (savepoints) of which some throw, inside outer transactions of which some throw. After every outer
 * transaction each id, e-mail and phone look-up, the count and paged scans equal the model's: a refused
 * write and a rolled-back savepoint leave the rows and the indexes exactly as they were.
 */
class InMemorySavepointModelTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final int IDS = 300;
  private static final int EMAILS = 150;

  private static String id(int i) {
    return String.format("k%04d", i);
  }

  private static EmailAddress email(int i) {
    return EmailAddress.of("m" + i + "@example.com");
  }

  private static PhoneNumber phone(int i) {
    return PhoneNumber.parse("+44 20 7946 " + (1000 + i));
  }

  /** Unchecked failure of a unit on purpose. */
  private static final class Abort extends RuntimeException {
    Abort() {
      super("abort");
    }
  }

  @Test
  void savepointsAndRefusedWrites_leaveExactlyWhatTheModelHas() {
    for (long seed = 1; seed <= 4; seed++) {
      run(seed);
    }
  }

  private static void run(long seed) {
    Random rnd = new Random(seed);
    Storage storage = MemoryStorage.create();
    CustomerStore customers = storage.customers();
    TreeMap<String, Customer> model = new TreeMap<>();
    for (int round = 0; round < 120; round++) {
      TreeMap<String, Customer> outer = new TreeMap<>(model);
      boolean abortOuter = rnd.nextInt(10) == 0;
      try {
        storage.transaction("outer " + round, () -> {
          int units = 1 + rnd.nextInt(6);
          for (int u = 0; u < units; u++) {
            TreeMap<String, Customer> unit = new TreeMap<>(outer);
            boolean abortUnit = rnd.nextInt(3) == 0;
            try {
              storage.transaction("unit", () -> {
                int ops = 1 + rnd.nextInt(8);
                for (int o = 0; o < ops; o++) {
                  step(rnd, customers, unit);
                }
                if (abortUnit) {
                  throw new Abort();
                }
                return null;
              });
              outer.clear();
              outer.putAll(unit);
            } catch (Abort expected) {
              // the savepoint is rolled back: outer stays as it was
            }
          }
          if (abortOuter) {
            throw new Abort();
          }
          return null;
        });
        model = outer;
      } catch (Abort expected) {
        // everything of the round is rolled back
      }
      check(customers, model, rnd, "seed " + seed + " round " + round);
    }
  }

  private static void step(Random rnd, CustomerStore customers, TreeMap<String, Customer> m) {
    int op = rnd.nextInt(10);
    String id = id(rnd.nextInt(IDS));
    Customer current = m.get(id);
    try {
      if (op < 5) {
        Customer c = Customer.builder().id(id).email(email(rnd.nextInt(EMAILS)).value())
            .phone(phone(rnd.nextInt(20))).createdAt(T).updatedAt(T).version(1).build();
        customers.insert(c);
        assertThat(current).as("insert of a taken id %s accepted", id).isNull();
        m.put(id, c);
      } else if (op < 8) {
        if (current == null) {
          return;
        }
        Customer.Builder b = current.toBuilder().emails(List.of(email(rnd.nextInt(EMAILS))))
            .version(current.version() + 1).updatedAt(T);
        if (rnd.nextBoolean()) {
          b.email(email(rnd.nextInt(EMAILS)));
        }
        Customer next = b.build();
        customers.update(next);
        m.put(id, next);
      } else {
        if (current == null) {
          return;
        }
        assertThat(customers.delete(current.id(), current.version())).isTrue();
        m.remove(id);
      }
    } catch (DuplicateKeyException refused) {
      // refused whole: the model keeps what it had; the store must too (checked below)
    }
    if (rnd.nextInt(4) == 0) {
      List<Customer> scanned = customers.scan(null, IDS + 10);
      assertThat(scanned).as("scan inside a unit").containsExactlyElementsOf(m.values());
    }
    for (Customer c : m.values()) {
      for (EmailAddress e : c.emails()) {
        if (customers.findByEmail(e).map(x -> !x.id().value().equals(c.id().value())).orElse(true)) {
          throw new AssertionError("findByEmail(" + e + ") is not " + c.id() + " inside a unit: "
              + customers.findByEmail(e));
        }
      }
    }
  }

  private static void check(CustomerStore customers, TreeMap<String, Customer> model, Random rnd, String where) {
    assertThat(customers.count()).as(where).isEqualTo(model.size());
    for (int i = 0; i < IDS; i++) {
      assertThat(customers.get(CustomerId.of(id(i)))).as(where + " get " + id(i))
          .isEqualTo(Optional.ofNullable(model.get(id(i))));
    }
    for (int i = 0; i < EMAILS; i++) {
      EmailAddress e = email(i);
      Optional<Customer> holder = model.values().stream().filter(c -> c.emails().contains(e)).findFirst();
      assertThat(customers.findByEmail(e)).as(where + " findByEmail " + e).isEqualTo(holder);
    }
    for (int i = 0; i < 20; i++) {
      PhoneNumber p = phone(i);
      assertThat(customers.findByPhone(p)).as(where + " findByPhone " + p)
          .containsExactlyElementsOf(model.values().stream().filter(c -> c.phones().contains(p)).toList());
    }
    int limit = 1 + rnd.nextInt(40);
    List<Customer> paged = new ArrayList<>();
    CustomerId after = null;
    while (true) {
      List<Customer> page = customers.scan(after, limit);
      paged.addAll(page);
      if (page.size() < limit) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    assertThat(paged).as(where + " paged scan").containsExactlyElementsOf(model.values());
  }
}
