package org.ecrm.examples.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.core.StoreException;

/**
 * Versioned SQL scripts, applied in order by {@link #migrate}: script {@code Vn__*.sql} runs once when
 * table {@code ecrm_schema_version} has no row {@code n}. Each script runs in one transaction with the
 * row that records it (PostgreSQL rolls DDL back on failure; H2 commits DDL as it goes, so a failed
 * script there needs a fresh database). On PostgreSQL an advisory lock serialises concurrent migrations.
 */
final class Schema {
  /** The scripts, oldest first; add new ones at the end, never edit an applied one. */
  static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__surveys.sql");

  private Schema() { }

  /** Applies the scripts the database lacks; returns the schema version afterwards. */
  static int migrate(Db db, Dialect dialect) {
    db.read("create ecrm_schema_version", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS ecrm_schema_version (version INTEGER PRIMARY KEY, "
            + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
      }
      return null;
    });
    int version = 0;
    for (String script : SCRIPTS) {
      int n = Integer.parseInt(script.substring(1, script.indexOf("__")));
      List<String> statements = statements(load(script), dialect);
      db.tx("apply " + script, c -> {
        if (dialect == Dialect.POSTGRESQL) {
          Db.strings(c, "SELECT CAST(pg_advisory_xact_lock(7406111) AS VARCHAR)");
        }
        if (Db.number(c, "SELECT version FROM ecrm_schema_version WHERE version = ?", n) != null) {
          return null;
        }
        try (Statement s = c.createStatement()) {
          for (String sql : statements) {
            s.execute(sql);
          }
        }
        Db.update(c, "INSERT INTO ecrm_schema_version (version, script, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
            n, script);
        return null;
      });
      version = n;
    }
    return version;
  }

  private static String load(String script) {
    try (InputStream in = Schema.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new StoreException("JDBC storage: migration script " + script + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of a script: comment lines dropped, split at ";" ending a line, ${id} expanded. */
  static List<String> statements(String script, Dialect dialect) {
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String s : sql.toString().replace("${id}", dialect.idType()).split(";\\s*\n")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

}
