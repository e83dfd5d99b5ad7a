package org.ecrm.core.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
}
