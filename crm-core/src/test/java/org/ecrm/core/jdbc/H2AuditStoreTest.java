package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.AuditStoreContract;

class H2AuditStoreTest extends AuditStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
