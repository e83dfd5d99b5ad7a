package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.spi.LedgerStore;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LedgerStore}: the {@link org.ecrm.core.spi.HistoryStore} operations (append order,
 * reassign, delete, scan) plus a unique source event per member and pseudonymisation.
 */
public abstract class LedgerStoreContract extends StoreContractSupport {

  private static PointsEntry earn(String member, long points, String source, int minutes) {
    return new PointsEntry(CustomerId.of(member), PointsEntry.Kind.EARN, points, "test", source,
        T0.plusSeconds(60L * minutes), T0.plusSeconds(86_400L * 365));
  }

  @Test
  void appendInOrder_uniqueSourceEventPerMember_reassign() {
    LedgerStore store = storage.ledger();
    PointsEntry a = earn("m1", 10, "order:1", 0);
    PointsEntry b = new PointsEntry(CustomerId.of("m1"), PointsEntry.Kind.REDEEM, -4, "voucher", "voucher:1",
        T0.plusSeconds(120), T0.plusSeconds(120));
    store.append(a);
    store.append(b);
    store.append(earn("m2", 7, "order:1", 1)); // the same source event for another member is fine
    assertThatThrownBy(() -> store.append(earn("m1", 99, "order:1", 5))).isInstanceOf(DuplicateKeyException.class);
    assertThat(store.history(CustomerId.of("m1"))).containsExactly(a, b);
    assertThat(store.scanCustomers(null, 10)).containsExactly(CustomerId.of("m1"), CustomerId.of("m2"));
    assertThat(store.reassign(CustomerId.of("m1"), CustomerId.of("m3"))).isEqualTo(2);
    assertThat(store.history(CustomerId.of("m1"))).isEmpty();
    assertThat(store.history(CustomerId.of("m3"))).extracting(PointsEntry::points).containsExactly(10L, -4L);
  }

  @Test
  void pseudonymise_movesTheEntries_withoutTheirText() {
    LedgerStore store = storage.ledger();
    store.append(new PointsEntry(CustomerId.of("ada@example.com"), PointsEntry.Kind.EARN, 10,
        "referral of ada@example.com", "ref:ada@example.com", T0, T0.plusSeconds(86_400)));
    store.append(earn("ada@example.com", 5, "order:9", 1));
    store.append(earn("m2", 7, "order:9", 1));
    assertThat(store.pseudonymise(CustomerId.of("ada@example.com"), CustomerId.of("erased-1"))).isEqualTo(2);
    assertThat(store.history(CustomerId.of("ada@example.com"))).isEmpty();
    assertThat(store.history(CustomerId.of("erased-1"))).extracting(PointsEntry::points, PointsEntry::reason,
        PointsEntry::sourceEvent).containsExactly(org.assertj.core.groups.Tuple.tuple(10L, "", "erased-1"),
        org.assertj.core.groups.Tuple.tuple(5L, "", "erased-2"));
    assertThat(store.history(CustomerId.of("m2"))).hasSize(1);
    assertThat(store.scanCustomers(null, 10)).containsExactly(CustomerId.of("erased-1"), CustomerId.of("m2"));
    assertThat(store.pseudonymise(CustomerId.of("nobody"), CustomerId.of("erased-2"))).isZero();
  }

  @Test
  void deleteAll_removesOneMembersEntries() {
    LedgerStore store = storage.ledger();
    store.append(earn("m1", 10, "order:1", 0));
    store.append(earn("m1", 5, "order:2", 1));
    store.append(earn("m2", 7, "order:1", 1));
    assertThat(store.deleteAll(CustomerId.of("m1"))).isEqualTo(2);
    assertThat(store.history(CustomerId.of("m1"))).isEmpty();
    assertThat(store.history(CustomerId.of("m2"))).hasSize(1);
    assertThat(store.deleteAll(CustomerId.of("m1"))).isZero();
    store.append(earn("m1", 10, "order:1", 2)); // the source event is free again
    assertThat(store.history(CustomerId.of("m1"))).hasSize(1);
  }
}
