package org.ecrm.examples.jdbc;

import java.util.Locale;
import org.ecrm.core.StoreException;

/** The databases the adapter knows, and the little that differs between them. */
enum Dialect {
  /** H2 2.x: compares VARCHAR as {@link String#compareTo} does. */
  H2("VARCHAR(512)"),
  /** PostgreSQL: the "C" collation orders ids by code point, as Java orders them. */
  POSTGRESQL("VARCHAR(512) COLLATE \"C\"");

  private final String idType;

  Dialect(String idType) {
    this.idType = idType;
  }

  /** The column type of ids and keys, ordered as Java orders strings. */
  String idType() {
    return idType;
  }

  /** The dialect of a database by its product name from {@link java.sql.DatabaseMetaData}. */
  static Dialect of(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return H2;
    }
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    throw new StoreException("The JDBC storage supports H2 and PostgreSQL, not " + productName);
  }
}
