/**
 * crm-core: the domain model, the {@link org.ecrm.core.Crm} facade, the storage SPI with its in-memory
 * default and a JDBC implementation ({@link org.ecrm.core.jdbc.JdbcStorage}), and the Jackson module for the domain types.
 *
 * @uses org.ecrm.core.spi.StorageProvider storage adapters found when the host gives none
 * @provides tools.jackson.databind.JacksonModule {@link org.ecrm.core.json.CrmJacksonModule}
 */
module org.ecrm.core {
  requires transitive tools.jackson.databind;
  requires org.slf4j;
  requires de.siegmar.fastcsv;
  requires com.github.benmanes.caffeine;
  requires transitive java.sql;
  requires static transitive org.jspecify;

  exports org.ecrm.core;
  exports org.ecrm.core.access;
  exports org.ecrm.core.b2b;
  exports org.ecrm.core.event;
  exports org.ecrm.core.interact;
  exports org.ecrm.core.io;
  exports org.ecrm.core.jdbc;
  exports org.ecrm.core.json;
  exports org.ecrm.core.loyalty;
  exports org.ecrm.core.memory;
  exports org.ecrm.core.model;
  exports org.ecrm.core.service;
  exports org.ecrm.core.spi;
  exports org.ecrm.core.support;
  exports org.ecrm.core.survey;
  exports org.ecrm.core.dedupe;

  opens org.ecrm.core.model to tools.jackson.databind;

  uses org.ecrm.core.spi.StorageProvider;

  provides tools.jackson.databind.JacksonModule with org.ecrm.core.json.CrmJacksonModule;
}
