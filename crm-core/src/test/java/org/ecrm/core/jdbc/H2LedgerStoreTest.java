package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.LedgerStoreContract;

class H2LedgerStoreTest extends LedgerStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
