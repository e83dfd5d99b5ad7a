package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.CaseStoreContract;

class H2CaseStoreTest extends CaseStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
