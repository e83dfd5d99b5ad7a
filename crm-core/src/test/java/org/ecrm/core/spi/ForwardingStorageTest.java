package org.ecrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.CustomerId;
import org.junit.jupiter.api.Test;

class ForwardingStorageTest {

  @Test
  void everyStoreIsTheDelegates_passedThroughWrap() {
    Storage inner = MemoryStorage.create();
    List<Class<?>> wrapped = new ArrayList<>();
    Storage forwarding = new ForwardingStorage(inner) {
      @Override
      protected <S> S wrap(Class<S> type, S store) {
        wrapped.add(type);
        return store;
      }
    };
    assertThat(forwarding.customers()).isSameAs(inner.customers());
    assertThat(forwarding.accounts()).isSameAs(inner.accounts());
    assertThat(forwarding.products()).isSameAs(inner.products());
    assertThat(forwarding.orders()).isSameAs(inner.orders());
    assertThat(forwarding.interactions()).isSameAs(inner.interactions());
    assertThat(forwarding.consents()).isSameAs(inner.consents());
    assertThat(forwarding.cases()).isSameAs(inner.cases());
    assertThat(forwarding.articles()).isSameAs(inner.articles());
    assertThat(forwarding.opportunities()).isSameAs(inner.opportunities());
    assertThat(forwarding.ledger()).isSameAs(inner.ledger());
    assertThat(forwarding.surveys()).isSameAs(inner.surveys());
    assertThat(forwarding.preferences()).isSameAs(inner.preferences());
    assertThat(forwarding.audit()).isSameAs(inner.audit());
    assertThat(wrapped).containsExactly(CustomerStore.class, AccountStore.class, ProductStore.class, OrderStore.class,
        InteractionStore.class, ConsentStore.class, CaseStore.class, ArticleStore.class, OpportunityStore.class,
        LedgerStore.class, SurveyStore.class, PreferenceStore.class, AuditStore.class);
  }

  @Test
  void transactionIsTheDelegates_aFailedUnitLeavesNothing() {
    Storage forwarding = new ForwardingStorage(MemoryStorage.create()) {};
    ConsentRecord r = new ConsentRecord(CustomerId.of("c1"), "newsletter", org.ecrm.core.model.Channel.EMAIL,
        org.ecrm.core.model.ConsentStatus.GRANTED, org.ecrm.core.model.LawfulBasis.CONSENT, "form",
        java.time.Instant.parse("2024-01-01T00:00:00Z"));
    assertThatThrownBy(() -> forwarding.transaction("append then fail", () -> {
      forwarding.consents().append(r);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(forwarding.consents().history(CustomerId.of("c1"))).isEmpty();
  }

  @Test
  void aLazilyNamedUnitGoesToTheDelegateUnnamed_orToASubclassesOwnTransactionNamed() {
    List<String> names = new ArrayList<>();
    Storage plain = new ForwardingStorage(MemoryStorage.create()) {};
    assertThat(plain.transaction(() -> {
      names.add("built");
      return "unit";
    }, () -> "done")).isEqualTo("done");
    assertThat(names).isEmpty(); // the in-memory delegate never needs the name

    Storage own = new ForwardingStorage(MemoryStorage.create()) {
      @Override
      public <T> T transaction(String operation, java.util.function.Supplier<T> work) {
        names.add(operation);
        return work.get();
      }
    };
    assertThat(own.transaction(() -> "import CUSTOMER row at line 7", () -> "done")).isEqualTo("done");
    assertThat(names).containsExactly("import CUSTOMER row at line 7");
  }

  /**
   * A decorator that overrides both overloads, each doing its work once and calling super, runs each
   * unit through its own code once: a lazily named unit must not also go through its
   * transaction(String, ...) (a lock, a retry, a metric taken twice).
   */
  @Test
  void aSubclassOverridingBothOverloads_seesEachLazilyNamedUnitOnce() {
    List<String> seen = new ArrayList<>();
    Storage both = new ForwardingStorage(MemoryStorage.create()) {
      @Override
      public <T> T transaction(String operation, java.util.function.Supplier<T> work) {
        seen.add("named " + operation);
        return super.transaction(operation, work);
      }

      @Override
      public <T> T transaction(java.util.function.Supplier<String> operation, java.util.function.Supplier<T> work) {
        seen.add("lazy");
        return super.transaction(operation, work);
      }
    };
    assertThat(both.transaction(() -> "import CUSTOMER row at line 7", () -> "done")).isEqualTo("done");
    assertThat(both.transaction("erase customer c1", () -> "done")).isEqualTo("done");
    assertThat(seen).containsExactly("lazy", "named erase customer c1");

    // a subclass of a subclass that overrides only transaction(String, ...) still sees lazily named units
    seen.clear();
    class Named extends ForwardingStorage {
      Named() {
        super(MemoryStorage.create());
      }

      @Override
      public <T> T transaction(String operation, java.util.function.Supplier<T> work) {
        seen.add("named " + operation);
        return super.transaction(operation, work);
      }
    }
    Storage sub = new Named() {};
    assertThat(sub.transaction(() -> "row 1", () -> "done")).isEqualTo("done");
    assertThat(seen).containsExactly("named row 1");
  }

  @Test
  void closeClosesTheDelegate_andANullDelegateIsRejected() {
    AtomicBoolean closed = new AtomicBoolean();
    Storage inner = new ForwardingStorage(MemoryStorage.create()) {
      @Override
      public void close() {
        closed.set(true);
      }
    };
    new ForwardingStorage(inner) {}.close();
    assertThat(closed).isTrue();
    assertThatThrownBy(() -> new ForwardingStorage(null) {}).isInstanceOf(NullPointerException.class)
        .hasMessage("delegate");
  }
}
