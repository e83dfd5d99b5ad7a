package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AccessContract;

class H2AccessTest extends AccessContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
