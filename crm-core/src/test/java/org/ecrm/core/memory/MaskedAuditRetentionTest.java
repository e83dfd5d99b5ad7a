package org.ecrm.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecrm.core.Crm;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.spi.Storage;
import org.junit.jupiter.api.Test;

/**
 * With {@code maskPersonalDataInAudit(true)} the audit trail holds no personal value: not in the text
 * it shows, and not in any object an audit record keeps. A customer's old e-mail, changed since,
 * must be gone from everything the storage holds (the row has the new one; the trail only masks).
 */
class MaskedAuditRetentionTest {

  private static Crm crm(Storage storage) {
    return Crm.builder().storage(storage).idGenerator(IdGenerator.sequential()).discoverStorage(false)
        .maskPersonalDataInAudit(true).build();
  }

  @Test
  void theRecordsOfAMaskedTrail_keepNoPersonalValue_inAnyObjectTheyHold() {
    Crm crm = crm(MemoryStorage.create());
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace")
        .email("ada.old@example.com").phone("+44 20 7946 0000"));
    crm.customers().modify(ada.id(), b -> b.emails(List.of()).email("ada.new@example.com"));

    List<AuditRecord> trail = crm.audit().forEntity("Customer", ada.id().value());
    assertThat(trail).extracting(AuditRecord::action).containsExactly("create", "update");
    assertThat(trail.toString()).doesNotContain("ada.old@example.com", "Lovelace");
    assertThat(deepText(trail)).doesNotContain("ada.old@example.com", "Lovelace", "7946");
    assertThat(deepText(crm.audit().byActor(Actor.SYSTEM))).doesNotContain("ada.old@example.com", "Lovelace");
  }

  @Test
  void anEmailTheCustomerChangedAway_isGoneFromEverythingTheMaskedStorageHolds() {
    Storage storage = MemoryStorage.create();
    Crm crm = crm(storage);
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace")
        .email("ada.old@example.com"));
    crm.customers().modify(ada.id(), b -> b.emails(List.of()).email("ada.new@example.com"));
    String raw = deepText(storage);
    assertThat(raw).contains("ada.new@example.com");
    assertThat(raw).doesNotContain("ada.old@example.com");
  }

  /** Every string reachable from {@code root}: fields of the library's objects, collections, arrays. */
  static String deepText(Object root) {
    StringBuilder out = new StringBuilder();
    walk(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out.toString();
  }

  private static void walk(Object o, StringBuilder out, Set<Object> seen) {
    if (o == null || !seen.add(o)) {
      return;
    }
    if (o.getClass().getName().startsWith("org.ecrm.")) { // fields first: a lazy list is Iterable too
      for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        if (!c.getName().startsWith("org.ecrm.")) {
          break;
        }
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
            continue;
          }
          try {
            f.setAccessible(true);
            walk(f.get(o), out, seen);
          } catch (ReflectiveOperationException | RuntimeException e) {
            out.append("<unreadable ").append(f).append(">\n");
          }
        }
      }
      if (o instanceof Iterable<?> it && !(o instanceof Map<?, ?>)) {
        it.forEach(x -> walk(x, out, seen));
      }
    } else if (o instanceof CharSequence || o instanceof Number || o instanceof Enum<?>
        || o instanceof java.time.temporal.Temporal) {
      out.append(o).append('\n');
    } else if (o instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        walk(k, out, seen);
        walk(v, out, seen);
      });
    } else if (o instanceof Iterable<?> it) {
      it.forEach(x -> walk(x, out, seen));
    } else if (o.getClass().isArray()) {
      if (!o.getClass().getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(o); i++) {
          walk(Array.get(o, i), out, seen);
        }
      }
    } else if (o instanceof java.util.Optional<?> opt) {
      opt.ifPresent(x -> walk(x, out, seen));
    } else if (o instanceof java.util.concurrent.atomic.AtomicReference<?> ref) {
      walk(ref.get(), out, seen);
    }
  }
}
