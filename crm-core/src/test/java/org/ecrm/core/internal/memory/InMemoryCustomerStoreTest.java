package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.CustomerStoreContract;

/** The in-memory storage passes the {@link CustomerStoreContract}. */
class InMemoryCustomerStoreTest extends CustomerStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
