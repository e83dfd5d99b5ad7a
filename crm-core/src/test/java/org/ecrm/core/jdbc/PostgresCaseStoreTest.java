package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.contract.CaseStoreContract;

class PostgresCaseStoreTest extends CaseStoreContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
