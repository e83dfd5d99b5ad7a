package org.ecrm.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.spi.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CRM on H2 file storage keeps its data across close and reopen; the provider reads ecrm.jdbc.url. */
class H2FileStorageTest {

  @TempDir
  Path dir;

  @Test
  void crmOnH2File_keepsDataAcrossCloseAndReopen() {
    String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
    Customer created;
    try (JdbcStorage storage = JdbcStorage.open(url); Crm crm = Crm.builder().storage(storage).build()) {
      created = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
      crm.customers().tag(created.id(), "vip");
    }
    try (JdbcStorage storage = JdbcStorage.open(url); Crm crm = Crm.builder().storage(storage).build()) {
      Customer back = crm.customers().findByEmail(EmailAddress.of("ada@example.com")).orElseThrow();
      assertThat(back.id()).isEqualTo(created.id());
      assertThat(back.hasTag("vip")).isTrue();
      assertThat(back.version()).isEqualTo(2);
      assertThat(crm.customers().count()).isEqualTo(1);
      assertThat(crm.audit().forEntity("Customer", created.id().value())).isNotEmpty();
    }
  }

  /**
   * The provider on its own: crm-core's test-jar (the contract kit) registers test providers of its own
   * ("high", "broken", ...) in META-INF/services, so whole-discovery assertions are not possible here.
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
}
