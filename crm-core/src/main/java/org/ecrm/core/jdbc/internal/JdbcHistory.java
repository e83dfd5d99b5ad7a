package org.ecrm.core.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.spi.ConsentStore;
import org.ecrm.core.spi.HistoryStore;
import org.ecrm.core.spi.LedgerStore;
import org.ecrm.core.spi.PreferenceStore;
import org.jspecify.annotations.Nullable;

/**
 * An append-only history per customer in a table with an identity column {@code seq}: append order is
 * {@code seq} order: the JDBC {@link HistoryStore}. The consent, preference and ledger stores are this class
 * with their entry type and table fixed. Thread-safe.
 */
class JdbcHistory<T> implements HistoryStore<T> {
  private final Db db;
  private final String kind;
  private final String table;
  private final Class<T> type;
  private final Function<T, CustomerId> owner;
  private final BiFunction<T, CustomerId, T> repoint;
  private final @Nullable Function<T, String> sourceEvent;

  JdbcHistory(Db db, String kind, String table, Class<T> type, Function<T, CustomerId> owner,
      BiFunction<T, CustomerId, T> repoint, @Nullable Function<T, String> sourceEvent) {
    this.db = db;
    this.kind = kind;
    this.table = table;
    this.type = type;
    this.owner = owner;
    this.repoint = repoint;
    this.sourceEvent = sourceEvent;
  }

  @Override
  public void append(T record) {
    JdbcTable.notNull(kind, record);
    try {
      db.tx(kind + " append", c -> {
        insert(c, record);
        return null;
      });
    } catch (Db.UniqueViolation e) {
      // only the ledger has a unique key: (customer_id, source_event)
      DuplicateKeyException d = new DuplicateKeyException(kind, kind + ".sourceEvent",
          sourceEvent == null ? "?" : sourceEvent.apply(record), owner.apply(record));
      d.initCause(e.getCause());
      throw d;
    }
  }

  private void insert(java.sql.Connection c, T record) throws java.sql.SQLException {
    String who = owner.apply(record).value();
    if (sourceEvent == null) {
      Db.update(c, "INSERT INTO " + table + " (customer_id, data) VALUES (?, ?)", who, db.write(record));
    } else {
      Db.update(c, "INSERT INTO " + table + " (customer_id, source_event, data) VALUES (?, ?, ?)", who,
          sourceEvent.apply(record), db.write(record));
    }
  }

  @Override
  public List<T> history(CustomerId customerId) {
    String id = JdbcTable.notNull("customerId", customerId).value();
    return db.read(kind + " history " + id, c -> db.records(c, type,
        "SELECT data FROM " + table + " WHERE customer_id = ? ORDER BY seq", id));
  }

  /** Deletes the records of {@code from} and appends them, repointed, after those of {@code to}. */
  @Override
  public int reassign(CustomerId from, CustomerId to) {
    return reassign(from, to, (r, n) -> repoint.apply(r, to));
  }

  /** As {@link #reassign(CustomerId, CustomerId)}, the n-th record (1-based) rewritten by {@code rewrite}. */
  int reassign(CustomerId from, CustomerId to, BiFunction<T, Integer, T> rewrite) {
    String f = JdbcTable.notNull("from", from).value();
    JdbcTable.notNull("to", to);
    try {
      return db.tx(kind + " reassign " + f, c -> {
        List<T> moved = db.records(c, type, "SELECT data FROM " + table + " WHERE customer_id = ? ORDER BY seq FOR UPDATE", f);
        Db.update(c, "DELETE FROM " + table + " WHERE customer_id = ?", f);
        for (int i = 0; i < moved.size(); i++) {
          insert(c, rewrite.apply(moved.get(i), i + 1));
        }
        return moved.size();
      });
    } catch (Db.UniqueViolation e) {
      DuplicateKeyException d = new DuplicateKeyException(kind, kind + ".sourceEvent",
          "a source event of " + f, to.value());
      d.initCause(e.getCause());
      throw d;
    }
  }

  @Override
  public int deleteAll(CustomerId customerId) {
    String id = JdbcTable.notNull("customerId", customerId).value();
    return db.tx(kind + " deleteAll " + id, c -> Db.update(c, "DELETE FROM " + table + " WHERE customer_id = ?", id));
  }

  @Override
  public List<CustomerId> scanCustomers(@Nullable CustomerId after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(kind + " scan limit must be at least 1: " + limit);
    }
    List<String> ids = db.read(kind + " scanCustomers", c -> after == null
        ? Db.strings(c, "SELECT DISTINCT customer_id FROM " + table + " ORDER BY customer_id LIMIT ?", limit)
        : Db.strings(c, "SELECT DISTINCT customer_id FROM " + table + " WHERE customer_id > ? ORDER BY customer_id LIMIT ?",
            after.value(), limit));
    List<CustomerId> out = new ArrayList<>(ids.size());
    ids.forEach(id -> out.add(CustomerId.of(id)));
    return out;
  }

  static ConsentStore consents(Db db) {
    return new Consents(db);
  }

  static PreferenceStore preferences(Db db) {
    return new PreferenceHistory(db);
  }

  static LedgerStore ledger(Db db) {
    return new Ledger(db);
  }

  private static final class Consents extends JdbcHistory<ConsentRecord> implements ConsentStore {
    Consents(Db db) {
      super(db, "ConsentRecord", "consents", ConsentRecord.class, ConsentRecord::customerId, (r, to) ->
          new ConsentRecord(to, r.purpose(), r.channel(), r.status(), r.lawfulBasis(), r.source(), r.recordedAt()),
          null);
    }
  }

  private static final class PreferenceHistory extends JdbcHistory<Preferences> implements PreferenceStore {
    PreferenceHistory(Db db) {
      super(db, "Preferences", "preferences", Preferences.class, Preferences::customerId, Preferences::forCustomer,
          null);
    }
  }

  private static final class Ledger extends JdbcHistory<PointsEntry> implements LedgerStore {
    Ledger(Db db) {
      super(db, "PointsEntry", "ledger", PointsEntry.class, PointsEntry::customerId, (e, to) -> new PointsEntry(to,
          e.kind(), e.points(), e.reason(), e.sourceEvent(), e.at(), e.expiresAt()), PointsEntry::sourceEvent);
    }

    @Override
    public int pseudonymise(CustomerId from, CustomerId pseudonym) {
      return reassign(from, pseudonym, (e, n) -> e.pseudonymised(pseudonym, n));
    }
  }
}
