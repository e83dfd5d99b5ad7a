package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ConcurrencyContract;

class PostgresConcurrencyTest extends ConcurrencyContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }
}
