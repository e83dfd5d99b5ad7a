package org.ecrm.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CRM on H2 file storage keeps its data across close and reopen. */
class H2FileStorageTest {

  @TempDir
  Path dir;

  @Test
  void crmOnH2File_keepsDataAcrossCloseAndReopen() {
    String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
    Customer created;
    try (JdbcStorage storage = Pools.storage(url); Crm crm = Crm.builder().storage(storage).build()) {
      created = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
      crm.customers().tag(created.id(), "vip");
    }
    try (JdbcStorage storage = Pools.storage(url); Crm crm = Crm.builder().storage(storage).build()) {
      Customer back = crm.customers().findByEmail(EmailAddress.of("ada@example.com")).orElseThrow();
      assertThat(back.id()).isEqualTo(created.id());
      assertThat(back.hasTag("vip")).isTrue();
      assertThat(back.version()).isEqualTo(2);
      assertThat(crm.customers().count()).isEqualTo(1);
      assertThat(crm.audit().forEntity("Customer", created.id().value())).isNotEmpty();
    }
  }
}
