package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.PreferenceStoreContract;

/** The in-memory storage passes the {@link PreferenceStoreContract}. */
class InMemoryPreferenceStoreTest extends PreferenceStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
