package org.ecrm.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.StoreException;
import org.junit.jupiter.api.Test;

/** The builder on the host's data source: dialect recognition, a plugged-in dialect, bad arguments, closing. */
class JdbcStorageBuilderTest {

  @Test
  void recognisesH2_andLeavesTheDataSourceOpenByDefault() {
    try (HikariDataSource pool = H2Kit.newDatabase()) {
      JdbcStorage storage = JdbcStorage.builder(pool).build();
      assertThat(storage.databaseKind()).isEqualTo("H2");
      assertThat(storage.dialect()).isSameAs(Dialect.h2());
      storage.close();
      assertThat(pool.isClosed()).isFalse();
      assertThat(JdbcStorage.builder(pool).build().customers().count()).isZero();
    }
  }

  @Test
  void closeDataSource_closesThePoolWithTheStorage() {
    HikariDataSource pool = H2Kit.newDatabase();
    JdbcStorage storage = JdbcStorage.builder(pool).closeDataSource(true).build();
    storage.close();
    assertThat(pool.isClosed()).isTrue();
    assertThatThrownBy(() -> storage.customers().count()).isInstanceOf(StoreException.class);
  }

  @Test
  void aPluggedInDialect_isUsedForTheSchema() throws Exception {
    Dialect custom = new Dialect() {
      @Override
      public String name() {
        return "H2-WIDE";
      }

      @Override
      public String idType() {
        return "VARCHAR(1000)";
      }

      @Override
      public String textType() {
        return "CHARACTER LARGE OBJECT";
      }
    };
    try (HikariDataSource pool = H2Kit.newDatabase()) {
      JdbcStorage storage = JdbcStorage.builder(pool).dialect(custom).build();
      assertThat(storage.databaseKind()).isEqualTo("H2-WIDE");
      try (Crm crm = Crm.builder().storage(storage).build()) {
        Customer c = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
        assertThat(crm.customers().get(c.id())).contains(c);
      }
      try (Connection c = pool.getConnection(); var rs = c.getMetaData().getColumns(null, null, "CUSTOMERS", "ID")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(1000);
      }
    }
  }

  @Test
  void anUnknownDatabase_isRefusedWithoutADialect_andOpensWithOne() {
    try (HikariDataSource pool = H2Kit.newDatabase()) {
      DataSource acme = renamed(pool, "Acme DB");
      assertThatThrownBy(() -> JdbcStorage.builder(acme).build()).isInstanceOf(StoreException.class)
          .hasMessageContaining("Acme DB").hasMessageContaining("dialect(");
      assertThat(JdbcStorage.builder(acme).dialect(Dialect.h2()).build().databaseKind()).isEqualTo("H2");
    }
  }

  @Test
  void anUnreachableDatabase_failsWithTheDriversReason() {
    DataSource down = new NoConnection();
    assertThatThrownBy(() -> JdbcStorage.builder(down).build()).isInstanceOf(StoreException.class)
        .hasMessageContaining("connection refused").hasMessageContaining("08001");
    assertThatThrownBy(() -> JdbcStorage.builder(down).dialect(Dialect.postgresql()).build())
        .isInstanceOf(StoreException.class).hasMessageContaining("connection refused");
  }

  @Test
  void nullArguments_areRefusedByName() {
    assertThatThrownBy(() -> JdbcStorage.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dataSource");
    try (HikariDataSource pool = H2Kit.newDatabase()) {
      assertThatThrownBy(() -> JdbcStorage.builder(pool).dialect(null)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("dialect");
    }
  }

  @Test
  void aDialectWithBlankOrInjectedTypes_isRefusedNamingTheMethod() {
    Dialect blank = new Dialect() {
      @Override
      public String name() {
        return "BLANK";
      }

      @Override
      public String idType() {
        return " ";
      }
    };
    Dialect injected = new Dialect() {
      @Override
      public String name() {
        return "INJECTED";
      }

      @Override
      public String idType() {
        return "VARCHAR(10); DROP TABLE customers";
      }
    };
    try (HikariDataSource pool = H2Kit.newDatabase()) {
      assertThatThrownBy(() -> JdbcStorage.builder(pool).dialect(blank).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Dialect.idType()");
      assertThatThrownBy(() -> JdbcStorage.builder(pool).dialect(injected).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DROP TABLE customers");
    }
  }

  @Test
  void builtInDialects_areRecognisedByProductName() {
    assertThat(Dialect.forProduct("H2")).contains(Dialect.h2());
    assertThat(Dialect.forProduct("PostgreSQL")).contains(Dialect.postgresql());
    assertThat(Dialect.forProduct("Oracle")).isEmpty();
    assertThat(Dialect.postgresql().idType()).contains("COLLATE \"C\"");
    assertThat(JdbcStorage.schemaVersion()).isEqualTo(2);
  }

  /** {@code pool} whose metadata names another database product. */
  private static DataSource renamed(DataSource pool, String product) {
    return (DataSource) Proxy.newProxyInstance(JdbcStorageBuilderTest.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (p, m, args) -> {
          Object r = invoke(m, pool, args);
          if (r instanceof Connection c) {
            return Proxy.newProxyInstance(JdbcStorageBuilderTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
                  Object r2 = invoke(m2, c, a2);
                  if (r2 instanceof DatabaseMetaData md) {
                    return Proxy.newProxyInstance(JdbcStorageBuilderTest.class.getClassLoader(),
                        new Class<?>[] {DatabaseMetaData.class}, (p3, m3, a3) ->
                            m3.getName().equals("getDatabaseProductName") ? product : invoke(m3, md, a3));
                  }
                  return r2;
                });
          }
          return r;
        });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A data source whose database is down. */
  private static final class NoConnection implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("connection refused", "08001");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return new PrintWriter(System.err);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // not used
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
