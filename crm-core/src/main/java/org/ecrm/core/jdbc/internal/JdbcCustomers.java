package org.ecrm.core.jdbc.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.spi.CustomerStore;
import org.jspecify.annotations.Nullable;

/**
 * Customers: e-mail addresses and external ids are unique side-table keys, phones a plain index,
 * aliases of merged customers a table of their own. Thread-safe, as {@link org.ecrm.core.jdbc.JdbcStorage} says.
 */
final class JdbcCustomers extends JdbcStores.TableStore<CustomerId, Customer> implements CustomerStore {
  private static final SideIndex<Customer> EMAILS = new SideIndex<>("customer_emails", List.of("email"),
      "customer_id", SideIndex.keysOf(Customer::emails, e -> List.of(e.value())), true, "emails");
  private static final SideIndex<Customer> EXTERNAL_IDS = new SideIndex<>("customer_external_ids",
      List.of("id_system", "external_id"), "customer_id",
      SideIndex.keysOf(Customer::externalIds, x -> List.of(x.system(), x.id())), true, "externalIds");
  private static final SideIndex<Customer> PHONES = new SideIndex<>("customer_phones", List.of("phone"),
      "customer_id", SideIndex.keysOf(Customer::phones, p -> List.of(p.canonical())), false, "phones");

  private final Db db;

  JdbcCustomers(Db db) {
    super(new JdbcTable<>(db, "Customer", "customers", Customer.class, Customer::id, CustomerId::value,
        Customer::version, List.of(), List.of(EMAILS, EXTERNAL_IDS, PHONES)));
    this.db = db;
  }

  @Override
  public Optional<Customer> findByEmail(EmailAddress email) {
    return table.lookup(EMAILS, JdbcTable.notNull("email", email).value()).stream().findFirst();
  }

  @Override
  public List<Customer> findByPhone(PhoneNumber phone) {
    return table.lookup(PHONES, JdbcTable.notNull("phone", phone).canonical());
  }

  @Override
  public Optional<Customer> findByExternalId(ExternalId externalId) {
    JdbcTable.notNull("externalId", externalId);
    return table.lookup(EXTERNAL_IDS, externalId.system(), externalId.id()).stream().findFirst();
  }

  @Override
  public List<Customer> findAll(Collection<CustomerId> ids, Collection<EmailAddress> emails,
      Collection<ExternalId> externalIds) {
    List<String> idKeys = JdbcTable.notNull("ids", ids).stream().map(id -> JdbcTable.notNull("id", id).value()).toList();
    Map<SideIndex<Customer>, List<List<String>>> keys = new LinkedHashMap<>();
    keys.put(EMAILS, JdbcTable.notNull("emails", emails).stream()
        .map(e -> List.of(JdbcTable.notNull("email", e).value())).toList());
    keys.put(EXTERNAL_IDS, JdbcTable.notNull("externalIds", externalIds).stream()
        .map(x -> List.of(JdbcTable.notNull("externalId", x).system(), x.id())).toList());
    List<Customer> found = table.readAhead(idKeys, keys);
    Batch b = db.batch();
    if (b != null) { // the ids nobody has may be aliases of merged customers: read those too
      Set<String> direct = new HashSet<>();
      found.forEach(c -> direct.add(c.id().value()));
      Map<String, Optional<String>> aliases = aliases(b);
      List<String> unknown = idKeys.stream().filter(id -> !direct.contains(id) && !aliases.containsKey(id))
          .distinct().toList();
      for (int from = 0; from < unknown.size(); from += 256) {
        List<String> part = unknown.subList(from, Math.min(unknown.size(), from + 256));
        Map<String, String> targets = db.readBeside("Customer read ahead of aliases", c -> {
          Map<String, String> out = new HashMap<>();
          try (var ps = c.prepareStatement("SELECT alias, target FROM customer_aliases WHERE "
              + db.in("alias", part.size()))) {
            Db.bind(ps, db.inArgs(c, part));
            try (var rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
              }
            }
          }
          return out;
        });
        part.forEach(a -> aliases.put(a, Optional.ofNullable(targets.get(a))));
      }
    }
    return found;
  }

  /** The aliases a batch transaction read: alias to its target, or empty when the id is no alias. */
  private Map<String, Optional<String>> aliases(Batch b) {
    return b.part(this, Aliases.class, Aliases::new).known;
  }

  /** What a batch transaction knows of aliases; they are read, never written, in a batch. */
  private static final class Aliases implements Batch.Part {
    final Map<String, Optional<String>> known = new HashMap<>();

    @Override
    public void flush(java.sql.Connection c) { }
  }

  /** Forgets the aliases a running batch transaction read, after an alias was written. */
  private void aliasesChanged() {
    Batch b = db.batch();
    if (b != null) {
      aliases(b).clear();
    }
  }

  @Override
  public void addAlias(CustomerId alias, CustomerId target) {
    String a = JdbcTable.notNull("alias", alias).value();
    String t = JdbcTable.notNull("target", target).value();
    aliasesChanged();
    db.tx("Customer addAlias " + a, c -> {
      Db.update(c, "DELETE FROM customer_aliases WHERE alias = ?", a);
      return Db.update(c, "INSERT INTO customer_aliases (alias, target) VALUES (?, ?)", a, t);
    });
  }

  @Override
  public Optional<CustomerId> resolveAlias(CustomerId alias) {
    String a = JdbcTable.notNull("alias", alias).value();
    Batch b = db.batch();
    if (b != null) {
      Map<String, Optional<String>> aliases = aliases(b);
      Optional<String> known = aliases.get(a);
      if (known == null) {
        known = db.readBeside("Customer resolveAlias " + a,
            c -> Db.string(c, "SELECT target FROM customer_aliases WHERE alias = ?", a));
        aliases.put(a, known);
      }
      return known.map(CustomerId::of);
    }
    return db.read("Customer resolveAlias " + a,
        c -> Db.string(c, "SELECT target FROM customer_aliases WHERE alias = ?", a)).map(CustomerId::of);
  }

  @Override
  public List<CustomerId> aliasesOf(CustomerId target) {
    String t = JdbcTable.notNull("target", target).value();
    return db.read("Customer aliasesOf " + t,
        c -> Db.strings(c, "SELECT alias FROM customer_aliases WHERE target = ? ORDER BY alias", t))
        .stream().map(CustomerId::of).toList();
  }

  @Override
  public int retargetAliases(CustomerId from, @Nullable CustomerId to) {
    String f = JdbcTable.notNull("from", from).value();
    aliasesChanged();
    return db.tx("Customer retargetAliases " + f, c -> to == null
        ? Db.update(c, "DELETE FROM customer_aliases WHERE target = ?", f)
        : Db.update(c, "UPDATE customer_aliases SET target = ? WHERE target = ?", to.value(), f));
  }

  @Override
  public boolean delete(CustomerId id, long version) {
    return table.delete(id, version);
  }
}
