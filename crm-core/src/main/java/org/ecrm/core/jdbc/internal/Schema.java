package org.ecrm.core.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.ecrm.core.model.StoreException;

/**
 * Versioned SQL scripts and their runner. Script {@code V<n>__<name>.sql} brings the schema to version
 * {@code n}; table {@code ecrm_schema_version} holds one row per applied script. {@link #migrate} applies
 * the missing scripts in order, in one transaction with the rows that record them (PostgreSQL rolls DDL back
 * on failure; H2 commits DDL as it goes), and refuses a database whose schema is newer than the newest script.
 *
 * <p>Migrations of one database (same URL, user and current schema) are serialised inside the JVM by a
 * lock of this class, and across processes by the dialect's migration lock (an advisory lock on
 * PostgreSQL), taken before the version table is read. Immutable and thread-safe.
 */
public final class Schema {
  /** The folder of the scripts in the jar: this package, so they stay encapsulated in the module. */
  static final String FOLDER = "/org/ecrm/core/jdbc/internal/";
  /** The scripts crm-core ships, oldest first; add new ones at the end, never edit an applied one. */
  static final List<String> LIBRARY_SCRIPTS = List.of("V1__schema.sql", "V2__surveys.sql");

  private static final ConcurrentMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  /** One script: its version, its file name (recorded in the version table) and its SQL. */
  public record Script(int version, String name, String sql) {
    /**
     * @param version the version the script brings the schema to, from 1
     * @param name the script's file name, recorded in the version table
     * @param sql the statements, each ending with {@code ;} at a line end
     */
    public Script {
      if (version < 1) {
        throw new IllegalArgumentException("script version must be at least 1, not " + version + " (" + name + ")");
      }
    }
  }

  private final List<Script> scripts;

  private Schema(List<Script> scripts) {
    List<Script> copy = List.copyOf(scripts);
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i).version() <= copy.get(i - 1).version()) {
        throw new IllegalArgumentException("scripts out of order: " + copy.get(i - 1).name() + " then "
            + copy.get(i).name());
      }
    }
    this.scripts = copy;
  }

  /** The scripts shipped in crm-core's jar. */
  public static Schema library() {
    List<Script> out = new ArrayList<>();
    for (String name : LIBRARY_SCRIPTS) {
      out.add(new Script(versionOf(name), name, load(FOLDER + name)));
    }
    return new Schema(out);
  }

  /** A schema of other scripts, oldest first (tests: an older or a newer release's schema). */
  public static Schema of(List<Script> scripts) {
    return new Schema(scripts);
  }

  /** The version of a script from its name {@code V<n>__*.sql}. */
  static int versionOf(String name) {
    int end = name.indexOf("__");
    if (!name.startsWith("V") || end < 2) {
      throw new IllegalArgumentException("script name must be V<n>__<name>.sql, not " + name);
    }
    return Integer.parseInt(name.substring(1, end));
  }

  /** The newest version these scripts make, 0 without scripts. */
  public int latest() {
    return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
  }

  /**
   * Creates or upgrades the schema of {@code db}: applies every script whose version the version table
   * lacks. Returns the schema version afterwards.
   *
   * @throws StoreException if the database's schema is newer than {@link #latest()}, or a script fails
   */
  int migrate(Db db, SqlDialect dialect) {
    String database = db.read("identify the database", Schema::identity);
    ReentrantLock lock = LOCKS.computeIfAbsent(database, k -> new ReentrantLock());
    lock.lock();
    try {
      return migrateLocked(db, dialect);
    } finally {
      lock.unlock();
    }
  }

  /** {@link #migrate} without the JVM-wide lock: only the dialect's database lock serialises. */
  int migrateLocked(Db db, SqlDialect dialect) {
    return db.tx("migrate the schema", c -> {
      dialect.migrationLock().lock(c);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS ecrm_schema_version (version INTEGER PRIMARY KEY, "
            + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
      }
      Set<Integer> applied = new HashSet<>();
      for (String v : Db.strings(c, "SELECT version FROM ecrm_schema_version")) {
        applied.add(Integer.parseInt(v.strip()));
      }
      int current = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
      if (current > latest()) {
        throw new StoreException("JDBC storage: the database schema is at version " + current
            + ", newer than version " + latest() + ", the newest this crm-core knows; open it with the "
            + "crm-core release that upgraded it (or a later one), or restore a copy made before the upgrade");
      }
      for (Script script : scripts) {
        if (applied.contains(script.version())) {
          continue;
        }
        List<String> statements = statements(script.sql(), dialect);
        try (Statement s = c.createStatement()) {
          for (int i = 0; i < statements.size(); i++) {
            try {
              s.execute(statements.get(i));
            } catch (SQLException e) {
              throw new StoreException("JDBC storage: schema script " + script.name() + " failed at statement "
                  + (i + 1) + " of " + statements.size() + " on " + dialect.name() + ": " + e.getMessage()
                  + " (SQLState " + e.getSQLState() + ")", e);
            }
          }
        }
        Db.update(c, "INSERT INTO ecrm_schema_version (version, script, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
            script.version(), script.name());
      }
      return Math.max(current, latest());
    });
  }

  /** The schema version recorded in the database, 0 when it has none. */
  static int currentVersion(Db db) {
    return db.read("read the schema version", c -> {
      Long v = Db.number(c, "SELECT MAX(version) FROM ecrm_schema_version");
      return v == null ? 0 : v.intValue();
    });
  }

  private static String identity(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema;
    try {
      schema = String.valueOf(c.getSchema());
    } catch (SQLException | AbstractMethodError e) {
      schema = "?";
    }
    return meta.getURL() + "|" + meta.getUserName() + "|" + schema;
  }

  private static String load(String resource) {
    try (InputStream in = Schema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new StoreException("JDBC storage: schema script " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of a script: comment lines dropped, split at ";" ending a line, placeholders expanded. */
  static List<String> statements(String script, SqlDialect dialect) {
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    String expanded = sql.toString().replace("${id}", dialect.idType()).replace("${text}", dialect.textType());
    List<String> out = new ArrayList<>();
    for (String s : expanded.split(";\\s*\n")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }
}
