package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Refund;
import org.ecrm.core.model.RefundId;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.OrderStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link OrderStore}: CRUD with refunds, versions, lookup by customer, iteration. */
public abstract class OrderStoreContract extends StoreContractSupport {

  private OrderStore store() {
    return storage.orders();
  }

  @Test
  void insert_thenGet_roundTripsLinesAndRefunds() {
    Order o = store().insert(order("o1", "c1", 0));
    Order refunded = o.withRefund(new Refund(RefundId.of("r1"), T0.plusSeconds(3600),
        Money.of("5.00", "EUR"), List.of(), "damaged"), 2);
    store().update(refunded);
    Order back = store().get(o.id()).orElseThrow();
    assertThat(back).isEqualTo(refunded);
    assertThat(back.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    assertThat(back.netTotal()).isEqualTo(Money.of("16.00", "EUR"));
  }

  @Test
  void insert_duplicateId_fails() {
    store().insert(order("o1", "c1", 0));
    assertThatThrownBy(() -> store().insert(order("o1", "c2", 5)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store().findByCustomer(CustomerId.of("c2"))).isEmpty();
  }

  @Test
  void update_staleVersion_conflicts() {
    Order o = store().insert(order("o1", "c1", 0));
    store().update(o.withStatus(OrderStatus.PAID, 2));
    assertThatThrownBy(() -> store().update(o.withStatus(OrderStatus.CANCELLED, 2)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store().get(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void findByCustomer_returnsOrdersByPlacementTime() {
    store().insert(order("o3", "c1", 30));
    store().insert(order("o1", "c1", 10));
    store().insert(order("o2", "c2", 20));
    store().insert(order("o0", "c1", 20));
    assertThat(store().findByCustomer(CustomerId.of("c1"))).extracting(o -> o.id().value())
        .containsExactly("o1", "o0", "o3");
  }

  @Test
  void scan_pagesInIdOrder() {
    for (int i = 9; i >= 0; i--) {
      store().insert(order("o" + i, "c1", i));
    }
    assertThat(store().scan(null, 4)).extracting(o -> o.id().value())
        .containsExactly("o0", "o1", "o2", "o3");
    assertThat(store().scan(OrderId.of("o7"), 4)).extracting(o -> o.id().value())
        .containsExactly("o8", "o9");
    assertThat(store().count()).isEqualTo(10);
  }
}
