/**
 * Runnable examples and the demo of the e-CRM library, and crm-core's JDBC storage on a HikariCP pool
 * ({@link org.ecrm.examples.jdbc.HikariStorage}) for H2 and PostgreSQL. Nothing depends on this module.
 *
 * @provides org.ecrm.core.spi.StorageProvider {@link org.ecrm.examples.jdbc.JdbcStorageProvider}, active
 *     only when {@code ecrm.jdbc.url} is set
 */
module org.ecrm.examples {
  requires org.ecrm.core;
  requires org.ecrm.segmentation;
  requires org.ecrm.tracking;
  requires org.slf4j;
  requires info.picocli;
  requires java.sql;
  requires jdk.httpserver;
  requires java.net.http;
  requires owasp.encoder;
  requires com.zaxxer.hikari;
  // the drivers are found through java.sql.DriverManager; required so they are resolved on the module path
  requires com.h2database;
  requires org.postgresql.jdbc;

  opens org.ecrm.examples.cli to info.picocli;
  requires static org.jspecify;

  exports org.ecrm.examples;
  exports org.ecrm.examples.cli;
  exports org.ecrm.examples.collect;
  exports org.ecrm.examples.jdbc;
  exports org.ecrm.examples.embed;
  exports org.ecrm.examples.report;

  provides org.ecrm.core.spi.StorageProvider with org.ecrm.examples.jdbc.JdbcStorageProvider;
}
