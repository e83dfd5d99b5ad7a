/**
 * crm-core's JDBC storage ({@link org.ecrm.core.jdbc.JdbcStorage}) for the command line and the demo:
 * {@link org.ecrm.examples.jdbc.HikariStorage} opens it on a HikariCP pool from a JDBC URL, and
 * {@link org.ecrm.examples.jdbc.JdbcStorageProvider} from the {@code ecrm.jdbc.url} setting. See
 * {@code crm-core/JDBC.md} and the crm-examples README.
 */
@NullMarked
package org.ecrm.examples.jdbc;

import org.jspecify.annotations.NullMarked;
