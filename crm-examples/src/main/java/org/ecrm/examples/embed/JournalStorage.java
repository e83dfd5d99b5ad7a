package org.ecrm.examples.embed;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ecrm.core.StoreException;
import org.ecrm.core.json.CrmJacksonModule;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.spi.AccountStore;
import org.ecrm.core.spi.ArticleStore;
import org.ecrm.core.spi.AuditStore;
import org.ecrm.core.spi.CaseStore;
import org.ecrm.core.spi.ConsentStore;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.InteractionStore;
import org.ecrm.core.spi.LedgerStore;
import org.ecrm.core.spi.OpportunityStore;
import org.ecrm.core.spi.OrderStore;
import org.ecrm.core.spi.PreferenceStore;
import org.ecrm.core.spi.ProductStore;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.SurveyStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A custom storage adapter skeleton: customers are kept in memory and written through to an
 * append-only JSON Lines journal, replayed when the storage is opened again; every other store is the
 * in-memory default. It shows the shape of an adapter: implement a store interface of
 * {@code org.ecrm.core.spi}, let the in-memory store (or your database) enforce the rules, and prove it
 * with the contract kit from {@code crm-core}'s test-jar ({@code JournalStorageTest} extends
 * {@code CustomerStoreContract}).
 *
 * <pre>{@code
 * try (Storage storage = JournalStorage.open(Path.of("customers.jsonl"));
 *      Crm crm = Crm.builder().storage(storage).build()) { ... }
 * }</pre>
 *
 * <p>Thread-safe: reads go to the thread-safe in-memory store; writes are serialised so the journal's
 * order is the order the changes were applied in.
 */
public final class JournalStorage implements Storage {
  private final Storage memory;
  private final JournalCustomers customers;

  private JournalStorage(Storage memory, JournalCustomers customers) {
    this.memory = memory;
    this.customers = customers;
  }

  /**
   * Opens the journal at {@code file}, replaying it when it exists.
   *
   * @throws StoreException naming the file and line when the journal cannot be read or replayed
   */
  public static JournalStorage open(Path file) {
    Storage memory = Storage.inMemory();
    return new JournalStorage(memory, new JournalCustomers(file, memory.customers()));
  }

  @Override
  public CustomerStore customers() {
    return customers;
  }

  @Override
  public AccountStore accounts() {
    return memory.accounts();
  }

  @Override
  public ProductStore products() {
    return memory.products();
  }

  @Override
  public OrderStore orders() {
    return memory.orders();
  }

  @Override
  public InteractionStore interactions() {
    return memory.interactions();
  }

  @Override
  public ConsentStore consents() {
    return memory.consents();
  }

  @Override
  public CaseStore cases() {
    return memory.cases();
  }

  @Override
  public ArticleStore articles() {
    return memory.articles();
  }

  @Override
  public OpportunityStore opportunities() {
    return memory.opportunities();
  }

  @Override
  public LedgerStore ledger() {
    return memory.ledger();
  }

  @Override
  public SurveyStore surveys() {
    return memory.surveys();
  }

  @Override
  public PreferenceStore preferences() {
    return memory.preferences();
  }

  @Override
  public AuditStore audit() {
    return memory.audit();
  }

  /** Closes the journal. */
  @Override
  public void close() {
    customers.close();
    memory.close();
  }

  /** The customer store: the in-memory store's rules, each accepted change appended to the journal. */
  private static final class JournalCustomers implements CustomerStore {
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new CrmJacksonModule()).build();

    private final Path file;
    private final CustomerStore delegate;
    private final BufferedWriter journal;

    JournalCustomers(Path file, CustomerStore delegate) {
      this.file = Objects.requireNonNull(file, "JournalStorage.file");
      this.delegate = delegate;
      if (Files.exists(file)) {
        replay();
      }
      try {
        journal = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new StoreException("journal " + file + ": cannot open: " + e.getMessage(), e);
      }
    }

