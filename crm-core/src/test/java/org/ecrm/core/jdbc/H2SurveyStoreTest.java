package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.SurveyStoreContract;

class H2SurveyStoreTest extends SurveyStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
