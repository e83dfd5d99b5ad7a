package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.ProductStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link ProductStore}: CRUD, versions, the category index, iteration. */
public abstract class ProductStoreContract extends StoreContractSupport {

  private ProductStore store() {
    return storage.products();
  }

  @Test
  void categoryIndex_followsUpdates() {
    Product p = store().insert(product("P1", "books"));
    store().insert(product("P2", "books"));
    store().insert(product("P3", "music"));
    assertThat(store().findByCategory("books")).extracting(Product::sku)
        .containsExactly(Sku.of("P1"), Sku.of("P2"));
    store().update(p.withDetails(p.name(), "music", Money.of("5.00", "EUR"), false).withVersion(2, T0));
    assertThat(store().findByCategory("books")).extracting(Product::sku).containsExactly(Sku.of("P2"));
    assertThat(store().findByCategory("music")).extracting(Product::sku)
        .containsExactly(Sku.of("P1"), Sku.of("P3"));
    assertThat(store().get(Sku.of("P1")).orElseThrow().active()).isFalse();
  }

  @Test
  void duplicateSku_andStaleUpdate_fail() {
    Product p = store().insert(product("P1", "books"));
    assertThatThrownBy(() -> store().insert(product("P1", "music")))
        .isInstanceOf(DuplicateKeyException.class);
    store().update(p.withVersion(2, T0));
    assertThatThrownBy(() -> store().update(p.withVersion(2, T0)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store().findByCategory("music")).isEmpty();
    assertThat(store().count()).isEqualTo(1);
  }
}
