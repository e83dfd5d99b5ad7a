package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ConsentStoreContract;

/** The in-memory storage passes the {@link ConsentStoreContract}. */
class InMemoryConsentStoreTest extends ConsentStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
