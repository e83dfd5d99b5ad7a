package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.LedgerStoreContract;

/** The in-memory storage passes the {@link LedgerStoreContract}. */
class InMemoryLedgerStoreTest extends LedgerStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
