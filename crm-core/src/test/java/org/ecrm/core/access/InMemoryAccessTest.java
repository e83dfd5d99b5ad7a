package org.ecrm.core.access;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AccessContract;

class InMemoryAccessTest extends AccessContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
