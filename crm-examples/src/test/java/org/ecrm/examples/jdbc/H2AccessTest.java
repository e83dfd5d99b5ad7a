package org.ecrm.examples.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.contract.AccessContract;

class H2AccessTest extends AccessContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
