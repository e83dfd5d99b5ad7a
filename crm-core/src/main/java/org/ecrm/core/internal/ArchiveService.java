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
import java.util.function.Consumer;
import java.util.function.Function;
import org.ecrm.core.Archive;
import org.ecrm.core.ArchiveSummary;
import org.ecrm.core.b2b.Opportunity;
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
import org.ecrm.core.spi.Storage;
import org.ecrm.core.support.Article;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.ecrm.core.support.SupportCase;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
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
      exportHistory(mapper, out, counts, "points", storage.ledger()::scanCustomers, storage.ledger()::entries);
      for (long offset = 0; ; offset += PAGE) {
        List<AuditRecord> page = storage.audit().scan(offset, PAGE);
        for (AuditRecord r : page) {
          line(mapper, out, counts, "audit", r);
        }
        if (page.size() < PAGE) {
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
      if (page.size() < PAGE) {
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
      if (ids.size() < PAGE) {
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

  @Override
  public ArchiveSummary importAll(Reader in) {
    Checks.notNull("in", in);
    JsonMapper mapper = Json.mapper(PART);
    Map<String, Long> counts = new LinkedHashMap<>();
    List<ArchiveSummary.Rejected> rejected = new ArrayList<>();
    Map<String, Consumer<JsonNode>> writers = Map.ofEntries(
        Map.entry("customer", d -> storage.customers().insert(mapper.treeToValue(d, Customer.class))),
        Map.entry("account", d -> storage.accounts().insert(mapper.treeToValue(d, Account.class))),
        Map.entry("product", d -> storage.products().insert(mapper.treeToValue(d, Product.class))),
        Map.entry("order", d -> storage.orders().insert(mapper.treeToValue(d, Order.class))),
        Map.entry("interaction", d -> storage.interactions().insert(mapper.treeToValue(d, Interaction.class))),
        Map.entry("article", d -> storage.articles().insert(mapper.treeToValue(d, Article.class))),
        Map.entry("opportunity", d -> storage.opportunities().insert(mapper.treeToValue(d, Opportunity.class))),
        Map.entry("questionnaire", d -> storage.surveys().putQuestionnaire(mapper.treeToValue(d, Questionnaire.class))),
        Map.entry("response", d -> storage.surveys().appendResponse(mapper.treeToValue(d, Response.class))),
        Map.entry("case", d -> storage.cases().insert(mapper.treeToValue(d, SupportCase.class))),
        Map.entry("consent", d -> storage.consents().append(mapper.treeToValue(d, ConsentRecord.class))),
        Map.entry("preferences", d -> storage.preferences().append(mapper.treeToValue(d, Preferences.class))),
        Map.entry("points", d -> storage.ledger().append(mapper.treeToValue(d, PointsEntry.class))),
        Map.entry("audit", d -> storage.audit().append(mapper.treeToValue(d, AuditRecord.class))));
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      String first = reader.readLine();
      checkHeader(mapper, first);
      long lineNo = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = mapper.readTree(line);
          JsonNode type = n.get("type");
          JsonNode data = n.get("data");
          if (type == null || !type.isString() || data == null || !data.isObject()) {
            throw new IllegalArgumentException("a record line needs \"type\" and an object \"data\"");
          }
          Consumer<JsonNode> writer = writers.get(type.stringValue());
          if (writer == null) {
            throw new IllegalArgumentException("unknown record type '" + type.stringValue() + "'");
          }
          writer.accept(data);
          counts.merge(type.stringValue(), 1L, Long::sum);
        } catch (JacksonException | IllegalArgumentException | org.ecrm.core.CrmException e) {
          rejected.add(new ArchiveSummary.Rejected(lineNo, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the archive failed", e);
    }
    return new ArchiveSummary(counts, rejected);
  }

  private static void checkHeader(JsonMapper mapper, @Nullable String first) {
    try {
      JsonNode h = first == null ? null : mapper.readTree(first);
      if (h != null && FORMAT.equals(h.path("format").asString(""))) {
        int v = h.path("version").asInt(-1);
        if (v == VERSION) {
          return;
        }
        throw Checks.invalid("archive header", "unsupported archive version (this library reads "
            + VERSION + ")", v);
      }
    } catch (JacksonException e) {
      // reported below
    }
    throw Checks.invalid("archive header", "line 1 is not {\"format\":\"" + FORMAT
        + "\",\"version\":" + VERSION + "}", first == null ? "" : Checks.abbreviate(first));
  }
}
