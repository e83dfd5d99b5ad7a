package org.ecrm.examples.embed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.ecrm.core.json.CrmJacksonModule;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.CustomerStore;
import org.ecrm.core.spi.ForwardingStorage;
import org.ecrm.core.spi.Storage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A custom storage adapter skeleton: customers are kept in memory and written through to an
 * append-only JSON Lines journal, replayed when the storage is opened again; every other store is the
 * in-memory default. It shows the shape of an adapter: extend {@link ForwardingStorage} and override only
 * the stores you change, implement a store interface of {@code org.ecrm.core.spi}, let the in-memory store (or your database) enforce the rules, and prove it
 * with the contract kit from {@code crm-core}'s test-jar ({@code JournalStorageTest} extends
 * {@code CustomerStoreContract}).
 *
 * <pre>{@code
 * try (Storage storage = JournalStorage.open(Path.of("customers.jsonl"));
 *      Crm crm = Crm.builder().storage(storage).build()) { ... }
 * }</pre>
 *
 * <p>Every write follows the durable pattern: the change is appended to the journal and forced to disk
 * ({@link FileChannel#force(boolean)}), and only then published to the in-memory view. A write that
 * fails (a full disk) cuts the journal back to where it was and throws a {@link StoreException}:
 * nothing of it is visible, and the same write can be retried. The journal file is locked while the
 * storage is open.
 *
 * <p>Thread-safe: reads go to the thread-safe in-memory store; writes are serialised so the journal's
 * order is the order the changes were applied in.
 */
public final class JournalStorage extends ForwardingStorage {
  private static final Logger LOG = LoggerFactory.getLogger(JournalStorage.class);
  private final JournalCustomers customers;

  private JournalStorage(Storage memory, JournalCustomers customers) {
    super(memory);
    this.customers = customers;
  }

  /**
   * Opens the journal at {@code file} (created when missing), takes an exclusive lock on it and
   * replays every complete record. A torn last record (bytes after the last newline, left by a write
   * that was interrupted) is cut off with a warning naming its byte offset; see
   * {@link #truncatedTailAt()}.
   *
   * @throws StoreException if another process (or another open storage in this one) holds the
   *     journal ("in use by another process"), or naming the file and line when a complete record
   *     cannot be read or replayed
   */
  public static JournalStorage open(Path file) {
    return open(file, WriteFault.NONE);
  }

  /** As {@link #open(Path)}, with a hook run before every append (tests simulate a full disk). */
  static JournalStorage open(Path file, WriteFault fault) {
    Storage memory = MemoryStorage.create();
    return new JournalStorage(memory, new JournalCustomers(file, memory.customers(), fault));
  }

  @Override
  public CustomerStore customers() {
    return customers;
  }

  /**
   * Runs {@code work} directly, as a storage without transactions does: the journal cannot take back a
   * record already forced to disk, so the in-memory view must not undo one either.
   *
   * @param operation what the work does
   * @param work the operation
   * @param <T> what the work returns
   * @return what {@code work} returned
   */
  @Override
  public <T> T transaction(String operation, Supplier<T> work) {
    return work.get();
  }

  /**
   * False: {@link #transaction} runs the work directly, so a nested one undoes nothing, and imports
   * write each row as an operation of its own.
   *
   * @return false
   */
  @Override
  public boolean nestedTransactionsAreSavepoints() {
    return false;
  }

  /**
   * Runs {@code work} as {@link #transaction} does: directly, holding nothing back.
   *
   * @param operation what the work does
   * @param work the units
   * @param <T> what the work returns
   * @return what {@code work} returned
   */
  @Override
  public <T> T batchTransaction(String operation, Supplier<T> work) {
    return transaction(operation, work);
  }

  /** Closes the journal. */
  @Override
  public void close() {
    customers.close();
    super.close();
  }

  /**
   * Where {@link #open} cut off a torn last record (the bytes of a write that was interrupted before
   * its newline reached the disk), as a byte offset into the journal; empty when the journal was
   * whole.
   */
  public OptionalLong truncatedTailAt() {
    return customers.tornTailAt < 0 ? OptionalLong.empty() : OptionalLong.of(customers.tornTailAt);
  }

  /** A test hook that runs before each append, e.g. to simulate a full disk. */
  @FunctionalInterface
  interface WriteFault {
    WriteFault NONE = (channel, position, bytes) -> { };

    /** May write part of {@code bytes} at {@code position} and throw, as a failing disk would. */
    void beforeWrite(FileChannel channel, long position, ByteBuffer bytes) throws IOException;
  }

  /**
   * The customer store: the in-memory store's rules, each accepted change appended to the journal and
   * forced to disk before it is published to the in-memory view.
   */
  private static final class JournalCustomers implements CustomerStore {
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new CrmJacksonModule()).build();

    private final Path file;
    private final CustomerStore delegate;
    private final WriteFault fault;
    private final FileChannel channel;
    private final FileLock lock;
    /** The end of the last complete record: where the next append goes. */
    private long end;
    /** Set when a failed append could not be cut off again: further writes are refused. */
    private @Nullable String broken;
    long tornTailAt = -1;

    JournalCustomers(Path file, CustomerStore delegate, WriteFault fault) {
      this.file = Objects.requireNonNull(file, "JournalStorage.file");
      this.delegate = delegate;
      this.fault = fault;
      try {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new StoreException("journal " + file + ": cannot open: " + e.getMessage(), e);
      }
      FileLock l;
      try {
        l = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      } catch (IOException e) {
        closeQuietly();
        throw new StoreException("journal " + file + ": cannot lock: " + e.getMessage(), e);
      }
      if (l == null) {
        closeQuietly();
        throw new StoreException("journal " + file + " is in use by another process (or is already open"
            + " in this one): close the other JournalStorage first");
      }
      lock = l;
      try {
        replay();
      } catch (RuntimeException e) {
        closeQuietly();
        throw e;
      }
    }

    private void closeQuietly() {
      try {
        channel.close(); // releases the lock too
      } catch (IOException ignored) {
        // already failing
      }
    }

    /**
     * Replays every complete record (one ending in a newline). Bytes after the last newline are a
     * torn write: they are cut off with a warning, as the write that produced them never returned.
     */
    private void replay() {
      long line = 0;
      long offset = 0;
      try {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
        ByteArrayOutputStream record = new ByteArrayOutputStream(256);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        for (int b = in.read(); b >= 0; b = in.read()) {
          if (b != '\n') {
            record.write(b);
            continue;
          }
          line++;
          String s;
          try {
            s = utf8.decode(ByteBuffer.wrap(record.toByteArray())).toString();
          } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 (" + e.getMessage() + ")");
          }
          offset += record.size() + 1;
          record.reset();
          if (!s.isBlank()) {
            replay(s);
          }
        }
        if (record.size() > 0) {
          tornTailAt = offset;
          LOG.warn("journal {}: the last record is torn ({} bytes without a newline at byte offset {},"
              + " from a write that was interrupted); truncating the journal to {} bytes", file, record.size(),
              offset, offset);
          channel.truncate(offset);
          channel.force(true);
        }
        end = offset;
      } catch (IOException e) {
        throw new StoreException("journal " + file + ": cannot read: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new StoreException("journal " + file + ":" + (line) + ": " + e.getMessage(), e);
      }
    }

    private void replay(String s) {
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

    /**
     * Appends one record and forces it to disk. On failure the journal is cut back to where it was,
     * so nothing of the failed write remains, and a {@link StoreException} is thrown.
     */
    private void append(ObjectNode op) {
      if (broken != null) {
        throw new StoreException("journal " + file + ": refusing writes after an append that could not be"
            + " undone (" + broken + "); reopen the storage");
      }
      ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(op) + "\n").getBytes(StandardCharsets.UTF_8));
      long start = end;
      try {
        fault.beforeWrite(channel, start, bytes);
        long at = start;
        while (bytes.hasRemaining()) {
          at += channel.write(bytes, at);
        }
        channel.force(false);
        end = at;
      } catch (IOException e) {
        try {
          channel.truncate(start);
          channel.force(true);
        } catch (IOException undo) {
          broken = undo.toString();
          e.addSuppressed(undo);
          throw new StoreException("journal " + file + ": cannot append, nothing was published, but the"
              + " torn record could not be cut off (" + e + "); reopen the storage to recover", e);
        }
        throw new StoreException("journal " + file + ": cannot append, nothing was stored: " + e.getMessage(), e);
      }
    }

    /** Cuts off the record just appended (its publication was refused). */
    private void undo(long start, RuntimeException refused) {
      try {
        channel.truncate(start);
        channel.force(true);
        end = start;
      } catch (IOException e) {
        broken = e.toString();
        refused.addSuppressed(e);
      }
    }

    /**
     * The pattern of every write: append and force the record, then publish it to the in-memory view.
     * A write the store is known to refuse goes straight to the store, which throws and changes nothing.
     * Should the store refuse a write after all, the appended record is cut off again.
     */
    private <T> T write(boolean refused, ObjectNode op, Supplier<T> publish) {
      if (refused) {
        T result = publish.get(); // throws the store's own exception
        append(op); // not reached while the checks below match the store's rules
        return result;
      }
      long start = end;
      append(op);
      try {
        return publish.get();
      } catch (RuntimeException e) {
        undo(start, e);
        throw e;
      }
    }

    /** Whether a unique key of {@code c} (e-mail, external id) belongs to another customer. */
    private boolean keyTaken(Customer c) {
      for (EmailAddress e : c.emails()) {
        if (delegate.findByEmail(e).filter(o -> !o.id().equals(c.id())).isPresent()) {
          return true;
        }
      }
      for (ExternalId x : c.externalIds()) {
        if (delegate.findByExternalId(x).filter(o -> !o.id().equals(c.id())).isPresent()) {
          return true;
        }
      }
      return false;
    }

    private ObjectNode op(String name) {
      return JSON.createObjectNode().put("op", name);
    }

    void close() {
      synchronized (this) {
        try {
          if (lock.isValid()) {
            lock.release();
          }
          channel.close();
        } catch (IOException e) {
          throw new UncheckedIOException("journal " + file + ": cannot close: " + e.getMessage(), e);
        }
      }
    }

    @Override
    public synchronized Customer insert(Customer record) {
      Objects.requireNonNull(record, "customer");
      boolean refused = delegate.get(record.id()).isPresent() || keyTaken(record);
      return write(refused, op("put").set("customer", JSON.valueToTree(record)), () -> delegate.insert(record));
    }

    @Override
    public synchronized Customer update(Customer next) {
      Objects.requireNonNull(next, "customer");
      Optional<Customer> current = delegate.get(next.id());
      boolean refused = current.isEmpty() || current.get().version() != next.version() - 1 || keyTaken(next);
      return write(refused, op("put").set("customer", JSON.valueToTree(next)), () -> delegate.update(next));
    }

    @Override
    public synchronized boolean delete(CustomerId id, long version) {
      Optional<Customer> current = delegate.get(id);
      if (current.isEmpty()) {
        return delegate.delete(id, version);
      }
      boolean refused = current.get().version() != version;
      return write(refused, op("delete").put("id", id.value()).put("version", version), () -> delegate.delete(id, version));
    }

    @Override
    public synchronized void addAlias(CustomerId alias, CustomerId target) {
      write(false, op("alias").put("alias", alias.value()).put("target", target.value()), () -> {
        delegate.addAlias(alias, target);
        return null;
      });
    }

    @Override
    public synchronized int retargetAliases(CustomerId from, @Nullable CustomerId to) {
      ObjectNode op = op("retarget").put("from", from.value());
      if (to != null) {
        op.put("to", to.value());
      }
      return write(false, op, () -> delegate.retargetAliases(from, to));
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
    public List<Customer> scan(org.ecrm.core.model.CustomerFilter filter, @Nullable CustomerId after, int limit) {
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
