package org.ecrm.core.internal.memory;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ConcurrencyContract;

/** The in-memory storage passes the {@link ConcurrencyContract}. */
class InMemoryConcurrencyTest extends ConcurrencyContract {
  @Override
  protected Storage newStorage() {
    return Storage.inMemory();
  }
}
