package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.CaseStoreContract;

/** The in-memory storage passes the {@link CaseStoreContract}. */
class InMemoryCaseStoreTest extends CaseStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
