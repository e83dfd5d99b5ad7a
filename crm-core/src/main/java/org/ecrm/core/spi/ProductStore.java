package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;

/** Stores the product catalogue. Thread-safe and atomic per method, as {@link VersionedStore} says. */
public interface ProductStore extends VersionedStore<Sku, Product> {

  /** The products whose category is {@code category}, in sku order; possibly none. */
  List<Product> findByCategory(String category);
}
