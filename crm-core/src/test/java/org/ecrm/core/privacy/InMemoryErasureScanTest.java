package org.ecrm.core.privacy;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ErasureScanContract;

class InMemoryErasureScanTest extends ErasureScanContract {
  @Override
  protected Storage newStorage() {
    return Storage.inMemory();
  }

  @Override
  protected String rawContent() {
    return deepText(storage); // every object the in-memory stores hold
  }
}
