package org.ecrm.core.jdbc.internal;

import java.util.List;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.spi.InteractionStore;

/** Interactions: insert-only rows ordered per customer by time then id. Thread-safe. */
final class JdbcInteractions extends JdbcStores.TableStore<InteractionId, Interaction>
    implements InteractionStore {

  JdbcInteractions(Db db) {
    super(new JdbcTable<>(db, "Interaction", "interactions", Interaction.class, Interaction::id,
        InteractionId::value, i -> 1L, JdbcStores.concat(
            List.of(new JdbcTable.Column<>("customer_id", i -> i.customerId().value())),
            JdbcTable.Column.instant(Interaction::occurredAt)), List.of()));
  }

  @Override
  public List<Interaction> findByCustomer(CustomerId customerId) {
    return table.where("customer_id", JdbcTable.notNull("customerId", customerId).value(),
        "at_second, at_nano, id");
  }

  @Override
  public int reassign(CustomerId from, CustomerId to) {
    String f = JdbcTable.notNull("from", from).value();
    JdbcTable.notNull("to", to);
    Db db = table.db;
    return table.writeBeside("Interaction reassign " + f, c -> {
      List<Interaction> moved = db.records(c, Interaction.class,
          "SELECT data FROM interactions WHERE customer_id = ? ORDER BY id FOR UPDATE", f);
      for (Interaction i : moved) {
        Interaction next = new Interaction(i.id(), to, i.channel(), i.direction(), i.type(), i.occurredAt(),
            i.subject(), i.summary(), i.attributes());
        Db.update(c, "UPDATE interactions SET customer_id = ?, data = ? WHERE id = ?", to.value(),
            db.write(next), i.id().value());
      }
      return moved.size();
    });
  }

  @Override
  public int deleteByCustomer(CustomerId customerId) {
    String id = JdbcTable.notNull("customerId", customerId).value();
    return table.writeBeside("Interaction deleteByCustomer " + id,
        c -> Db.update(c, "DELETE FROM interactions WHERE customer_id = ?", id));
  }
}
