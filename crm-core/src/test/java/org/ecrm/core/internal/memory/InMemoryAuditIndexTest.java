package org.ecrm.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.FieldChange;
import org.junit.jupiter.api.Test;

/**
 * The audit store's per-entity index, which holds an entity's one record alone and a list from the
 * second: reads in append order, and undo (a rolled-back savepoint) back to the exact earlier state.
 */
class InMemoryAuditIndexTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
  private final Journal journal = new Journal();
  private final InMemoryAuditStore store = new InMemoryAuditStore(journal);

  private static AuditRecord record(String type, String id, String action) {
    return new AuditRecord(T, Actor.user("alice"), type, id, action, List.of(new FieldChange("f", "", action)));
  }

  @Test
  void oneTwoAndThreeRecords_ofAnEntity_readInAppendOrder_perType() {
    AuditRecord c1 = record("Customer", "x", "create");
    AuditRecord o1 = record("Order", "x", "create");
    AuditRecord c2 = record("Customer", "x", "update");
    AuditRecord c3 = record("Customer", "x", "merge");
    store.append(c1);
    assertThat(store.forEntity("Customer", "x")).containsExactly(c1);
    store.append(o1);
    store.append(c2);
    store.append(c3);
    assertThat(store.forEntity("Customer", "x")).containsExactly(c1, c2, c3);
    assertThat(store.forEntity("Order", "x")).containsExactly(o1);
    assertThat(store.forEntity("Customer", "y")).isEmpty();
    assertThat(store.forEntity("Account", "x")).isEmpty();
    assertThat(store.scan(0, 10)).containsExactly(c1, o1, c2, c3);
  }

  @Test
  void manyEntities_appendedAndRolledBack_atRandom_readAsAModelOfTheKeptRecords() {
    java.util.Random rnd = new java.util.Random(5);
    List<AuditRecord> kept = new java.util.ArrayList<>();
    for (int op = 0; op < 3_000; op++) {
      List<AuditRecord> batch = new java.util.ArrayList<>();
      for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
        batch.add(record(rnd.nextBoolean() ? "Customer" : "Order", "e" + rnd.nextInt(op < 1_500 ? 6_000 : 300), "a" + op));
      }
      if (rnd.nextInt(4) == 0) { // an erased entity's records go (any key leaves the index, not just the newest)
        String type = rnd.nextBoolean() ? "Customer" : "Order";
        String id = "e" + rnd.nextInt(op < 1_500 ? 6_000 : 300);
        store.replaceEntity(type, id, List.of());
        kept.removeIf(r -> r.entityType().equals(type) && r.entityId().equals(id));
      }
      boolean fail = rnd.nextInt(3) == 0;
      try {
        journal.run(() -> {
          batch.forEach(store::append);
          if (fail) {
            throw new IllegalStateException("rolled back");
          }
          return null;
        });
        kept.addAll(batch);
      } catch (IllegalStateException e) {
        assertThat(e).hasMessage("rolled back");
      }
    }
    for (String type : List.of("Customer", "Order")) {
      for (int e = 0; e < 6_000; e++) {
        String id = "e" + e;
        assertThat(store.forEntity(type, id)).as(type + " " + id).containsExactlyElementsOf(kept.stream()
            .filter(r -> r.entityType().equals(type) && r.entityId().equals(id)).toList());
      }
    }
    assertThat(store.scan(0, kept.size() + 1)).containsExactlyElementsOf(kept);
  }

  @Test
  void rolledBackAppends_leaveTheTrailAsItWas() {
    AuditRecord c1 = record("Customer", "x", "create");
    AuditRecord c2 = record("Customer", "x", "update");
    store.append(c1);
    journal.run(() -> {
      store.append(c2);
      assertThatThrownBy(() -> journal.run(() -> {
        store.append(record("Customer", "x", "merge"));
        store.append(record("Customer", "new", "create"));
        throw new IllegalStateException("undo");
      })).hasMessage("undo");
      assertThat(store.forEntity("Customer", "x")).containsExactly(c1, c2);
      assertThatThrownBy(() -> journal.run(() -> {
        store.replaceEntity("Customer", "x", List.of(record("Customer", "p-1", "erase")));
        throw new IllegalStateException("undo the erasure");
      })).hasMessage("undo the erasure");
      return null;
    });
    assertThat(store.forEntity("Customer", "x")).containsExactly(c1, c2);
    assertThat(store.forEntity("Customer", "new")).isEmpty();
    assertThat(store.forEntity("Customer", "p-1")).isEmpty();
    assertThat(store.byActor(Actor.user("alice"))).containsExactly(c1, c2);
    assertThat(store.scan(0, 10)).containsExactly(c1, c2);
    assertThatThrownBy(() -> journal.run(() -> {
      store.append(record("Customer", "x", "update"));
      throw new IllegalStateException("undo the third");
    })).hasMessage("undo the third");
    assertThat(store.forEntity("Customer", "x")).containsExactly(c1, c2);
  }

  /**
   * The indexes take in appended records when first read: reads at random points (between operations,
   * and inside one before it is rolled back, so an indexed record is undone) see exactly the model.
   */
  @Test
  void readsBetweenAndInsideOperations_thatRollBack_seeTheModel_atEveryPoint() {
    java.util.Random rnd = new java.util.Random(11);
    List<Actor> actors = List.of(Actor.user("alice"), Actor.user("bob"));
    List<AuditRecord> kept = new java.util.ArrayList<>();
    for (int op = 0; op < 2_000; op++) {
      int o = op;
      boolean fail = rnd.nextInt(3) == 0;
      List<AuditRecord> before = new java.util.ArrayList<>(kept);
      try {
        journal.run(() -> {
          for (int k = 1 + rnd.nextInt(5); k > 0; k--) {
            AuditRecord r = new AuditRecord(T, actors.get(rnd.nextInt(2)), rnd.nextBoolean() ? "Customer" : "Order",
                "e" + rnd.nextInt(200), "create", List.of(new FieldChange("f", "", "a" + o)));
            store.append(r);
            kept.add(r);
            if (rnd.nextInt(4) == 0) {
              checkRead(rnd, kept, actors);
            }
          }
          if (rnd.nextInt(6) == 0) { // an erasure inside the operation
            String id = "e" + rnd.nextInt(200);
            store.replaceEntity("Customer", id, List.of());
            kept.removeIf(r -> r.entityType().equals("Customer") && r.entityId().equals(id));
          }
          if (fail) {
            throw new IllegalStateException("rolled back");
          }
          return null;
        });
      } catch (IllegalStateException e) {
        assertThat(e).hasMessage("rolled back");
        kept.clear();
        kept.addAll(before); // the undo puts the trail back as it was before the operation
      }
      if (rnd.nextInt(3) == 0) {
        checkRead(rnd, kept, actors);
      }
    }
    for (int e = 0; e < 200; e++) {
      for (String type : List.of("Customer", "Order")) {
        String id = "e" + e;
        assertThat(store.forEntity(type, id)).containsExactlyElementsOf(
            kept.stream().filter(r -> r.entityType().equals(type) && r.entityId().equals(id)).toList());
      }
    }
    for (Actor a : actors) {
      assertThat(store.byActor(a)).containsExactlyElementsOf(kept.stream().filter(r -> r.actor().equals(a)).toList());
    }
  }

  /**
   * Readers of every kind (by entity, by actor, mentioning, scan) on other threads while one writer runs
   * operations that append, erase with a non-empty replacement, nest savepoints and roll back: no reader
   * fails or sees a record twice, and afterwards the trail, both indexes and mentioning are the model's.
   */
  @Test
  void concurrentReaders_whileAWriterAppendsReplacesAndRollsBack_failNothing_andTheEndStateIsTheModel()
      throws Exception {
    List<Actor> actors = List.of(Actor.user("alice"), Actor.user("bob"));
    List<AuditRecord> kept = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<Integer>> reads = new java.util.ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int seed = t;
      reads.add(readers.submit(() -> {
        java.util.Random rnd = new java.util.Random(100 + seed);
        int n = 0;
        while (!done.get() || n == 0) {
          String id = "e" + rnd.nextInt(50);
          List<AuditRecord> trail = store.scan(0, Integer.MAX_VALUE);
          assertThat(store.forEntity("Customer", id)).allMatch(r -> r.entityId().equals(id));
          assertThat(store.byActor(actors.get(rnd.nextInt(2)))).doesNotHaveDuplicates();
          assertThat(store.mentioning(List.of(id))).doesNotHaveDuplicates();
          assertThat(trail).doesNotHaveDuplicates();
          n++;
        }
        return n;
      }));
    }
    java.util.Random rnd = new java.util.Random(3);
    java.util.concurrent.atomic.AtomicInteger unique = new java.util.concurrent.atomic.AtomicInteger();
    try {
      for (int op = 0; op < 3_000; op++) {
        int o = op;
        List<AuditRecord> before = new java.util.ArrayList<>(kept);
        try {
          journal.run(() -> {
            for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
              AuditRecord r = new AuditRecord(T, actors.get(rnd.nextInt(2)), "Customer", "e" + rnd.nextInt(50),
                  "create", List.of(new FieldChange("f", "", "a" + o + "." + unique.incrementAndGet() + " e" + rnd.nextInt(50))));
              store.append(r);
              kept.add(r);
            }
            List<AuditRecord> inner = new java.util.ArrayList<>(kept);
            try {
              journal.run(() -> {
                String id = "e" + rnd.nextInt(50);
                List<AuditRecord> replacement = store.forEntity("Customer", id).stream()
                    .map(r -> new AuditRecord(r.at(), r.actor(), r.entityType(), r.entityId(), "pseudonymised",
                        List.of(new FieldChange("f", "", "p" + unique.incrementAndGet())))).toList();
                store.replaceEntity("Customer", id, replacement);
                kept.removeIf(r -> r.entityId().equals(id));
                kept.addAll(replacement);
                if (rnd.nextInt(3) == 0) {
                  throw new IllegalStateException("savepoint");
                }
                return null;
              });
            } catch (IllegalStateException e) {
              kept.clear();
              kept.addAll(inner);
            }
            if (rnd.nextInt(4) == 0) {
              throw new IllegalStateException("rolled back");
            }
            return null;
          });
        } catch (IllegalStateException e) {
          assertThat(e).hasMessage("rolled back");
          kept.clear();
          kept.addAll(before);
        }
      }
    } finally {
      done.set(true);
      readers.shutdown();
    }
    for (java.util.concurrent.Future<Integer> f : reads) {
      assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
    }
    assertThat(store.scan(0, Integer.MAX_VALUE)).containsExactlyElementsOf(kept);
    for (int e = 0; e < 50; e++) {
      String id = "e" + e;
      assertThat(store.forEntity("Customer", id)).containsExactlyElementsOf(
          kept.stream().filter(r -> r.entityId().equals(id)).toList());
      assertThat(store.mentioning(List.of(id + " ", id))).containsExactlyElementsOf(
          kept.stream().filter(r -> r.containsAny(List.of(id))).toList());
    }
    for (Actor a : actors) {
      assertThat(store.byActor(a)).containsExactlyElementsOf(kept.stream().filter(r -> r.actor().equals(a)).toList());
    }
  }

  private void checkRead(java.util.Random rnd, List<AuditRecord> model, List<Actor> actors) {
    String type = rnd.nextBoolean() ? "Customer" : "Order";
    String id = "e" + rnd.nextInt(200);
    assertThat(store.forEntity(type, id)).containsExactlyElementsOf(
        model.stream().filter(r -> r.entityType().equals(type) && r.entityId().equals(id)).toList());
    Actor a = actors.get(rnd.nextInt(2));
    assertThat(store.byActor(a)).containsExactlyElementsOf(model.stream().filter(r -> r.actor().equals(a)).toList());
    assertThat(store.scan(0, Integer.MAX_VALUE)).containsExactlyElementsOf(model);
  }
}
