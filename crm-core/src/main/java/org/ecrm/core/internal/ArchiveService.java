package org.ecrm.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ecrm.core.b2b.Opportunity;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.model.Product;
import org.ecrm.core.service.Archive;
import org.ecrm.core.service.ArchiveSummary;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.support.Article;
import org.ecrm.core.support.SupportCase;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@link Archive} over a {@link Storage}. Thread-safe. */
public final class ArchiveService implements Archive {
  static final String FORMAT = "ecrm-archive";
  static final int VERSION = 1;
  private static final int PAGE = 1000;

  private static final String PART = "The archive (Crm.archive())";
  private final Storage storage;
  private final Object importLock = new Object();

  /** @param storage the storage to read and write */
  public ArchiveService(Storage storage) {
    this.storage = storage;
  }

  @Override
  public ArchiveSummary exportAll(Writer out) {
    Checks.notNull("out", out);
    JsonMapper mapper = Json.mapper(PART);
    Map<String, Long> counts = new LinkedHashMap<>();
    try {
      ObjectNode header = mapper.createObjectNode();
      header.put("format", FORMAT);
      header.put("version", VERSION);
      out.write(mapper.writeValueAsString(header));
      out.write('\n');
      exportType(mapper, out, counts, "customer", storage.customers()::scan, Customer::id);
      exportType(mapper, out, counts, "account", storage.accounts()::scan, Account::id);
      exportType(mapper, out, counts, "product", storage.products()::scan, Product::sku);
      exportType(mapper, out, counts, "order", storage.orders()::scan, Order::id);
      exportType(mapper, out, counts, "interaction", storage.interactions()::scan, Interaction::id);
      exportType(mapper, out, counts, "case", storage.cases()::scan, SupportCase::id);
      exportType(mapper, out, counts, "article", storage.articles()::scan, Article::id);
      exportType(mapper, out, counts, "opportunity", storage.opportunities()::scan, Opportunity::id);
      for (Questionnaire q : storage.surveys().questionnaires()) {
        line(mapper, out, counts, "questionnaire", q);
      }
      for (Questionnaire q : storage.surveys().questionnaires()) {
        for (Response r : storage.surveys().responsesTo(q.id(), q.version())) {
          line(mapper, out, counts, "response", r);
        }
      }
      exportHistory(mapper, out, counts, "consent", storage.consents()::scanCustomers, storage.consents()::history);
      exportHistory(mapper, out, counts, "preferences", storage.preferences()::scanCustomers,
          storage.preferences()::history);
      exportHistory(mapper, out, counts, "points", storage.ledger()::scanCustomers, storage.ledger()::history);
      for (long offset = 0; ; ) {
        List<AuditRecord> page = storage.audit().scan(offset, PAGE);
        offset += page.size();
        for (AuditRecord r : page) {
          line(mapper, out, counts, "audit", r);
        }
        if (page.isEmpty()) { // only an empty page is the end: a store may page by less
          break;
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the archive failed", e);
    }
    return new ArchiveSummary(counts, List.of());
  }

  private static <K, V> void exportType(JsonMapper mapper, Writer out, Map<String, Long> counts, String type,
      BiFunction<@Nullable K, Integer, List<V>> scan, Function<V, K> key) throws IOException {
    K after = null;
    while (true) {
      List<V> page = scan.apply(after, PAGE);
      for (V v : page) {
        line(mapper, out, counts, type, v);
      }
      if (page.isEmpty()) {
        return;
      }
      after = key.apply(page.get(page.size() - 1));
    }
  }

  private static void exportHistory(JsonMapper mapper, Writer out, Map<String, Long> counts, String type,
      BiFunction<@Nullable CustomerId, Integer, List<CustomerId>> customers,
      Function<CustomerId, List<?>> history) throws IOException {
    CustomerId after = null;
    while (true) {
      List<CustomerId> ids = customers.apply(after, PAGE);
      for (CustomerId id : ids) {
        for (Object r : history.apply(id)) {
          line(mapper, out, counts, type, r);
        }
      }
      if (ids.isEmpty()) {
        return;
      }
      after = ids.get(ids.size() - 1);
    }
  }

  private static void line(JsonMapper mapper, Writer out, Map<String, Long> counts, String type, Object record)
      throws IOException {
    ObjectNode n = mapper.createObjectNode();
    n.put("type", type);
    n.set("data", mapper.valueToTree(record));
    out.write(mapper.writeValueAsString(n));
    out.write('\n');
    counts.merge(type, 1L, Long::sum);
  }

  /** Record types in the order they are stored (referenced types before the types referring to them). */
  private static final Map<String, Class<?>> TYPES = types();

  private static Map<String, Class<?>> types() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("customer", Customer.class);
    m.put("account", Account.class);
    m.put("product", Product.class);
    m.put("order", Order.class);
    m.put("interaction", Interaction.class);
    m.put("case", SupportCase.class);
    m.put("article", Article.class);
    m.put("opportunity", Opportunity.class);
    m.put("questionnaire", Questionnaire.class);
    m.put("response", Response.class);
    m.put("consent", ConsentRecord.class);
    m.put("preferences", Preferences.class);
    m.put("points", PointsEntry.class);
    m.put("audit", AuditRecord.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** A line read and validated on its own. */
  private record Parsed(long line, String type, Object value) { }

  @Override
  public ArchiveSummary importAll(Reader in, Mode mode) {
    Checks.notNull("in", in);
    Checks.notNull("mode", mode);
    synchronized (importLock) { // one archive import at a time: the checks hold until its records are stored
      return importChecked(in, mode);
    }
  }

  private ArchiveSummary importChecked(Reader in, Mode mode) {
    List<ArchiveSummary.Rejected> rejected = new ArrayList<>();
    List<Parsed> records = new ArrayList<>();
    Validator validator = new Validator(storage);
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      String first = reader.readLine();
      checkHeader(first == null ? null : stripBom(first));
      long lineNo = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Parsed p = parse(lineNo, line);
          validator.claim(p);
          records.add(p);
        } catch (StreamReadException e) {
          rejected.add(new ArchiveSummary.Rejected(lineNo, "not a complete JSON record (truncated line?): "
              + e.getOriginalMessage()));
        } catch (JacksonException e) {
          rejected.add(new ArchiveSummary.Rejected(lineNo, "invalid data: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException | org.ecrm.core.model.CrmException e) {
          rejected.add(new ArchiveSummary.Rejected(lineNo, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the archive failed", e);
    }
    // references, in type order: a record whose referent was rejected is rejected too
    records.sort(java.util.Comparator.comparingInt((Parsed p) -> typeRank(p.type())));
    List<Parsed> valid = new ArrayList<>(records.size());
    for (Parsed p : records) {
      String problem = validator.references(p);
      if (problem == null) {
        valid.add(p);
      } else {
        validator.forget(p);
        rejected.add(new ArchiveSummary.Rejected(p.line(), problem));
      }
    }
    rejected.sort(java.util.Comparator.comparingLong(ArchiveSummary.Rejected::line));
    Map<String, Long> counts = new LinkedHashMap<>();
    if (mode == Mode.STRICT && !rejected.isEmpty()) {
      return new ArchiveSummary(counts, rejected);
    }
    List<ArchiveSummary.Rejected> failed = new ArrayList<>();
    for (Parsed p : valid) {
      try {
        store(p);
        counts.merge(p.type(), 1L, Long::sum);
      } catch (RuntimeException e) {
        failed.add(new ArchiveSummary.Rejected(p.line(), "not stored: " + e.getMessage()));
      }
    }
    if (!failed.isEmpty()) {
      rejected.addAll(failed);
      rejected.sort(java.util.Comparator.comparingLong(ArchiveSummary.Rejected::line));
    }
    return new ArchiveSummary(counts, rejected);
  }

  private static int typeRank(String type) {
    int i = 0;
    for (String t : TYPES.keySet()) {
      if (t.equals(type)) {
        return i;
      }
      i++;
    }
    return i;
  }

  private static Parsed parse(long lineNo, String line) {
    JsonNode n = Json.mapper(PART).readTree(line);
    JsonNode type = n.get("type");
    JsonNode data = n.get("data");
    if (type == null || !type.isString() || data == null || !data.isObject()) {
      throw new IllegalArgumentException("a record line needs \"type\" and an object \"data\"");
    }
    Class<?> cls = TYPES.get(type.stringValue());
    if (cls == null) {
      throw new IllegalArgumentException("unknown record type '" + Checks.abbreviate(type.stringValue())
          + "' (known: " + String.join(", ", TYPES.keySet()) + ")");
    }
    return new Parsed(lineNo, type.stringValue(), Json.mapper(PART).treeToValue(data, cls));
  }

  private void store(Parsed p) {
    Object v = p.value();
    if (v instanceof Customer c) {
      storage.customers().insert(c);
    } else if (v instanceof Account a) {
      storage.accounts().insert(a);
    } else if (v instanceof Product pr) {
      storage.products().insert(pr);
    } else if (v instanceof Order o) {
      storage.orders().insert(o);
    } else if (v instanceof Interaction i) {
      storage.interactions().insert(i);
    } else if (v instanceof SupportCase c) {
      storage.cases().insert(c);
    } else if (v instanceof Article a) {
      storage.articles().insert(a);
    } else if (v instanceof Opportunity o) {
      storage.opportunities().insert(o);
    } else if (v instanceof Questionnaire q) {
      storage.surveys().putQuestionnaire(q);
    } else if (v instanceof Response r) {
      storage.surveys().appendResponse(r);
    } else if (v instanceof ConsentRecord c) {
      storage.consents().append(c);
    } else if (v instanceof Preferences pr) {
      storage.preferences().append(pr);
    } else if (v instanceof PointsEntry e) {
      storage.ledger().append(e);
    } else if (v instanceof AuditRecord r) {
      storage.audit().append(r);
    } else {
      throw new IllegalStateException("no store for " + p.type());
    }
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /**
   * The keys and references of an archive being imported: unique keys against the other lines and
   * the storage, references against the lines kept so far and the storage. Not thread-safe.
   */
  private static final class Validator {
    private final Storage storage;
    /** Unique key ("type:key") to the line that holds it. */
    private final Map<String, Long> keys = new java.util.HashMap<>();
    /** Keys per line, so a record rejected for its references gives its keys back. */
    private final Map<Long, List<String>> keysOf = new java.util.HashMap<>();

    Validator(Storage storage) {
      this.storage = storage;
    }

    /** Claims the record's unique keys, failing naming the first line or the storage holding one. */
    void claim(Parsed p) {
      List<String> mine = new ArrayList<>();
      Object v = p.value();
      if (v instanceof Customer c) {
        key(p, mine, "customer id", c.id().value(), storage.customers().get(c.id()).isPresent());
        for (var e : c.emails()) {
          key(p, mine, "e-mail address", e.toString(), storage.customers().findByEmail(e).isPresent());
        }
        for (var x : c.externalIds()) {
          key(p, mine, "external id", x.toString(), storage.customers().findByExternalId(x).isPresent());
        }
      } else if (v instanceof Account a) {
        key(p, mine, "account id", a.id().value(), storage.accounts().get(a.id()).isPresent());
      } else if (v instanceof Product pr) {
        key(p, mine, "product sku", pr.sku().value(), storage.products().get(pr.sku()).isPresent());
      } else if (v instanceof Order o) {
        key(p, mine, "order id", o.id().value(), storage.orders().get(o.id()).isPresent());
      } else if (v instanceof Interaction i) {
        key(p, mine, "interaction id", i.id().value(), storage.interactions().get(i.id()).isPresent());
      } else if (v instanceof SupportCase c) {
        key(p, mine, "case id", c.id(), storage.cases().get(c.id()).isPresent());
      } else if (v instanceof Article a) {
        key(p, mine, "article id", a.id(), storage.articles().get(a.id()).isPresent());
      } else if (v instanceof Opportunity o) {
        key(p, mine, "opportunity id", o.id(), storage.opportunities().get(o.id()).isPresent());
      } else if (v instanceof Questionnaire q) {
        key(p, mine, "questionnaire version", q.id() + "@" + q.version(),
            storage.surveys().questionnaire(q.id(), q.version()).isPresent());
      } else if (v instanceof PointsEntry e) {
        key(p, mine, "points source event", e.customerId().value() + "/" + e.sourceEvent(),
            storage.ledger().history(e.customerId()).stream().anyMatch(x -> x.sourceEvent().equals(e.sourceEvent())));
      }
      if (!mine.isEmpty()) {
        keysOf.put(p.line(), mine);
      }
    }

    private void key(Parsed p, List<String> mine, String what, String value, boolean inStorage) {
      if (inStorage) {
        rollback(mine);
        throw new IllegalArgumentException(what + " '" + value + "' already exists in the storage");
      }
      String k = what + ":" + value;
      Long before = keys.putIfAbsent(k, p.line());
      if (before != null) {
        rollback(mine);
        throw new IllegalArgumentException("duplicate " + what + " '" + value + "' (first on line " + before + ")");
      }
      mine.add(k);
    }

    private void rollback(List<String> mine) {
      mine.forEach(keys::remove);
    }

    void forget(Parsed p) {
      List<String> mine = keysOf.remove(p.line());
      if (mine != null) {
        rollback(mine);
      }
    }

    /** The first broken reference of a record, or null. */
    @Nullable String references(Parsed p) {
      Object v = p.value();
      if (v instanceof Account a) {
        return a.contacts().stream().map(c -> customer("contacts.customerId", c.customerId()))
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
      } else if (v instanceof Order o) {
        return customer("customerId", o.customerId());
      } else if (v instanceof Interaction i) {
        return customer("customerId", i.customerId());
      } else if (v instanceof SupportCase c) {
        return customer("customerId", c.customerId());
      } else if (v instanceof ConsentRecord c) {
        return customer("customerId", c.customerId());
      } else if (v instanceof Preferences pr) {
        return customer("customerId", pr.customerId());
      } else if (v instanceof PointsEntry e) {
        return customer("customerId", e.customerId());
      } else if (v instanceof Opportunity o) {
        return keys.containsKey("account id:" + o.accountId().value())
            || storage.accounts().get(o.accountId()).isPresent() ? null
            : "accountId: unknown account '" + o.accountId().value() + "' (not in the archive or the storage)";
      } else if (v instanceof Response r) {
        String c = customer("customerId", r.customerId());
        if (c != null) {
          return c;
        }
        return keys.containsKey("questionnaire version:" + r.questionnaireId() + "@" + r.questionnaireVersion())
            || storage.surveys().questionnaire(r.questionnaireId(), r.questionnaireVersion()).isPresent() ? null
            : "questionnaireId: unknown questionnaire '" + r.questionnaireId() + "' version "
                + r.questionnaireVersion() + " (not in the archive or the storage)";
      }
      return null;
    }

    /** Null when the customer is in the archive, in the storage, or an erasure pseudonym. */
    private @Nullable String customer(String field, CustomerId id) {
      if (id.value().startsWith(PrivacyService.PSEUDONYM_PREFIX) || keys.containsKey("customer id:" + id.value())
          || storage.customers().get(id).isPresent()) {
        return null;
      }
      return field + ": unknown customer '" + id.value() + "' (not in the archive or the storage)";
    }
  }

  private static void checkHeader(@Nullable String first) {
    try {
      JsonNode h = first == null ? null : Json.mapper(PART).readTree(first);
      if (h != null && h.path("format").isString() && FORMAT.equals(h.path("format").stringValue())) {
        JsonNode v = h.path("version");
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() == VERSION) {
          return;
        }
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() > VERSION) {
          throw Checks.invalid("archive header", "line 1: archive version " + v.intValue()
              + " is newer than this library reads (" + VERSION + "); nothing was imported", v);
        }
        throw Checks.invalid("archive header", "line 1: unsupported archive version (this library reads exactly "
            + VERSION + "); nothing was imported", Checks.abbreviate(v.toString()));
      }
    } catch (JacksonException e) {
      // reported below
    }
    throw Checks.invalid("archive header", "line 1 is not {\"format\":\"" + FORMAT
        + "\",\"version\":" + VERSION + "}", first == null ? "" : Checks.abbreviate(first));
  }
}
