package org.ecrm.core.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.ecrm.core.jdbc.Dialect;
import org.ecrm.core.jdbc.PostgresKit;
import org.junit.jupiter.api.Test;

class PostgresSchemaMigrationTest extends SchemaMigrationContract {
  @Override
  protected DataSource newDatabase() {
    return track(PostgresKit.newDatabase()).pool();
  }

  @Override
  protected Dialect dialect() {
    return Dialect.postgresql();
  }

  @Override
  protected boolean transactionalDdl() {
    return true;
  }

  /**
   * Without the JVM-wide lock, as separate processes would: the advisory lock alone keeps the scripts from
   * running twice (a second run would fail on CREATE TABLE or the version table's primary key).
   */
  @Test
  void advisoryLock_serialisesMigrationsAcrossConnections() throws Exception {
    DataSource ds = newDatabase();
    Schema schema = Schema.library();
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tasks.add(() -> schema.migrateLocked(new Db(ds), sql(Dialect.postgresql())));
    }
    assertThat(atOnce(tasks)).containsOnly(schema.latest());
    assertThat(versions(ds)).containsExactly(1, 2);
  }
}
