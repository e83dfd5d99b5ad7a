package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.OrderStoreContract;

class H2OrderStoreTest extends OrderStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
