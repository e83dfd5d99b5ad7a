package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.InteractionStoreContract;

class H2InteractionStoreTest extends InteractionStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
