package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ConcurrencyContract;

/** The in-memory storage passes the {@link ConcurrencyContract}. */
class InMemoryConcurrencyTest extends ConcurrencyContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
