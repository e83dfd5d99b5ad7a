package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AuditStoreContract;

/** The in-memory storage passes the {@link AuditStoreContract}. */
class InMemoryAuditStoreTest extends AuditStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