    private void replay() {
      int line = 0;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String s = in.readLine(); s != null; s = in.readLine()) {
          line++;
          if (s.isBlank()) {
            continue;
          }
          JsonNode op = JSON.readTree(s);
          switch (op.path("op").asString()) {
            case "put" -> {
              Customer c = JSON.treeToValue(op.get("customer"), Customer.class);
              if (delegate.get(c.id()).isPresent()) {
                delegate.update(c);
              } else {
                delegate.insert(c);
              }
            }
            case "delete" -> delegate.delete(CustomerId.of(op.path("id").asString()), op.path("version").asLong());
            case "alias" -> delegate.addAlias(CustomerId.of(op.path("alias").asString()),
                CustomerId.of(op.path("target").asString()));
            case "retarget" -> delegate.retargetAliases(CustomerId.of(op.path("from").asString()),
                op.path("to").isString() ? CustomerId.of(op.path("to").asString()) : null);
            default -> throw new IllegalArgumentException("op: unknown '" + op.path("op") + "'");
          }
        }
      } catch (IOException e) {
        throw new StoreException("journal " + file + ": cannot read: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new StoreException("journal " + file + ":" + line + ": " + e.getMessage(), e);
      }
    }

    private void append(ObjectNode op) {
      try {
        journal.write(JSON.writeValueAsString(op));
        journal.newLine();
        journal.flush();
      } catch (IOException e) {
        throw new StoreException("journal " + file + ": cannot write: " + e.getMessage(), e);
      }
    }

    private ObjectNode op(String name) {
      return JSON.createObjectNode().put("op", name);
    }

    void close() {
      synchronized (this) {
        try {
          journal.close();
        } catch (IOException e) {
          throw new UncheckedIOException("journal " + file + ": cannot close: " + e.getMessage(), e);
        }
      }
    }

    @Override
    public synchronized Customer insert(Customer record) {
      Customer stored = delegate.insert(record);
      append(op("put").set("customer", JSON.valueToTree(stored)));
      return stored;
    }

    @Override
    public synchronized Customer update(Customer next) {
      Customer stored = delegate.update(next);
      append(op("put").set("customer", JSON.valueToTree(stored)));
      return stored;
    }

    @Override
    public synchronized boolean delete(CustomerId id, long version) {
      boolean deleted = delegate.delete(id, version);
      if (deleted) {
        append(op("delete").put("id", id.value()).put("version", version));
      }
      return deleted;
    }

    @Override
    public synchronized void addAlias(CustomerId alias, CustomerId target) {
      delegate.addAlias(alias, target);
      append(op("alias").put("alias", alias.value()).put("target", target.value()));
    }

    @Override
    public synchronized int retargetAliases(CustomerId from, @Nullable CustomerId to) {
      int n = delegate.retargetAliases(from, to);
      ObjectNode op = op("retarget").put("from", from.value());
      if (to != null) {
        op.put("to", to.value());
      }
      append(op);
      return n;
    }

    @Override
    public Optional<Customer> get(CustomerId id) {
      return delegate.get(id);
    }

    @Override
    public List<Customer> scan(@Nullable CustomerId after, int limit) {
      return delegate.scan(after, limit);
    }

    @Override
    public List<Customer> scan(org.ecrm.core.CustomerFilter filter, @Nullable CustomerId after, int limit) {
      return delegate.scan(filter, after, limit);
    }

    @Override
    public long count() {
      return delegate.count();
    }

    @Override
    public Optional<Customer> findByEmail(EmailAddress email) {
      return delegate.findByEmail(email);
    }

    @Override
    public List<Customer> findByPhone(PhoneNumber phone) {
      return delegate.findByPhone(phone);
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
      return delegate.findByExternalId(externalId);
    }

    @Override
    public Optional<CustomerId> resolveAlias(CustomerId alias) {
      return delegate.resolveAlias(alias);
    }

    @Override
    public List<CustomerId> aliasesOf(CustomerId target) {
      return delegate.aliasesOf(target);
    }
  }
}
