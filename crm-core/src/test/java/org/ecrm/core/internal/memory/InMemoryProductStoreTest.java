package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ProductStoreContract;

/** The in-memory storage passes the {@link ProductStoreContract}. */
class InMemoryProductStoreTest extends ProductStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
