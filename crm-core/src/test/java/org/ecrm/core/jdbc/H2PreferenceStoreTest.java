package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.PreferenceStoreContract;

class H2PreferenceStoreTest extends PreferenceStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
