package org.ecrm.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rows' id order, sorted when a scan needs it: always the order a sorted map would give. */
class OrderedRowsTest {
  private final OrderedRows<String, String> rows = new OrderedRows<>();

  private synchronized List<String> scan(@Nullable String after, int limit) {
    return rows.scan(rows.snapshot(), after, limit);
  }

  /** Every row in order, read in pages of {@code page}. */
  private List<String> all(int page) {
    List<String> out = new ArrayList<>();
    String after = null;
    while (true) {
      List<String> p = scan(after, page);
      out.addAll(p);
      if (p.size() < page) {
        return out;
      }
      after = p.get(p.size() - 1).substring(0, p.get(p.size() - 1).indexOf('='));
    }
  }

  @Test
  void scans_matchASortedMap_throughBulkInserts_deletes_reinserts_andUpdates() {
    TreeMap<String, String> model = new TreeMap<>();
    Random rnd = new Random(11);
    for (int round = 0; round < 40; round++) {
      int writes = rnd.nextInt(3) == 0 ? 5_000 : rnd.nextInt(50); // bulk (merged) and few (walked beside)
      for (int w = 0; w < writes; w++) {
        String id = String.format("id-%06d", rnd.nextInt(20_000));
        synchronized (this) {
          switch (rnd.nextInt(4)) {
            case 0 -> {
              model.remove(id);
              rows.remove(id);
            }
            case 1 -> {
              String v = id + "=" + round + "." + w;
              assertThat(rows.put(id, v)).isEqualTo(model.put(id, v));
            }
            default -> {
              String v = id + "=" + round + "." + w;
              assertThat(rows.putIfAbsent(id, v)).isEqualTo(model.putIfAbsent(id, v));
            }
          }
        }
      }
      assertThat(rows.size()).isEqualTo(model.size());
      assertThat(all(1 + rnd.nextInt(700))).containsExactlyElementsOf(model.values());
      String from = String.format("id-%06d", rnd.nextInt(20_000));
      assertThat(scan(from, 10)).containsExactlyElementsOf(model.tailMap(from, false).values().stream()
          .limit(10).toList());
    }
    for (String id : List.copyOf(model.keySet())) {
      synchronized (this) {
        rows.remove(id);
      }
    }
    assertThat(all(100)).isEmpty();
    assertThat(rows.size()).isZero();
  }

  @Test
  void newerIdsTakenInBlockByBlock_splitBlocks_andRemovalsOfOldAndNewIds_matchASortedMap() {
    TreeMap<String, String> model = new TreeMap<>();
    Random rnd = new Random(29);
    for (int i = 0; i < 60_000; i++) {
      String id = String.format("id-%07d", rnd.nextInt(1_000_000));
      synchronized (this) {
        model.put(id, id + "=0");
        rows.put(id, id + "=0");
      }
    }
    assertThat(all(1_000)).containsExactlyElementsOf(model.values()); // one merge into blocks
    for (int round = 1; round <= 30; round++) {
      // more than a scan sorts itself, fewer than a rebuild takes: each id goes into its block
      int writes = OrderedRows.FEW + 1 + rnd.nextInt(800);
      for (int w = 0; w < writes; w++) {
        synchronized (this) {
          if (rnd.nextInt(3) == 0 && !model.isEmpty()) { // an old id, or one just added
            String id = rnd.nextBoolean() ? model.ceilingKey(String.format("id-%07d", rnd.nextInt(1_000_000)))
                : model.lastKey();
            id = id == null ? model.firstKey() : id;
            model.remove(id);
            rows.remove(id);
          } else {
            // clustered ids make blocks grow past twice their size and split
            String id = String.format("id-%07d", 500_000 + rnd.nextInt(2_000) * (round % 2 == 0 ? 1 : 7));
            String v = id + "=" + round;
            assertThat(rows.put(id, v)).isEqualTo(model.put(id, v));
          }
        }
      }
      assertThat(rows.size()).isEqualTo(model.size());
      assertThat(all(1 + rnd.nextInt(3_000))).containsExactlyElementsOf(model.values());
      String from = String.format("id-%07d", 499_000 + rnd.nextInt(20_000));
      assertThat(scan(from, 25)).containsExactlyElementsOf(model.tailMap(from, false).values().stream()
          .limit(25).toList());
    }
    List<String> ids = new ArrayList<>(model.keySet());
    java.util.Collections.shuffle(ids, rnd);
    for (int i = 0; i < ids.size(); i++) { // every id removed, in random order, checked along the way
      synchronized (this) {
        rows.remove(ids.get(i));
        model.remove(ids.get(i));
      }
      if (i % 7_919 == 0) {
        assertThat(all(997)).containsExactlyElementsOf(model.values());
      }
    }
    assertThat(all(100)).isEmpty();
    assertThat(rows.size()).isZero();
  }

  @Test
  void concurrentScans_seeIdsInOrder_andEveryRowThatStays_whileAWriterInsertsAndDeletes() throws Exception {
    for (int i = 0; i < 2_000; i += 2) { // even ids stay
      synchronized (this) {
        rows.put(String.format("id-%06d", i), String.format("id-%06d", i) + "=stable");
      }
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService scanners = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> checks = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        checks.add(scanners.submit(() -> {
          int scans = 0;
          while (!done.get() || scans == 0) {
            List<String> seen = all(97);
            String previous = "";
            int stable = 0;
            for (String v : seen) {
              assertThat(v).isGreaterThan(previous);
              previous = v;
              if (v.endsWith("=stable")) {
                stable++;
              }
            }
            assertThat(stable).isEqualTo(1_000);
            scans++;
          }
          return scans;
        }));
      }
      Random rnd = new Random(3);
      for (int w = 0; w < 30_000; w++) { // odd ids come and go
        String id = String.format("id-%06d", 2 * rnd.nextInt(1_000) + 1);
        synchronized (this) {
          if (rnd.nextBoolean()) {
            rows.put(id, id + "=" + w);
          } else {
            rows.remove(id);
          }
        }
      }
      done.set(true);
      for (Future<Integer> f : checks) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      done.set(true);
      scanners.shutdownNow();
    }
  }
}
