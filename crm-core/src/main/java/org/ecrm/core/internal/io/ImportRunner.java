package org.ecrm.core.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.ecrm.core.internal.CrmContext;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.io.Imports;
import org.ecrm.core.io.RejectedRow;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;
import org.ecrm.core.service.Accounts;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.Orders;
import org.ecrm.core.service.Products;

/** {@link Imports} through the facade's services. Thread-safe: each run has its own state. */
public final class ImportRunner implements Imports {
  private final Customers customers;
  private final Accounts accounts;
  private final Products products;
  private final Orders orders;
  private final Clock clock;
  private final CrmContext ctx;

  /**
   * @param customers @param accounts @param products @param orders the services writes go through
   * @param ctx the context whose storage makes each row one atomic operation and whose clock gives the
   *     default latest accepted date
   */
  public ImportRunner(Customers customers, Accounts accounts, Products products, Orders orders, CrmContext ctx) {
    this.ctx = ctx;
    this.clock = ctx.clock();
    this.customers = customers;
    this.accounts = accounts;
    this.products = products;
    this.orders = orders;
  }

  @Override
  public ImportResult run(ImportRequest request, Path file) {
    Checks.notNull("file", file);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return run(request, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " failed", e);
    }
  }

  @Override
  public ImportResult run(ImportRequest request, Reader in) {
    Checks.notNull("request", request);
    Checks.notNull("in", in);
    request.mapping().forEach((column, field) -> {
      if (!knownField(request.kind(), field)) {
        throw Checks.invalid("ImportRequest.map", "'" + column + "' maps to a field " + request.kind()
            + " rows do not have", field);
      }
    });
    long start = System.nanoTime();
    Tally tally = new Tally(request, start);
    Columns columns = new Columns(request, tally.warnings::add);
    RowHandler handler = switch (request.kind()) {
      case CUSTOMER -> new CustomerRows(customers, columns);
      case ACCOUNT -> this::account;
      case PRODUCT -> this::product;
      case ORDER -> new OrderRows(customers, orders, request, tally,
          request.latestDate().orElseGet(() -> LocalDate.now(clock).plusYears(1)));
    };
    Chunks chunks = new Chunks(request, handler, tally,
        request.kind() == EntityKind.CUSTOMER && !request.dryRun() && ctx.storage().batchesWrites()
            ? rows -> CustomerReadAhead.read(ctx.storage().customers(), rows) : null);
    long rows;
    try {
      rows = RowReader.read(request, columns, in, row -> {
        tally.row();
        chunks.add(row);
      }, r -> {
        tally.row();
        chunks.add(r);
      });
    } finally {
      chunks.run();
    }
    if (handler instanceof OrderRows o) {
      o.flush();
    }
    request.listener().onProgress(rows, rate(rows, start));
    return new ImportResult(rows, tally.created, tally.updated, tally.unchanged, tally.rejections,
        request.dryRun(), Duration.ofNanos(System.nanoTime() - start), tally.warnings);
  }

  static double rate(long rows, long start) {
    double s = (System.nanoTime() - start) / 1e9;
    return s <= 0 ? rows : rows / s;
  }

  /** Field names a row may carry for {@code kind}. */
  static boolean knownField(EntityKind kind, String field) {
    return Columns.isField(kind, field)
        || kind == EntityKind.CUSTOMER && (field.startsWith("external.") || field.startsWith("attr."));
  }

  private void account(Row row, ImportRequest req, Tally t) {
    AccountId id = row.parseRequired("id", AccountId::of);
    var existing = accounts.get(id);
    if (existing.isEmpty()) {
      String name = row.require("name");
      RowException.guard("name", name, n -> new Account(id, n, "", List.of(), java.util.Map.of(),
          java.time.Instant.EPOCH, java.time.Instant.EPOCH, 1));
      if (!req.dryRun()) {
        accounts.create(id, name, row.get("domain").orElse(""));
      }
      t.created++;
      return;
    }
    Account a = existing.get();
    Account next = RowException.guard("name", row.get("name").orElse(a.name()), n -> a.withDetails(n,
        row.get("domain").orElse(a.domain()), a.attributes()));
    if (next.equals(a)) {
      t.unchanged++;
    } else {
      if (!req.dryRun()) {
        accounts.update(next);
      }
      t.updated++;
    }
  }

  private void product(Row row, ImportRequest req, Tally t) {
    Sku sku = row.parseRequired("sku", Sku::of);
    var existing = products.get(sku);
    Money price = money(row, req, "listPrice").orElse(null);
    boolean active = row.parse("active", ImportRunner::bool).orElse(existing.map(Product::active).orElse(true));
    if (existing.isEmpty()) {
      String name = row.require("name");
      if (price == null) {
        throw new RowException("listPrice", "missing");
      }
      Product candidate = RowException.guard("name", name, n -> Product.of(sku, n,
          row.get("category").orElse(""), price, java.time.Instant.EPOCH));
      if (!req.dryRun()) {
        Product created = products.create(sku, candidate.name(), candidate.category(), price);
        if (!active) {
          products.update(created.withDetails(created.name(), created.category(), price, false));
        }
      }
      t.created++;
      return;
    }
    Product p = existing.get();
    Product next = RowException.guard("name", row.get("name").orElse(p.name()), n -> p.withDetails(n,
        row.get("category").orElse(p.category()), price == null ? p.listPrice() : price, active));
    if (next.equals(p)) {
      t.unchanged++;
    } else {
      if (!req.dryRun()) {
        products.update(next);
      }
      t.updated++;
    }
  }

  /** A money field with the row's {@code currency} or the request's default. */
  static java.util.Optional<Money> money(Row row, ImportRequest req, String field) {
    java.util.Optional<String> amount = row.get(field);
    if (amount.isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.Currency currency = row.parse("currency", Money::currency)
        .or(req::defaultCurrency)
        .orElseThrow(() -> new RowException("currency", "missing, and the import sets no default currency"));
    return java.util.Optional.of(RowException.guard(field, amount.get(),
        v -> new Money(decimal(v), currency)));
  }

  /**
   * A plain decimal number: digits with an optional sign and fraction. Exponents ({@code 1e3}),
   * thousands separators, {@code NaN} and more than 30 digits are refused.
   */
  static BigDecimal decimal(String v) {
    if (!plainDecimal(v)) {
      throw new IllegalArgumentException("not a plain decimal number (digits, optional sign and '.'"
          + " fraction; no exponent or thousands separator)");
    }
    return new BigDecimal(v);
  }

  /** {@code [+-]?(digits[.digits?] | .digits)}, at most 30 digits. */
  private static boolean plainDecimal(String v) {
    int i = 0;
    int n = v.length();
    if (n > 0 && (v.charAt(0) == '+' || v.charAt(0) == '-')) {
      i++;
    }
    int digits = 0;
    boolean dot = false;
    for (; i < n; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits > 0 && digits <= 30;
  }

  static boolean bool(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("not true/false");
    };
  }

  /** How many rows one transaction imports on a storage whose nested transactions are savepoints. */
  static final int CHUNK = 512;

  /**
   * Rows (and rows the reader rejected, kept in line order) waiting to be imported. On a storage whose
   * nested transactions are savepoints ({@link org.ecrm.core.spi.Storage#nestedTransactionsAreSavepoints()})
   * a chunk is one transaction in which each row is a nested one: a failing row is rejected alone (its
   * writes and events undone) and the rest of the chunk is kept, while the chunk pays for one lock, one
   * commit and one event delivery. On a storage that batches writes
   * ({@link org.ecrm.core.spi.Storage#batchesWrites()}) customer rows are first tried as a batch
   * ({@link org.ecrm.core.spi.Storage#batchTransaction}): the customers the chunk's ids, e-mail addresses
   * and external ids name are read ahead, and the storage may send the chunk's writes together. Should
   * the batch fail as a whole (a key a concurrent writer took), the chunk runs again with a savepoint per
   * row; should that transaction fail too (a commit refused), the counts go back to where they were and
   * its rows are imported again one transaction each. On other storages every row is its own transaction.
   */
  private final class Chunks {
    private final ImportRequest request;
    private final RowHandler handler;
    private final Tally tally;
    private final boolean savepoints;
    private final java.util.function.@org.jspecify.annotations.Nullable Consumer<List<Row>> readAhead;
    private final List<Object> pending = new ArrayList<>(CHUNK);

    /** @param readAhead reads ahead what a chunk's rows look up, to run the chunk as a batch; null: no batch */
    Chunks(ImportRequest request, RowHandler handler, Tally tally,
        java.util.function.@org.jspecify.annotations.Nullable Consumer<List<Row>> readAhead) {
      this.request = request;
      this.handler = handler;
      this.tally = tally;
      this.savepoints = ctx.storage().nestedTransactionsAreSavepoints();
      this.readAhead = readAhead;
    }

    void add(Object rowOrRejection) {
      pending.add(rowOrRejection);
      if (pending.size() == CHUNK) {
        run();
      }
    }

    void run() {
      if (pending.isEmpty()) {
        return;
      }
      List<Object> chunk = List.copyOf(pending);
      pending.clear();
      if (!savepoints || chunk.size() == 1) {
        chunk.forEach(this::one);
        return;
      }
      String operation = "import " + request.kind() + " rows at lines " + line(chunk.get(0)) + " to "
          + line(chunk.get(chunk.size() - 1));
      var ahead = readAhead;
      if (ahead != null && attempt(chunk, () -> ctx.atomicallyAsBatch(operation, () -> {
        ahead.accept(chunk.stream().filter(Row.class::isInstance).map(Row.class::cast).toList());
        chunk.forEach(this::one);
        return null;
      }))) {
        return;
      }
      if (!attempt(chunk, () -> ctx.atomically(operation, () -> {
        chunk.forEach(this::one);
        return null;
      }))) {
        chunk.forEach(this::one);
      }
    }

    /** Runs the chunk in one transaction; false, with the counts and the handler's state put back, if it failed. */
    private boolean attempt(List<Object> chunk, Runnable transaction) {
      Tally.Mark mark = tally.mark();
      Object state = handler.save();
      try {
        transaction.run();
        return true;
      } catch (RuntimeException e) {
        tally.reset(mark);
        handler.restore(state);
        return false;
      }
    }

    private static long line(Object o) {
      return o instanceof Row r ? r.line() : ((RejectedRow) o).line();
    }

    /** One row as one operation (a savepoint inside a chunk). */
    private void one(Object o) {
      if (o instanceof RejectedRow r) {
        tally.rejections.add(r);
        return;
      }
      Row row = (Row) o;
      try {
        ctx.atomically(() -> "import " + request.kind() + " row at line " + row.line(), () -> {
          handler.accept(row, request, tally);
          return null;
        });
      } catch (RowException e) {
        tally.reject(row.line(), e.field, e.getMessage());
      } catch (RuntimeException e) {
        tally.reject(row.line(), "row", e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
  }

  /** Handles one row. */
  @FunctionalInterface
  interface RowHandler {
    void accept(Row row, ImportRequest request, Tally tally);

    /** The handler's state between rows, for {@link #restore} when a chunk is imported again. */
    default @org.jspecify.annotations.Nullable Object save() {
      return null;
    }

    /** Puts back a state from {@link #save}. */
    default void restore(@org.jspecify.annotations.Nullable Object state) { }
  }

  /** Counters and rejections of one run; reports progress. */
  static final class Tally {
    private final ImportRequest request;
    private final long start;
    long rows;
    long created;
    long updated;
    long unchanged;
    final List<RejectedRow> rejections = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Tally(ImportRequest request, long start) {
      this.request = request;
      this.start = start;
    }

    void row() {
      rows++;
      if (rows % request.progressEvery() == 0) {
        request.listener().onProgress(rows, rate(rows, start));
      }
    }

    /** The counts at one point, to go back to. */
    record Mark(long created, long updated, long unchanged, int rejections) { }

    Mark mark() {
      return new Mark(created, updated, unchanged, rejections.size());
    }

    void reset(Mark m) {
      created = m.created();
      updated = m.updated();
      unchanged = m.unchanged();
      rejections.subList(m.rejections(), rejections.size()).clear();
    }

    void reject(long line, String field, String reason) {
      rejections.add(new RejectedRow(line, field, reason));
    }
  }
}
