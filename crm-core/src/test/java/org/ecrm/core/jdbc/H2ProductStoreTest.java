package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ProductStoreContract;

class H2ProductStoreTest extends ProductStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
