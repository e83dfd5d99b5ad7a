package org.ecrm.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.service.Products;
import org.ecrm.core.spi.ProductStore;

/** {@link Products} over a {@link ProductStore}. Thread-safe. */
public final class ProductService implements Products {
  private final CrmContext ctx;
  private final ProductStore store;

  /** @param ctx the shared context */
  public ProductService(CrmContext ctx) {
    this.ctx = ctx;
    this.store = ctx.storage().products();
  }

  @Override
  public Product create(Sku sku, String name, String category, Money listPrice) {
    Instant now = ctx.now();
    Product toStore = Product.of(sku, name, category, listPrice, now);
    return ctx.atomically("create product " + sku, () -> {
      Product created = store.insert(toStore);
      ctx.publish(new CrmEvent.ProductCreated(created, now));
      return created;
    });
  }

  @Override
  public Optional<Product> get(Sku sku) {
    return store.get(Checks.notNull("sku", sku));
  }

  @Override
  public Product require(Sku sku) {
    return get(sku).orElseThrow(() -> new NotFoundException("Product", sku));
  }

  @Override
  public Product update(Product changed) {
    Checks.notNull("product", changed);
    return ctx.atomically("update product " + changed.sku(), () -> updateOnce(changed));
  }

  private Product updateOnce(Product changed) {
    Product stored = require(changed.sku());
    if (stored.version() != changed.version()) {
      throw new VersionConflictException("Product", changed.sku(), changed.version(), stored.version());
    }
    Instant now = ctx.now();
    Instant at = now.isBefore(stored.createdAt()) ? stored.createdAt() : now;
    Product next = store.update(stored.withDetails(changed.name(), changed.category(),
        changed.listPrice(), changed.active()).withVersion(stored.version() + 1, at));
    ctx.publish(new CrmEvent.ProductUpdated(stored, next, now));
    return next;
  }

  @Override
  public List<Product> inCategory(String category) {
    return store.findByCategory(Checks.notNull("category", category));
  }

  @Override
  public Page<Product> list(int limit, String cursor) {
    return Paging.page(store::scan, Sku::of, Product::sku, limit, cursor);
  }

  @Override
  public Stream<Product> stream() {
    return Paging.stream(store::scan, Product::sku);
  }
}
