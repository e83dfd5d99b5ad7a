package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.OpportunityStoreContract;

/** The in-memory storage passes the {@link OpportunityStoreContract}. */
class InMemoryOpportunityStoreTest extends OpportunityStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
