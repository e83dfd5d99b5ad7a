package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AccountStoreContract;

class PostgresAccountStoreTest extends AccountStoreContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
