package org.ecrm.core.privacy;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ErasureScanContract;

class InMemoryErasureScanTest extends ErasureScanContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }

  @Override
  protected String rawContent() {
    return deepText(storage); // every object the in-memory stores hold
  }
}
