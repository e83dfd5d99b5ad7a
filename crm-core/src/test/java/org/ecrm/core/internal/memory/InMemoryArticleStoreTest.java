package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ArticleStoreContract;

/** The in-memory storage passes the {@link ArticleStoreContract}. */
class InMemoryArticleStoreTest extends ArticleStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
