package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.OrderStoreContract;

/** The in-memory storage passes the {@link OrderStoreContract}. */
class InMemoryOrderStoreTest extends OrderStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
