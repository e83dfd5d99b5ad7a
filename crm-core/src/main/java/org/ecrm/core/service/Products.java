package org.ecrm.core.service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Page;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.ecrm.core.model.VersionConflictException;

/** The product catalogue. Thread-safe. */
public interface Products {

  /**
   * Creates an active product.
   *
   * @throws DuplicateKeyException if the sku is taken
   * @throws IllegalArgumentException if the name is blank or the price negative
   */
  Product create(Sku sku, String name, String category, Money listPrice);

  /** The product with {@code sku}, if any. */
  Optional<Product> get(Sku sku);

  /**
   * The product with {@code sku}.
   *
   * @throws NotFoundException if there is none
   */
  Product require(Sku sku);

  /**
   * Stores changed details of a product read earlier.
   *
   * @throws VersionConflictException if the product changed since it was read
   */
  Product update(Product changed);

  /** The products of a category, in sku order. */
  List<Product> inCategory(String category);

  /** A page of products in sku order; {@code cursor} is {@code ""} for the first page. */
  Page<Product> list(int limit, String cursor);

  /** A lazy stream over all products in sku order. */
  Stream<Product> stream();
}
