package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AccountStoreContract;

/** The in-memory storage passes the {@link AccountStoreContract}. */
class InMemoryAccountStoreTest extends AccountStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
