package org.ecrm.core.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.ecrm.core.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the storage contract kit: gives each test a fresh {@link Storage} from
 * {@link #newStorage()} and closes it afterwards, and builds valid records for the tests.
 *
 * <p>To prove an adapter, extend each {@code *Contract} class of this package in your test sources
 * and return a new, empty storage from {@link #newStorage()}. The kit ships in
 * {@code org.ecrm:crm-core:test-jar}; a test-jar carries no dependencies, so add
 * {@code junit-jupiter} and {@code assertj-core} in test scope yourself.
 */
public abstract class StoreContractSupport {
  /** A fixed instant the fixtures use. */
  protected static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  /** The storage under test, fresh for each test. */
  protected Storage storage;

  /** A new, empty storage of the implementation under test. */
  protected abstract Storage newStorage();

  @BeforeEach
  final void openStorage() {
    storage = newStorage();
  }

  @AfterEach
  final void closeStorage() throws Exception {
    storage.close();
  }

  /** A valid customer at version 1 with one e-mail address {@code <id>@example.com}. */
  protected static Customer customer(String id) {
    return Customer.builder().id(id).name("Given " + id, "Family").email(id + "@example.com")
        .createdAt(T0).updatedAt(T0).build();
  }

  /** {@code c} with the version raised by one, as an update would store it. */
  protected static Customer nextVersion(Customer c) {
    return c.toBuilder().version(c.version() + 1).updatedAt(c.updatedAt().plusSeconds(1)).build();
  }

  /** A valid account at version 1. */
  protected static Account account(String id) {
    return new Account(AccountId.of(id), "Org " + id, id + ".example", List.of(), Map.of(), T0, T0, 1);
  }

  /** A valid product at version 1. */
  protected static Product product(String sku, String category) {
    return Product.of(Sku.of(sku), "Product " + sku, category, Money.of("9.99", "EUR"), T0);
  }

  /** A valid order at version 1 of {@code customerId} placed {@code minutes} after T0. */
  protected static Order order(String id, String customerId, int minutes) {
    return Order.builder(CustomerId.of(customerId)).id(OrderId.of(id)).placedAt(T0.plusSeconds(60L * minutes))
        .line("SKU-1", 2, Money.of(BigDecimal.valueOf(1050, 2), "EUR")).channel(Channel.WEB).build();
  }
}
