package org.ecrm.core.internal.memory;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.SurveyStoreContract;

/** The in-memory storage passes the {@link SurveyStoreContract}. */
class InMemorySurveyStoreTest extends SurveyStoreContract {
  @Override
  protected Storage newStorage() {
    return MemoryStorage.create();
  }
}
