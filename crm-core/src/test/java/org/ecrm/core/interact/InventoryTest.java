package org.ecrm.core.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.model.Sku;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private final InMemoryInventory inv = InventoryGateway.inMemory();
  private final Sku mug = Sku.of("MUG-1");

  @Test
  void unknownSku_isNotAvailable_stockedSkuIs_discontinuedIsNot() {
    assertThat(inv.stock(mug)).isEqualTo(InventoryGateway.StockLevel.unknown(mug));
    assertThat(inv.isAvailable(mug)).isFalse();
    assertThat(inv.stock(mug).unavailableReason()).isEqualTo("unknown to the inventory");
    inv.stock(mug, 3);
    assertThat(inv.isAvailable(mug)).isTrue();
    assertThat(inv.stock(mug).available()).isEqualTo(3);
    inv.discontinue(mug);
    assertThat(inv.isAvailable(mug)).isFalse();
    assertThat(inv.stock(mug).unavailableReason()).isEqualTo("discontinued");
  }

  @Test
  void reservations_holdStock_andReleaseGivesItBack() {
    inv.stock(mug, 2);
    InventoryGateway.Reservation r = inv.reserve(mug, 2, "cart-1");
    assertThat(inv.isAvailable(mug)).isFalse();
    assertThat(inv.stock(mug).unavailableReason()).isEqualTo("out of stock (2 on hand, 2 reserved)");
    assertThatThrownBy(() -> inv.reserve(mug, 1, "cart-2")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MUG-1").hasMessageContaining("out of stock");
    assertThat(inv.release(r)).isTrue();
    assertThat(inv.release(r)).isFalse();
    assertThat(inv.stock(mug).available()).isEqualTo(2);
  }

  @Test
  void badInput_namesTheField() {
    assertThatThrownBy(() -> inv.stock(mug, -1)).hasMessageStartingWith("InMemoryInventory.onHand");
    assertThatThrownBy(() -> inv.reserve(mug, 0, "x")).hasMessageStartingWith("InventoryGateway.quantity");
    assertThatThrownBy(() -> new InventoryGateway.StockLevel(mug, true, 1, -1, false))
        .hasMessageStartingWith("StockLevel.reserved");
  }

  @Test
  void concurrentReservations_neverPromiseMoreThanOnHand() throws Exception {
    inv.stock(mug, 1_000);
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> fs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      fs.add(pool.submit(() -> {
        int got = 0;
        for (int i = 0; i < 200; i++) {
          try {
            inv.reserve(mug, 1, "c");
            got++;
          } catch (IllegalStateException e) {
            refused.incrementAndGet();
          }
        }
        return got;
      }));
    }
    int got = 0;
    for (Future<Integer> f : fs) {
      got += f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(got).isEqualTo(1_000);
    assertThat(refused.get()).isEqualTo(600);
    assertThat(inv.stock(mug).reserved()).isEqualTo(1_000);
  }
}
