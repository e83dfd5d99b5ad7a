package org.ecrm.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.jdbc.JdbcStorage;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.survey.Answer;
import org.ecrm.core.survey.PreferenceMapping;
import org.ecrm.core.survey.Question;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.ecrm.examples.jdbc.HikariStorage;
import org.ecrm.segmentation.engine.CustomerKeys;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.RefundHandling;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.ecrm.segmentation.TransactionSources;
import org.ecrm.tracking.EventContext;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.TrackingEvent;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.Sessionizer;
import org.ecrm.tracking.session.VisitorProfile;
import org.ecrm.tracking.session.VisitorProfiles;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.WebLogImport;
import org.jspecify.annotations.Nullable;

/**
 * The demo behind the README's first command: the whole e-CRM life cycle on the in-memory default and
 * the small real data shipped in this module (a slice of UCI Online Retail, a slice of a real Apache
 * access log; see {@code demo/NOTICE.md}). Collect → aggregate → interact.
 */
public final class Demo {
  private static final String DATA = "/org/ecrm/examples/demo/";
  private static final Instant NOW = Instant.parse("2010-12-11T09:00:00Z");

  private Demo() {}

  /**
   * Runs the demo and prints to standard output. {@code --db JDBC_URL} keeps the CRM in that database
   * (e.g. {@code --db jdbc:h2:./crm-demo}, an H2 file) through the JDBC adapter, so a second run finds
   * the data of the first; without it the CRM lives in memory.
   */
  public static void main(String[] args) {
    String db = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--db") && i + 1 < args.length) {
        db = args[++i];
      } else if (args[i].startsWith("--db=")) {
        db = args[i].substring("--db=".length());
      } else {
        System.err.println("usage: Demo [--db JDBC_URL]   (e.g. --db jdbc:h2:./crm-demo); unknown argument: "
            + args[i]);
        System.exit(2);
      }
    }
    run(System.out, db);
  }

  /** Runs the demo in memory, printing to {@code out}. */
  public static void run(PrintStream out) {
    run(out, null);
  }

  /**
   * Runs the demo, printing to {@code out}; with a JDBC URL the CRM is kept in that database (the JDBC
   * adapter, {@link JdbcStorage}), and when it already holds the demo's customers the collect step
   * reuses them instead of importing again.
   */
  public static void run(PrintStream out, @Nullable String jdbcUrl) {
    if (jdbcUrl == null) {
      Crm crm = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential())
          .discoverStorage(false).build().as(Actor.service("demo"));
      story(out, crm);
      return;
    }
    try (JdbcStorage storage = HikariStorage.open(jdbcUrl);
        Crm base = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).storage(storage).build()) {
      out.println("storage: " + storage.databaseKind() + " at " + jdbcUrl);
      story(out, base.as(Actor.service("demo")));
    }
  }

  private static void story(PrintStream out, Crm crm) {
    out.println("== 1. Collect");
    long previous = crm.customers().count();
    if (previous == 0) {
      collect(out, crm);
    } else {
      out.printf("  found %,d customers and %,d orders from a previous run; not importing again%n", previous,
          crm.orders().count());
    }
    Customer ada = crm.customers().require(CustomerId.of("17850"));
    Customer bob = crm.customers().require(CustomerId.of("13047"));
    out.println("  preferences of " + ada.name() + ": " + crm.preferences().get(ada.id()).topics() + " via "
        + crm.preferences().get(ada.id()).channels());

    VisitorProfiles logProfiles = new VisitorProfiles(PathCategories.NONE, 3);
    ImportReport log = WebLogImport.builder().ipMasking(IpMasking.DEFAULT).sessionSink(logProfiles).build()
        .run(open("apache-access-slice.log.gz"));
    out.printf("  web log: %,d lines, %,d page views, %,d sessions, %,d visitors, %,d returning (IPs masked)%n",
        log.read().lines(), log.pageViews(), log.sessions().sessions(), logProfiles.visitors(),
        logProfiles.returningVisitors());

    // tracking events: an anonymous visitor browses twice, then signs in as Ada
    IdentityResolver identity = IdentityResolver.forCustomers(crm.customers());
    VisitorProfiles webProfiles = new VisitorProfiles(PathCategories.of(Map.of(
        "/candles", "home-decor", "/kitchen", "kitchen", "/garden", "garden")), 3);
    Sessionizer sessions = Sessionizer.builder().sink(webProfiles).build();
    Instant t = NOW.minus(Duration.ofDays(3));
    for (String path : List.of("/candles/lantern", "/candles/t-light", "/kitchen/cake-tin")) {
      track(identity, sessions, TrackingEvent.builder(EventType.PAGE).messageId("m-" + path + t).anonymousId("anon-7").timestamp(t)
          .context(EventContext.page("https://shop.example" + path, path, "")).build());
      t = t.plusSeconds(90);
    }
    t = NOW.minus(Duration.ofHours(2));
    for (String path : List.of("/candles/star", "/garden/bird-box")) {
      track(identity, sessions, TrackingEvent.builder(EventType.PAGE).messageId("m-" + path + t).anonymousId("anon-7").timestamp(t)
          .context(EventContext.page("https://shop.example" + path, path, "")).build());
      t = t.plusSeconds(60);
    }
    track(identity, sessions, TrackingEvent.builder(EventType.IDENTIFY).messageId("m-identify").anonymousId("anon-7").userId("u-17850")
        .timestamp(t).build());
    sessions.finish();

    out.println("== 2. Aggregate");
    CustomerKeys keys = new CustomerKeys();
    RfmResult rfm = RfmAnalysis.builder().asOf(LocalDate.of(2010, 12, 11)).build()
        .run(TransactionSources.orders(crm, Currency.getInstance("GBP"), ZoneId.of("Europe/London"),
            RefundHandling.NETTED, keys));
    out.println("  RFM segments (NTILE 5, as of 2010-12-11):");
    rfm.segments().stream().sorted(Comparator.comparingInt(SegmentSummary::customers).reversed())
        .forEach(s -> out.printf("    %-20s %4d customers  %12s%n", s.segment(), s.customers(), s.revenue()));
    Pareto pareto = Pareto.of(rfm);
    out.printf("  Pareto: %.1f %% of customers make 80 %% of revenue; Gini %.2f%n",
        100 * pareto.shareOfCustomersForLimitA(), pareto.gini());

    out.println("== 3. Interact");
    Optional<CustomerId> recognised = identity.customerFor("u-17850");
    Customer who = crm.customers().require(recognised.orElseThrow(
        () -> new IllegalStateException("user u-17850 is not linked to a customer")));
    VisitorProfile visits = identity.anonymousIdsOf("u-17850").stream().map(webProfiles::profile)
        .flatMap(Optional::stream).findFirst().orElseThrow(
            () -> new IllegalStateException("no browsing profile for the anonymous ids of u-17850"));
    String segment = rfm.find(keys.keyOf(who.id())).map(c -> c.segment()).orElse("not scored");
    out.printf("  Welcome back, %s! (segment %s, %d visits, interests %s, preferences %s)%n",
        who.name().given(), segment, visits.sessions(),
        visits.interests().stream().map(Map.Entry::getKey).toList(), crm.preferences().get(who.id()).topics());
    out.println("  who to contact with offers, per segment, through a consented channel:");
    for (Customer c : List.of(crm.customers().require(ada.id()), crm.customers().require(bob.id()))) {
      String seg = rfm.find(keys.keyOf(c.id())).map(x -> x.segment()).orElse("not scored");
      Optional<Channel> channel = List.of(Channel.EMAIL, Channel.SMS).stream()
          .filter(ch -> crm.consents().canContact(c.id(), ch, "offers")).findFirst();
      out.printf("    %-14s %-20s -> %s%n", c.name().full(), seg, channel.map(Enum::name).orElse("no consent"));
    }
    long reachable = crm.customers().stream(org.ecrm.core.model.CustomerFilter.all())
        .filter(c -> crm.consents().canContact(c.id(), Channel.EMAIL, "offers")
            || crm.consents().canContact(c.id(), Channel.SMS, "offers")).count();
    out.printf("  %,d of %,d customers may receive offers; the rest have not consented%n", reachable,
        crm.customers().count());
  }

  /** Imports the purchases, names two customers, records their consents and a questionnaire answer. */
  private static void collect(PrintStream out, Crm crm) {
    ImportResult customers = importRetail(crm, ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
        .map("CustomerID", "id").map("Country", "attr.country")
        .transform("id", Demo::stripFloat).build());
    ImportResult orders = importRetail(crm, ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV)
        .map("InvoiceNo", "orderId").map("StockCode", "sku").map("Quantity", "quantity")
        .map("InvoiceDate", "placedAt").map("UnitPrice", "unitPrice").map("CustomerID", "customerId")
        .defaultCurrency("GBP").dateTimeFormat("yyyy-MM-dd HH:mm:ss", "Europe/London")
        .cancellationPrefix("C").transform("customerId", Demo::stripFloat).build());
    out.printf("  purchases: %,d rows -> %,d customers, %,d orders, %,d cancellation rows as refunds, %,d rows rejected %s%n",
        orders.rows(), customers.created(), orders.created(), orders.updated(), orders.rejected(),
        orders.rejectedByField());

    Customer ada = crm.customers().modify(CustomerId.of("17850"),
        b -> b.name("Ada", "Lovelace").email("ada@example.com").externalId(ExternalId.WEB_USER, "u-17850"));
    Customer bob = crm.customers().modify(CustomerId.of("13047"),
        b -> b.name("Bob", "Babbage").email("bob@example.com").phone("+44 20 7946 0001"));
    crm.consents().grant(ada.id(), Channel.EMAIL, "offers", LawfulBasis.CONSENT, "signup-form");
    crm.consents().grant(bob.id(), Channel.SMS, "offers", LawfulBasis.CONSENT, "in-store");
    Questionnaire q = crm.surveys().define(Questionnaire.of("welcome", "Welcome survey", 1,
        Question.multipleChoice("interests", "What do you like?", "candles", "kitchen", "garden"),
        Question.singleChoice("contact", "How should we reach you?", "e-mail", "sms"),
        Question.nps("nps", "Would you recommend us?")));
    PreferenceMapping mapping = PreferenceMapping.builder(q).topic("interests", "candles", "home-decor")
        .topic("interests", "kitchen", "kitchen").channel("contact", "e-mail", Channel.EMAIL)
        .channel("contact", "sms", Channel.SMS).build();
    crm.surveys().record(Response.of(q, ada.id(), NOW, Channel.WEB, Map.of("interests",
        Answer.choices("candles", "kitchen"), "contact", Answer.choice("e-mail"), "nps", Answer.scale(9))), mapping);
    out.println("  questionnaire answered by " + ada.name());
  }

  private static void track(IdentityResolver identity, Sessionizer sessions, TrackingEvent e) {
    identity.observe(e);
    if (e.type() == EventType.PAGE) {
      sessions.accept(Hit.of(e));
    }
  }

  private static ImportResult importRetail(Crm crm, ImportRequest request) {
    try (Reader in = new InputStreamReader(open("online-retail-slice.csv.gz"), StandardCharsets.UTF_8)) {
      return crm.imports().run(request, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream raw = Demo.class.getResourceAsStream(DATA + name);
    if (raw == null) {
      throw new IllegalStateException("demo data " + name + " is missing from the jar");
    }
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stripFloat(String v) {
    return v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
  }

}
