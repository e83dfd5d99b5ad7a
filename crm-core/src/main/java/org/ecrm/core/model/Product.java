package org.ecrm.core.model;

import java.time.Instant;
import org.ecrm.core.internal.check.Checks;

/**
 * A product in the catalogue. Immutable and thread-safe.
 *
 * @param sku the product's stock keeping unit, its id
 * @param name the product name, not blank
 * @param category the category path, e.g. {@code "books/fiction"}, may be empty
 * @param listPrice the list price, not negative
 * @param active whether the product is sold (false = discontinued)
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version the optimistic-concurrency version: 1 on create, +1 on each update
 */
public record Product(Sku sku, String name, String category, Money listPrice, boolean active,
    Instant createdAt, Instant updatedAt, long version) {

  /**
   * Validates every field.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field for a blank name or a negative price
   */
  public Product {
    Checks.notNull("Product.sku", sku);
    name = Checks.line("Product.name", name);
    if (name.isEmpty()) {
      throw Checks.invalid("Product.name", "must not be blank", name);
    }
    category = Checks.line("Product.category", category);
    Checks.notNull("Product.listPrice", listPrice);
    if (listPrice.isNegative()) {
      throw Checks.invalid("Product.listPrice", "must not be negative", listPrice);
    }
    Checks.notNull("Product.createdAt", createdAt);
    Checks.notNull("Product.updatedAt", updatedAt);
    Checks.positive("Product.version", version);
  }

  /** A new, active product at version 1 created at {@code now}. */
  public static Product of(Sku sku, String name, String category, Money listPrice, Instant now) {
    return new Product(sku, name, category, listPrice, true, now, now, 1);
  }

  /** A copy with new details (used for updates). */
  public Product withDetails(String name, String category, Money listPrice, boolean active) {
    return new Product(sku, name, category, listPrice, active, createdAt, updatedAt, version);
  }

  /** A copy stamped with a new version and change instant (used by the facade). */
  public Product withVersion(long version, Instant updatedAt) {
    return new Product(sku, name, category, listPrice, active, createdAt, updatedAt, version);
  }
}
