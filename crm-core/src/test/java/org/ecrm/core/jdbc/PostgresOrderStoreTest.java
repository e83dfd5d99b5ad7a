package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.contract.OrderStoreContract;

class PostgresOrderStoreTest extends OrderStoreContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
