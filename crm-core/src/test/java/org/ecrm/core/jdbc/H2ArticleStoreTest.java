package org.ecrm.core.jdbc;

import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ArticleStoreContract;

class H2ArticleStoreTest extends ArticleStoreContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }
}
