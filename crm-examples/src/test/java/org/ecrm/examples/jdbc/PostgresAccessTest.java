package org.ecrm.examples.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.contract.AccessContract;

class PostgresAccessTest extends AccessContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
