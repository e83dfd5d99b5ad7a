package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.CustomerStoreContract;

class PostgresCustomerStoreTest extends CustomerStoreContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
