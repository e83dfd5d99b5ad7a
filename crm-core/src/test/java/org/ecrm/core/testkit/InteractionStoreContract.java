package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.spi.InteractionStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link InteractionStore}: insert-only, lookup by customer in time order, iteration. */
public abstract class InteractionStoreContract extends StoreContractSupport {

  private InteractionStore store() {
    return storage.interactions();
  }

  private static Interaction interaction(String id, String customer, int minutes) {
    return Interaction.builder(CustomerId.of(customer), Channel.EMAIL, InteractionType.QUERY)
        .id(InteractionId.of(id)).occurredAt(T0.plusSeconds(60L * minutes)).subject("Where is my order?")
        .attribute("priority", AttributeValue.of(2)).build();
  }

  @Test
  void insert_thenFindByCustomer_inTimeOrder() {
    store().insert(interaction("i2", "c1", 20));
    store().insert(interaction("i1", "c1", 30));
    store().insert(interaction("i3", "c2", 10));
    assertThat(store().findByCustomer(CustomerId.of("c1"))).extracting(i -> i.id().value())
        .containsExactly("i2", "i1");
    assertThat(store().get(InteractionId.of("i3"))).contains(interaction("i3", "c2", 10));
    assertThat(store().scan(InteractionId.of("i1"), 5)).extracting(i -> i.id().value())
        .containsExactly("i2", "i3");
    assertThat(store().count()).isEqualTo(3);
  }

  @Test
  void reassignAndDelete_moveOrRemoveACustomersInteractions() {
    store().insert(interaction("i1", "c1", 0));
    store().insert(interaction("i2", "c1", 5));
    store().insert(interaction("i3", "c2", 5));
    assertThat(store().reassign(CustomerId.of("c1"), CustomerId.of("c2"))).isEqualTo(2);
    assertThat(store().findByCustomer(CustomerId.of("c1"))).isEmpty();
    assertThat(store().findByCustomer(CustomerId.of("c2"))).extracting(i -> i.id().value())
        .containsExactly("i1", "i2", "i3");
    assertThat(store().deleteByCustomer(CustomerId.of("c2"))).isEqualTo(3);
    assertThat(store().count()).isZero();
    assertThat(store().get(InteractionId.of("i1"))).isEmpty();
  }

  @Test
  void insert_duplicateId_fails() {
    store().insert(interaction("i1", "c1", 0));
    assertThatThrownBy(() -> store().insert(interaction("i1", "c2", 0)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store().findByCustomer(CustomerId.of("c2"))).isEmpty();
  }
}
