package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.contract.CustomerStoreContract;

class PostgresCustomerStoreTest extends CustomerStoreContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
