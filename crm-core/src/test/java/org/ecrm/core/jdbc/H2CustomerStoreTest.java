package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.CustomerStoreContract;

class H2CustomerStoreTest extends CustomerStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
