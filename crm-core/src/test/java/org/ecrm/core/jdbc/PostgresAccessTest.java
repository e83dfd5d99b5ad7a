package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AccessContract;

class PostgresAccessTest extends AccessContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
