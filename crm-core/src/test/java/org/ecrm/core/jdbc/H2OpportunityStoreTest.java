package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.OpportunityStoreContract;

class H2OpportunityStoreTest extends OpportunityStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
