package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ConcurrencyContract;

class H2ConcurrencyTest extends ConcurrencyContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
