package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.spi.AuditStore;

/** The audit trail: one row per record, append order is the identity column {@code seq}. Thread-safe. */
final class JdbcAudit implements AuditStore {
  private final Db db;

  JdbcAudit(Db db) {
    this.db = db;
  }

  @Override
  public void append(AuditRecord record) {
    JdbcTable.notNull("AuditRecord", record);
    Batch b = db.batch();
    if (b != null) { // held back with the batch's other writes; sent in append order
      List<Object[]> held = b.part(this, Held.class, () -> new Held()).rows;
      held.add(row(record));
      int size = held.size();
      b.undo(() -> held.subList(size - 1, held.size()).clear());
      return;
    }
    db.tx("AuditRecord append", c -> insert(c, record));
  }

  private static final List<String> COLUMNS = List.of("entity_type", "entity_id", "actor_kind", "actor_id", "data");

  private Object[] row(AuditRecord r) {
    return new Object[] {r.entityType(), r.entityId(), r.actor().kind(), r.actor().id(), db.write(r)};
  }

  /** The audit records a batch transaction holds back, in append order. */
  private final class Held implements Batch.Part {
    final List<Object[]> rows = new ArrayList<>();

    @Override
    public void flush(Connection c) throws SQLException {
      if (!rows.isEmpty()) {
        db.insert(c, "audit", COLUMNS, rows);
        rows.clear();
      }
    }
  }

  private int insert(Connection c, AuditRecord r) throws SQLException {
    return Db.update(c, "INSERT INTO audit (entity_type, entity_id, actor_kind, actor_id, data) VALUES (?, ?, ?, ?, ?)",
        r.entityType(), r.entityId(), r.actor().kind(), r.actor().id(), db.write(r));
  }

  @Override
  public List<AuditRecord> forEntity(String entityType, String entityId) {
    return db.read("AuditRecord forEntity", c -> db.records(c, AuditRecord.class,
        "SELECT data FROM audit WHERE entity_type = ? AND entity_id = ? ORDER BY seq",
        JdbcTable.notNull("entityType", entityType), JdbcTable.notNull("entityId", entityId)));
  }

  @Override
  public List<AuditRecord> byActor(Actor actor) {
    JdbcTable.notNull("actor", actor);
    return db.read("AuditRecord byActor", c -> db.records(c, AuditRecord.class,
        "SELECT data FROM audit WHERE actor_kind = ? AND actor_id = ? ORDER BY seq", actor.kind(), actor.id()));
  }

  @Override
  public void replaceEntity(String entityType, String entityId, List<AuditRecord> replacement) {
    JdbcTable.notNull("replacement", replacement);
    db.tx("AuditRecord replaceEntity", c -> {
      Db.update(c, "DELETE FROM audit WHERE entity_type = ? AND entity_id = ?", entityType, entityId);
      for (AuditRecord r : replacement) {
        insert(c, r);
      }
      return null;
    });
  }

  @Override
  public List<AuditRecord> scan(long offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("AuditStore scan needs offset >= 0 and limit >= 1: " + offset + "/" + limit);
    }
    return db.read("AuditRecord scan", c -> db.records(c, AuditRecord.class,
        "SELECT data FROM audit ORDER BY seq LIMIT ? OFFSET ?", limit, offset));
  }

  /** Tokens per statement: a long list (a customer with many merged ids) goes in several statements. */
  private static final int TOKENS_PER_QUERY = 50;

  /**
   * The records whose stored JSON text contains a token, found by the database ({@code data LIKE ?} per
   * token, see {@link #likePattern}): an erasure reads the records that name the customer, not the whole
   * trail over the wire. A superset of the records that contain a token: the JSON also holds the actor,
   * the field names and the time, and a database may compare case-insensitively.
   */
  @Override
  public List<AuditRecord> mentioning(Collection<String> tokens) {
    List<String> texts = Checks.searchTexts("AuditStore.mentioning tokens", tokens);
    if (texts.isEmpty()) {
      return List.of();
    }
    TreeMap<Long, String> found = new TreeMap<>(); // by seq: append order, each row once across statements
    db.read("AuditRecord mentioning", c -> {
      for (int from = 0; from < texts.size(); from += TOKENS_PER_QUERY) {
        List<String> part = texts.subList(from, Math.min(texts.size(), from + TOKENS_PER_QUERY));
        String sql = "SELECT seq, data FROM audit WHERE "
            + String.join(" OR ", Collections.nCopies(part.size(), "data LIKE ? ESCAPE '!'"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 1, likePattern(part.get(i)));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.put(rs.getLong(1), rs.getString(2));
            }
          }
        }
      }
      return null;
    });
    List<AuditRecord> out = new ArrayList<>(found.size());
    found.values().forEach(data -> out.add(db.parse(data, AuditRecord.class)));
    return Collections.unmodifiableList(out);
  }

  /**
   * The {@code LIKE} pattern (escape character {@code !}) that finds {@code token} inside the stored JSON of
   * a record: the token as the JSON text holds it (written by the same mapper, so {@code "} and {@code \}
   * come escaped as in the column; the mapper escapes character by character, so a value containing the
   * token has a JSON text containing the token's JSON text), with {@code %}, {@code _} and {@code !}
   * escaped. A token with square brackets, which some databases' {@code LIKE} reads as a character class,
   * is looked for by its longest piece between them: still every record holding the whole token.
   */
  String likePattern(String token) {
    String json = db.write(token); // a JSON string literal: the quotes are not part of the stored value
    String inner = json.substring(1, json.length() - 1);
    String longest = "";
    for (String piece : inner.split("[\\[\\]]", -1)) {
      if (piece.length() > longest.length()) {
        longest = piece;
      }
    }
    StringBuilder pattern = new StringBuilder(longest.length() + 8).append('%');
    for (int i = 0; i < longest.length(); i++) {
      char ch = longest.charAt(i);
      if (ch == '!' || ch == '%' || ch == '_') {
        pattern.append('!');
      }
      pattern.append(ch);
    }
    return pattern.append('%').toString();
  }
}
