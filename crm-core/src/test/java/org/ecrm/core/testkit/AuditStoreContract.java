package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.FieldChange;
import org.ecrm.core.spi.AuditStore;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AuditStore}: append order, lookups by entity and actor, replacement, scan, and
 * {@link AuditStore#mentioning} a superset of the records that contain a token, in append order.
 */
public abstract class AuditStoreContract extends StoreContractSupport {

  private static AuditRecord record(String actor, String entity, String action, int second) {
    return new AuditRecord(T0.plusSeconds(second), Actor.user(actor), "Customer", entity, action,
        List.of(new FieldChange("tags", "", "vip")));
  }

  @Test
  void lookupsReturnRecordsInAppendOrder() {
    AuditStore store = storage.audit();
    AuditRecord a = record("alice", "c1", "create", 0);
    AuditRecord b = record("bob", "c1", "update", 1);
    AuditRecord c = record("alice", "c2", "create", 2);
    store.append(a);
    store.append(b);
    store.append(c);
    assertThat(store.forEntity("Customer", "c1")).containsExactly(a, b);
    assertThat(store.byActor(Actor.user("alice"))).containsExactly(a, c);
    assertThat(store.forEntity("Order", "c1")).isEmpty();
    assertThat(store.scan(1, 5)).containsExactly(b, c);
  }

  @Test
  void replaceEntity_dropsEveryOldRecordOfThatEntity() {
    AuditStore store = storage.audit();
    store.append(record("alice", "c1", "create", 0));
    store.append(record("bob", "c2", "create", 1));
    AuditRecord erased = new AuditRecord(T0.plusSeconds(5), Actor.SYSTEM, "Customer", "p-1", "erase", List.of());
    store.replaceEntity("Customer", "c1", List.of(erased));
    assertThat(store.forEntity("Customer", "c1")).isEmpty();
    assertThat(store.forEntity("Customer", "p-1")).containsExactly(erased);
    assertThat(store.byActor(Actor.user("alice"))).isEmpty();
    assertThat(store.scan(0, 10)).hasSize(2);
  }

  /**
   * Ids that are prefixes, suffixes and near misses of each other, and ids with the characters JSON
   * ({@code " \\}) and SQL {@code LIKE} ({@code % _ ! [ ]}) treat specially.
   */
  private static final List<String> IDS = List.of("c-1", "c-10", "xc-1", "c-1x", "c-1.a", "C-1", "c_1", "c%1",
      "c\\1", "c\"1", "c!1", "c[1]", "c[1]0", "\u00fc-1", "c-1 c-2", "c-2", "%", "_", "\\", "\"", "o-c-1");

  /** A value of a change: empty, an id, an id inside free text or a rendered list, or a near miss. */
  private static String value(Random random) {
    String id = IDS.get(random.nextInt(IDS.size()));
    String other = IDS.get(random.nextInt(IDS.size()));
    return switch (random.nextInt(7)) {
      case 0 -> "";
      case 1 -> id;
      case 2 -> "call " + id + " back, said \"" + other + "\"";
      case 3 -> "[" + id + ", " + other + "]";
      case 4 -> id + other;
      case 5 -> "note " + random.nextInt(1_000);
      default -> id.substring(0, Math.max(1, id.length() - 1)); // a prefix: contains less than the id
    };
  }

  /** A seeded random trail of {@code n} distinct records (distinct times), appended to {@code store}. */
  private static List<AuditRecord> trail(AuditStore store, Random random, int n) {
    List<String> types = List.of("Customer", "Order", "Account", "Interaction", "Consent");
    List<AuditRecord> appended = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = IDS.get(random.nextInt(IDS.size()));
      String entity = switch (random.nextInt(3)) {
        case 0 -> id;
        case 1 -> "o-" + i;
        default -> "x" + id + i;
      };
      List<FieldChange> changes = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        changes.add(new FieldChange("f" + k, value(random), value(random)));
      }
      AuditRecord r = new AuditRecord(T0.plusSeconds(i), Actor.user("agent-" + random.nextInt(3)),
          types.get(random.nextInt(types.size())), entity, "update", changes);
      store.append(r);
      appended.add(r);
    }
    return appended;
  }

  /** Every record of the store, in append order, read with {@link AuditStore#scan}. */
  private static List<AuditRecord> all(AuditStore store) {
    List<AuditRecord> out = new ArrayList<>();
    for (long offset = 0; ; ) {
      List<AuditRecord> page = store.scan(offset, 400);
      out.addAll(page);
      if (page.size() < 400) {
        return out;
      }
      offset += page.size();
    }
  }

  /** The erasure's whole-id test: an id not inside a longer id. */
  private static Pattern wholeId(Collection<String> ids) {
    return Pattern.compile("(?<![\\p{Alnum}_.:@-])(?:" + ids.stream().map(Pattern::quote)
        .collect(Collectors.joining("|")) + ")(?![\\p{Alnum}_.:@-])");
  }

  @Test
  void mentioning_isASupersetOfTheRecordsThatContainAToken_inAppendOrder_overSeededRandomTrails() {
    AuditStore store = storage.audit();
    Random random = new Random(20_261_204L);
    trail(store, random, 1_100); // more than one page of the default implementation
    List<AuditRecord> all = all(store);
    assertThat(all).hasSize(1_100).doesNotHaveDuplicates();
    AuditStore byScan = scanOnly(store); // the default implementation, over the same records
    for (int round = 0; round < 40; round++) {
      List<String> tokens = new ArrayList<>();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        String id = IDS.get(random.nextInt(IDS.size()));
        tokens.add(random.nextInt(4) == 0 && id.length() > 1 ? id.substring(1) : id);
      }
      List<AuditRecord> expected = all.stream().filter(r -> r.containsAny(tokens)).toList();
      Pattern whole = wholeId(tokens);
      List<AuditRecord> named = all.stream().filter(r -> whole.matcher(r.entityId()).find() || r.changes().stream()
          .anyMatch(ch -> whole.matcher(ch.oldValue()).find() || whole.matcher(ch.newValue()).find())).toList();

      List<AuditRecord> found = store.mentioning(tokens);

      assertThat(found).as("mentioning %s", tokens).containsAll(expected).containsAll(named)
          .doesNotHaveDuplicates();
      assertThat(all).as("mentioning %s keeps append order", tokens).containsSubsequence(found);
      assertThat(byScan.mentioning(tokens)).as("the default implementation, %s", tokens)
          .containsExactlyElementsOf(expected);
    }
    assertThat(store.mentioning(List.of("c-1"))).as("a common id is found").hasSizeGreaterThan(100);
  }

  @Test
  void mentioning_findsEveryLiteralSpecialCharacter_andNothingForAnAbsentToken() {
    AuditStore store = storage.audit();
    trail(store, new Random(7), 300);
    List<AuditRecord> all = all(store);
    for (String special : List.of("%", "_", "\\", "\"", "!", "[", "]", "c[1]", "\"c-2\"", "\\1", "\u00fc")) {
      List<AuditRecord> expected = all.stream().filter(r -> r.containsAny(List.of(special))).toList();
      assertThat(store.mentioning(List.of(special))).as("mentioning %s", special).containsAll(expected);
    }
    assertThat(store.mentioning(List.of("nowhere-9f3e"))).isEmpty();
    assertThat(store.mentioning(List.of())).isEmpty();
  }

  @Test
  void mentioning_rejectsNullAndEmptyTokens_namingThem() {
    AuditStore store = storage.audit();
    assertThatThrownBy(() -> store.mentioning(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("AuditStore.mentioning tokens");
    assertThatThrownBy(() -> store.mentioning(Arrays.asList("c-1", null))).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("AuditStore.mentioning tokens[1]");
    assertThatThrownBy(() -> store.mentioning(List.of("c-1", ""))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AuditStore.mentioning tokens[1]");
  }

  @Test
  void mentioning_seesReplacedEntities() {
    AuditStore store = storage.audit();
    store.append(record("alice", "c1", "create", 0));
    store.append(new AuditRecord(T0.plusSeconds(1), Actor.SYSTEM, "Account", "a1", "update",
        List.of(new FieldChange("contacts", "", "[c1]"))));
    assertThat(store.mentioning(List.of("c1"))).hasSize(2);
    store.replaceEntity("Account", "a1", List.of(new AuditRecord(T0.plusSeconds(2), Actor.SYSTEM, "Account", "a1",
        "update", List.of(new FieldChange("contacts", "", "[p-1]")))));
    store.replaceEntity("Customer", "c1", List.of());
    assertThat(store.mentioning(List.of("c1"))).isEmpty();
    assertThat(store.mentioning(List.of("p-1"))).extracting(AuditRecord::entityId).containsExactly("a1");
  }

  @Test
  void mentioning_underConcurrentAppends_seesEveryRecordAppendedBeforeTheCall_inAppendOrder() throws Exception {
    AuditStore store = storage.audit();
    int writers = 4;
    int each = 40;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers + 2);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
      List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writes.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            store.append(new AuditRecord(T0.plusSeconds(writer * 1_000L + i), Actor.user("w" + writer), "Account",
                "a-" + writer + "-" + i, "update", List.of(new FieldChange("contacts", "", "[hot-1, c-" + i + "]"))));
          }
          return null;
        }));
      }
      List<java.util.concurrent.Future<List<List<AuditRecord>>>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        reads.add(pool.submit(() -> {
          start.await();
          List<List<AuditRecord>> seen = new ArrayList<>();
          while (writing.get()) {
            seen.add(store.mentioning(List.of("hot-1")));
          }
          return seen;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> f : writes) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
      writing.set(false);
      List<AuditRecord> all = all(store);
      assertThat(store.mentioning(List.of("hot-1"))).containsExactlyElementsOf(all);
      for (java.util.concurrent.Future<List<List<AuditRecord>>> f : reads) {
        int last = 0;
        for (List<AuditRecord> seen : f.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
          if (!seen.isEmpty()) {
            assertThat(all).as("a concurrent answer keeps append order").containsSubsequence(seen);
          }
          assertThat(seen.size()).as("a later answer holds every record an earlier one held").isGreaterThanOrEqualTo(last);
          last = seen.size();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code store} seen through its abstract methods only: {@link AuditStore#mentioning} is the default. */
  private static AuditStore scanOnly(AuditStore store) {
    return scanOnly(store, Integer.MAX_VALUE);
  }

  /**
   * {@code store} seen through its abstract methods only ({@link AuditStore#mentioning} is the default),
   * its {@link AuditStore#scan} handing out at most {@code pageCap} records (a store that pages by less
   * than asked for).
   *
   * @param store the store to forward to
   * @param pageCap the most records one scan returns
   * @return the forwarding store
   */
  public static AuditStore scanOnly(AuditStore store, int pageCap) {
    return new AuditStore() {
      @Override
      public void append(AuditRecord record) {
        store.append(record);
      }

      @Override
      public List<AuditRecord> forEntity(String entityType, String entityId) {
        return store.forEntity(entityType, entityId);
      }

      @Override
      public List<AuditRecord> byActor(Actor actor) {
        return store.byActor(actor);
      }

      @Override
      public void replaceEntity(String entityType, String entityId, List<AuditRecord> replacement) {
        store.replaceEntity(entityType, entityId, replacement);
      }

      @Override
      public List<AuditRecord> scan(long offset, int limit) {
        return store.scan(offset, Math.min(limit, pageCap));
      }
    };
  }
}
