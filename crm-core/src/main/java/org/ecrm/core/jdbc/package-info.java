/**
 * JDBC storage: the crm-core storage SPI on a relational database through the host's own
 * {@link javax.sql.DataSource} — {@link org.ecrm.core.jdbc.JdbcStorage}, built with
 * {@link org.ecrm.core.jdbc.JdbcStorage#builder(javax.sql.DataSource)}. H2 2.x and PostgreSQL are built-in
 * {@linkplain org.ecrm.core.jdbc.Dialect dialects}; other databases plug in through the same interface. The
 * schema is created and upgraded by versioned SQL scripts shipped in the jar. No JDBC driver or connection
 * pool comes with crm-core: the host brings both.
 *
 * <p>Start at {@link org.ecrm.core.jdbc.JdbcStorage#builder(javax.sql.DataSource)}.
 */
@NullMarked
package org.ecrm.core.jdbc;

import org.jspecify.annotations.NullMarked;
