package org.example.consumer;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ecrm.core.Crm;
import org.ecrm.core.jdbc.JdbcStorage;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.service.ArchiveSummary;
import org.ecrm.segmentation.engine.CustomerKeys;
import org.ecrm.segmentation.RefundHandling;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.TransactionSources;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.InMemoryEventSink;
import org.ecrm.tracking.TrackResult;
import org.ecrm.tracking.Tracker;

/**
 * What a host does first with the library: the README's embedding snippet, a Tracker fed JSON events, RFM
 * over the CRM's orders, a segment table from JSON, the archive, and the JDBC storage on an H2 database the
 * host owns. Exits non-zero on any mismatch.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String mode = System.getProperty("consumer.mode", "classpath");
    String annotations = System.getProperty("consumer.annotations", "bom");
    boolean named = Crm.class.getModule().isNamed();
    check(named == mode.equals("module"), "crm-core in a named module: " + named + " (mode " + mode + ")");
    check(Main.class.getModule().isNamed() == named, "the consumer's own module state");
    String found = annotationsVersion();
    boolean old = annotations.startsWith("2.18");
    check(!old || found.startsWith("2.18"), "jackson-annotations pinned to 2.18, found " + found);

    // the README's embedding snippet
    Crm crm = Crm.builder().build();
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
    crm.orders().place(Order.builder(ada.id()).line("BOOK-1", 2, Money.of("12.50", "EUR")));
    crm.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "signup-form");
    boolean mayEmail = crm.consents().canContact(ada.id(), Channel.EMAIL, "newsletter");
    check(mayEmail, "consent granted");
    Customer bob = crm.customers().create(Customer.builder().name("Bob", "Byte").email("bob@example.com"));
    crm.orders().place(Order.builder(bob.id()).line("PEN-1", 1, Money.of("3.00", "EUR")));

    // a Tracker fed JSON events (jackson-core streaming only)
    InMemoryEventSink sink = EventSink.inMemory();
    try (Tracker tracker = Tracker.builder().sink(sink).build()) {
      check(tracker.track("{\"type\":\"page\",\"messageId\":\"m-1\",\"anonymousId\":\"a-1\",\"name\":\"Home\","
          + "\"context\":{\"page\":{\"url\":\"https://shop.example/?utm_source=news\"}}}") == TrackResult.ACCEPTED,
          "page event accepted");
      check(tracker.track("{\"type\":\"track\",\"messageId\":\"m-2\",\"userId\":\"u-1\",\"event\":\"Order Completed\","
          + "\"properties\":{\"revenue\":25.0,\"items\":[\"BOOK-1\"]}}") == TrackResult.ACCEPTED, "track event accepted");
      check(tracker.track("{\"type\":\"track\",\"messageId\":\"m-2\",\"userId\":\"u-1\",\"event\":\"Order Completed\"}")
          == TrackResult.DUPLICATE, "repeated message id is a duplicate");
      check(tracker.track("{\"type\":\"page\",") == TrackResult.INVALID, "malformed JSON is invalid");
      check(tracker.flush(), "tracker flushed");
    }
    check(sink.events().size() == 2, "two events delivered, got " + sink.events().size());

    // RFM over the CRM's orders, named segments from a JSON table
    RfmResult rfm = RfmAnalysis.builder().asOf(LocalDate.now(ZoneOffset.UTC).plusDays(1)).build()
        .run(TransactionSources.orders(crm, Currency.getInstance("EUR"), ZoneOffset.UTC, RefundHandling.NETTED,
            new CustomerKeys()));
    check(rfm.size() == 2, "RFM scored both customers, got " + rfm.size());
    SegmentTable table = SegmentTable.fromJson("{\"bins\":5,\"rules\":[{\"name\":\"All\",\"r\":[1,5],"
        + "\"f\":[1,5],\"m\":[1,5]}]}");
    check(table.rules().size() == 1, "segment table read");
    StringWriter rfmJson = new StringWriter();
    rfm.writeJson(rfmJson);
    check(rfmJson.toString().startsWith("{\"asOf\""), "RFM result as JSON");

    // the archive binds domain records with jackson-databind: works with the BOM's jackson-annotations,
    // fails up front naming the conflict and the fix with an older one
    StringWriter archive = new StringWriter();
    if (old) {
      try {
        crm.archive().exportAll(archive);
        throw new AssertionError("the archive ran with jackson-annotations " + found);
      } catch (IllegalStateException e) {
        check(e.getMessage().contains("jackson-annotations 2.22 or newer")
            && e.getMessage().contains("has jackson-annotations " + found) && e.getMessage().contains("Fix:"),
            "clear error: " + e.getMessage());
        System.out.println("archive refused as expected: " + e.getMessage());
      }
    } else {
      crm.archive().exportAll(archive);
      Crm copy = Crm.builder().build();
      ArchiveSummary in = copy.archive().importAll(new StringReader(archive.toString()));
      check(in.rejected().isEmpty() && copy.customers().count() == 2, "archive round trip: " + in);
    }
    // JDBC storage in crm-core on the host's own DataSource (H2 here); it stores records as JSON with
    // jackson-databind, so with an older jackson-annotations it is refused when built, naming the fix
    DataSource h2 = new DriverDataSource("jdbc:h2:mem:consumer;DB_CLOSE_DELAY=-1");
    if (old) {
      try {
        JdbcStorage.builder(h2).build();
        throw new AssertionError("the JDBC storage was built with jackson-annotations " + found);
      } catch (IllegalStateException e) {
        check(e.getMessage().contains("jackson-annotations 2.22 or newer") && e.getMessage().contains("Fix:"),
            "clear error from the JDBC storage: " + e.getMessage());
        System.out.println("JDBC storage refused as expected: " + e.getMessage());
      }
    } else {
      try (Crm onH2 = Crm.builder().storage(JdbcStorage.builder(h2).build()).build()) {
        Customer grace = onH2.customers().create(Customer.builder().name("Grace", "Hopper")
            .email("grace@example.com"));
        onH2.orders().place(Order.builder(grace.id()).line("COBOL-1", 1, Money.of("42.00", "EUR")));
        check(onH2.customers().findByEmail(grace.emails().get(0)).isPresent()
            && onH2.orders().ofCustomer(grace.id()).size() == 1, "JDBC storage on H2: customer and order stored");
      }
      try (Crm reopened = Crm.builder().storage(JdbcStorage.builder(h2).build()).build()) {
        check(reopened.customers().count() == 1, "JDBC storage on H2: data there after reopening");
      }
      System.out.println("JDBC storage on H2 OK");
    }
    System.out.println("consumer OK: mode=" + mode + ", crm-core module=" + Crm.class.getModule().getName()
        + ", jackson-annotations=" + found + ", events=" + sink.events().size() + ", rfm customers=" + rfm.size());
  }

  private static String annotationsVersion() {
    try {
      Class<?> c = Class.forName("com.fasterxml.jackson.annotation.JsonProperty");
      String v = c.getPackage().getImplementationVersion();
      if (v == null && c.getModule().getDescriptor() != null) {
        v = c.getModule().getDescriptor().rawVersion().orElse(null);
      }
      return v == null ? "unknown" : v;
    } catch (ClassNotFoundException e) {
      return "absent";
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("consumer check failed: " + what);
    }
  }

  /** The smallest host DataSource: a connection per call from the driver manager. */
  private static final class DriverDataSource implements DataSource {
    private final String url;

    DriverDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) { }

    @Override
    public void setLoginTimeout(int seconds) { }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
