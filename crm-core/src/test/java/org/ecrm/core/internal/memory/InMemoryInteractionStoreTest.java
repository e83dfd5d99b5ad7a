package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.InteractionStoreContract;

/** The in-memory storage passes the {@link InteractionStoreContract}. */
class InMemoryInteractionStoreTest extends InteractionStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
