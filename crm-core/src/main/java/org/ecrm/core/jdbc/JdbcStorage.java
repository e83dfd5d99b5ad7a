package org.ecrm.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.ecrm.core.jdbc.internal.JdbcStores;
import org.ecrm.core.jdbc.internal.Schema;
import org.ecrm.core.jdbc.internal.SqlDialect;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.ForwardingStorage;
import org.ecrm.core.spi.Storage;
import org.jspecify.annotations.Nullable;

/**
 * The crm-core {@link Storage} SPI on a relational database through plain JDBC, on the host's own
 * {@link DataSource} (a connection pool, usually): H2 2.x and PostgreSQL are built in, other databases
 * plug in through a {@link Dialect}.
 *
 * <pre>{@code
 * DataSource pool = ...; // the host's pool, e.g. HikariCP or the application server's
 * try (Crm crm = Crm.builder().storage(JdbcStorage.builder(pool).build()).build()) {
 *   crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
 * }
 * }</pre>
 *
 * <p>Each aggregate is a row holding its id, its version (optimistic locking), the columns its lookups and
 * orderings need, and the record itself as JSON written by crm-core's {@code CrmJacksonModule}; unique keys
 * (customer e-mail addresses and external ids, ledger source events) live in side tables under a primary
 * key or UNIQUE constraint, so the database refuses a second holder even across processes.
 *
 * <p><b>Schema.</b> {@link Builder#build()} creates the schema in the connection's current schema, or
 * upgrades it, with the versioned SQL scripts shipped in crm-core's jar (table
 * {@code ecrm_schema_version} records the applied ones). A database whose schema is newer than this
 * crm-core knows is refused with a {@link StoreException} naming both versions. Storages opening one
 * database at once do not migrate it twice.
 *
 * <p><b>Thread safety.</b> Instances are thread-safe: the stores hold no mutable state, every method
 * borrows its own connection from the data source, and each write is one transaction that locks the
 * written row ({@code SELECT ... FOR UPDATE}) before it checks the version, so concurrent updates of one
 * record serialise and all but one fail with {@link org.ecrm.core.model.VersionConflictException}. Several
 * processes may share a PostgreSQL database; an embedded H2 database is opened by one process at a time.
 *
 * <p><b>Imports.</b> A customer import runs each chunk of rows as one {@link #batchTransaction}: the
 * chunk's keys are read ahead, its lookups answered from that and its own writes, and its inserts, updates
 * and audit records sent as batched multi-row statements before the commit. The held-back writes belong to
 * the thread running the batch, like its connection. An update sent by a batch is refused if the row
 * changed since it was read ({@code WHERE version = ?}), a key if a concurrent writer took it; the chunk is
 * then rolled back and imported again with a savepoint per row.
 */
public final class JdbcStorage extends ForwardingStorage {
  private final DataSource dataSource;
  private final boolean closeDataSource;
  private final Dialect dialect;
  /** The dialect as the stores below the API see it. */
  private static SqlDialect sql(Dialect d) {
    return new SqlDialect(d.name(), d.idType(), d.textType(), d::lockForMigration);
  }

  private JdbcStorage(Builder b, Dialect dialect, Schema schema) {
    super(new JdbcStores(b.dataSource, sql(dialect), schema));
    this.dataSource = b.dataSource;
    this.closeDataSource = b.closeDataSource;
    this.dialect = dialect;
  }

  /**
   * Starts a storage on {@code dataSource}.
   *
   * @param dataSource the host's data source; every operation borrows a connection from it and returns it
   * @return a builder
   * @throws NullPointerException naming {@code dataSource} if it is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * The newest schema version this crm-core's scripts make, which {@link Builder#build()} brings a
   * database to.
   *
   * @return the schema version, from 1
   */
  public static int schemaVersion() {
    return Schema.library().latest();
  }

  /**
   * The dialect's name: {@code "H2"}, {@code "POSTGRESQL"}, or a plugged-in dialect's.
   *
   * @return the name of the database kind
   */
  public String databaseKind() {
    return dialect.name();
  }

  /**
   * The dialect in use, given to the builder or recognised from the database.
   *
   * @return the dialect
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Closes the data source when the builder was told to ({@link Builder#closeDataSource(boolean)});
   * otherwise does nothing, as the data source stays the host's.
   *
   * @throws StoreException if closing the data source fails
   */
  @Override
  public void close() {
    if (closeDataSource && dataSource instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new StoreException("JDBC storage: closing the data source failed: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcStorage[" + dialect.name() + "]";
  }

  /**
   * Configures a {@link JdbcStorage}. Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable Dialect dialect;
    private boolean closeDataSource;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The database's dialect. Without one, {@link #build()} recognises H2 and PostgreSQL from the
     * connection's {@link java.sql.DatabaseMetaData#getDatabaseProductName() product name}.
     *
     * @param dialect a built-in dialect ({@link Dialect#h2()}, {@link Dialect#postgresql()}) or the host's
     * @return this builder
     * @throws NullPointerException naming {@code dialect} if it is null
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Whether {@link JdbcStorage#close()} closes the data source too (when it is {@link AutoCloseable},
     * as connection pools are). Off by default: the data source is the host's.
     *
     * @param close true to hand the data source's lifetime to the storage
     * @return this builder
     */
    public Builder closeDataSource(boolean close) {
      this.closeDataSource = close;
      return this;
    }

    /**
     * Connects, recognises the dialect unless one was given, and creates or upgrades the schema.
     *
     * @return the storage
     * @throws StoreException if the database cannot be reached, no dialect fits it, its schema is newer
     *     than this crm-core knows (the message names both versions), or a schema script fails
     * @throws IllegalArgumentException if a given dialect's name or types are blank or hold {@code ;}
     */
    public JdbcStorage build() {
      Dialect d = dialect != null ? checked(dialect) : detect(dataSource);
      return new JdbcStorage(this, d, Schema.library());
    }

    /** A plugged-in dialect's types, checked before any SQL is made of them. */
    private static Dialect checked(Dialect d) {
      check(d, "name()", d.name());
      check(d, "idType()", d.idType());
      check(d, "textType()", d.textType());
      return d;
    }

    private static void check(Dialect d, String method, @Nullable String value) {
      if (value == null || value.isBlank() || value.contains(";")) {
        throw new IllegalArgumentException("Dialect." + method + " of " + d.getClass().getName()
            + " must be a non-blank SQL fragment without ';', not " + (value == null ? "null" : "'" + value + "'"));
      }
    }

    private static Dialect detect(DataSource dataSource) {
      String product;
      try (Connection c = dataSource.getConnection()) {
        product = c.getMetaData().getDatabaseProductName();
      } catch (SQLException e) {
        throw new StoreException("JDBC storage: cannot connect to read the database product: " + e.getMessage()
            + " (SQLState " + e.getSQLState() + ")", e);
      }
      return Dialect.forProduct(product).orElseThrow(() -> new StoreException("JDBC storage: no built-in dialect for "
          + product + " (H2 and PostgreSQL are built in); give one with JdbcStorage.builder(dataSource).dialect(...)"));
    }
  }
}
