package org.ecrm.core.jdbc.internal;

import javax.sql.DataSource;
import org.ecrm.core.jdbc.Dialect;
import org.ecrm.core.jdbc.H2Kit;

class H2SchemaMigrationTest extends SchemaMigrationContract {
  @Override
  protected DataSource newDatabase() {
    return track(H2Kit.newDatabase());
  }

  @Override
  protected Dialect dialect() {
    return Dialect.h2();
  }

  @Override
  protected boolean transactionalDdl() {
    return false;
  }
}
