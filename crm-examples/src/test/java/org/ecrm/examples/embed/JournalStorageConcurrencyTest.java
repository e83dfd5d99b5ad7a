package org.ecrm.examples.embed;

import java.nio.file.Path;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ConcurrencyContract;
import org.junit.jupiter.api.io.TempDir;

/** The kit's concurrency contract (optimistic versions under contention) on the adapter skeleton. */
class JournalStorageConcurrencyTest extends ConcurrencyContract {
  @TempDir
  Path dir;

  private int opened;

  @Override
  protected Storage newStorage() {
    return JournalStorage.open(dir.resolve("customers-" + (opened++) + ".jsonl"));
  }
}
