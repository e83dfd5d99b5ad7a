package org.ecrm.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.ecrm.core.Crm;
import org.ecrm.core.jdbc.JdbcStorage;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's JDBC conveniences: the provider reads ecrm.jdbc.url; HikariStorage opens and closes its pool. */
class JdbcStorageProviderTest {

  @TempDir
  Path dir;

  /**
   * The provider on its own: crm-core's test-jar (the contract kit) registers no providers, but other
   * modules on the test class path may, so whole-discovery assertions are not made here.
   */
  @Test
  void provider_opensTheConfiguredDatabase_andStandsAsideWhenUnset() throws Exception {
    StorageProvider provider = ServiceLoader.load(StorageProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("jdbc")).findFirst().orElseThrow();
    assertThat(provider).isInstanceOf(JdbcStorageProvider.class);
    String old = System.getProperty(JdbcStorageProvider.URL);
    try {
      System.clearProperty(JdbcStorageProvider.URL);
      if (System.getenv("ECRM_JDBC_URL") == null) {
        assertThat(provider.priority()).isEqualTo(Integer.MIN_VALUE);
        try (var storage = provider.open()) {
          assertThat(storage).isNotInstanceOf(JdbcStorage.class);
        }
      }
      System.setProperty(JdbcStorageProvider.URL, "jdbc:h2:file:" + dir.resolve("provided").toAbsolutePath());
      assertThat(provider.priority()).isEqualTo(10);
      try (var storage = provider.open(); Crm crm = Crm.builder().storage(storage).build()) {
        assertThat(storage).isInstanceOf(JdbcStorage.class);
        crm.customers().create(Customer.builder().name("Grace", "Hopper").email("grace@example.com"));
      }
      try (var storage = provider.open(); Crm crm = Crm.builder().storage(storage).build()) {
        assertThat(crm.customers().findByEmail(EmailAddress.of("grace@example.com"))).isPresent();
      }
    } finally {
      if (old == null) {
        System.clearProperty(JdbcStorageProvider.URL);
      } else {
        System.setProperty(JdbcStorageProvider.URL, old);
      }
    }
  }

  @Test
  void hikariStorage_closesItsPoolWithTheStorage() {
    String url = "jdbc:h2:file:" + dir.resolve("pooled").toAbsolutePath();
    JdbcStorage storage = HikariStorage.open(url);
    assertThat(storage.databaseKind()).isEqualTo("H2");
    assertThat(storage.customers().count()).isZero();
    storage.close();
    assertThatThrownBy(() -> storage.customers().count()).isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void hikariStorage_refusesBadArguments_namingThem() {
    assertThatThrownBy(() -> HikariStorage.open("jdbc:h2:mem:x", null, null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoolSize");
    assertThatThrownBy(() -> HikariStorage.open("jdbc:nosuchdb:x"))
        .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:nosuchdb:x");
  }
}
