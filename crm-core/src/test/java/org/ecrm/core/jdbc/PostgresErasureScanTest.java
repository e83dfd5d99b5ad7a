package org.ecrm.core.jdbc;

import java.sql.Connection;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.ErasureScanContract;

class PostgresErasureScanTest extends ErasureScanContract {
  @Override
  protected Storage newStorage() {
    return PostgresKit.newStorage();
  }

  @Override
  protected String rawContent() throws Exception {
    try (Connection c = PostgresKit.connect(storage)) {
      return RawTables.dump(c); // every column of every table, plain SQL
    }
  }
}
