package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ConsentStoreContract;

class H2ConsentStoreTest extends ConsentStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
