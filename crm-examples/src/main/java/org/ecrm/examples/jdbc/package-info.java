/**
 * A JDBC implementation of the crm-core storage SPI for H2 and PostgreSQL: {@link
 * org.ecrm.examples.jdbc.JdbcStorage}, and {@link org.ecrm.examples.jdbc.JdbcStorageProvider} that opens
 * it from the {@code ecrm.jdbc.url} setting. See {@code crm-examples/JDBC.md}.
 */
@NullMarked
package org.ecrm.examples.jdbc;

import org.jspecify.annotations.NullMarked;
