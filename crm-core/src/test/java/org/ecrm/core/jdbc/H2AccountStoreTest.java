package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AccountStoreContract;

class H2AccountStoreTest extends AccountStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
