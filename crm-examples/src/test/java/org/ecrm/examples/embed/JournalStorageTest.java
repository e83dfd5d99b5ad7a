package org.ecrm.examples.embed;

import java.nio.file.Path;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.CustomerStoreContract;
import org.junit.jupiter.api.io.TempDir;

/** The adapter skeleton passes the crm-core contract kit for the store it implements. */
class JournalStorageTest extends CustomerStoreContract {
  @TempDir
  Path dir;

  private int opened;

  @Override
  protected Storage newStorage() {
    return JournalStorage.open(dir.resolve("customers-" + (opened++) + ".jsonl"));
  }
}
