package org.ecrm.core.jdbc;

import java.sql.Connection;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ErasureScanContract;

class H2ErasureScanTest extends ErasureScanContract {
  @Override
  protected Storage newStorage() {
    return H2Kit.newStorage();
  }

  @Override
  protected String rawContent() throws Exception {
    try (Connection c = H2Kit.connect(storage)) {
      return RawTables.dump(c); // every column of every table, plain SQL
    }
  }
}
