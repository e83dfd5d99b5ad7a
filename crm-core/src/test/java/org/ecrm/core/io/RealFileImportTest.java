package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.PostalAddress;
import org.junit.jupiter.api.Test;

/**
 * Files as shops and sign-up forms export them: date-only order dates, customer lists without an id
 * column, a country (or city, postal code, region) without a street. Each case through
 * {@code crm.imports()}, bad rows included.
 */
class RealFileImportTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
  private final Crm crm = Crm.builder().discoverStorage(false).clock(CLOCK)
      .idGenerator(IdGenerator.sequential()).build();

  private ImportResult run(ImportRequest r, String input) {
    return crm.imports().run(r, new StringReader(input));
  }

  private static ImportRequest.Builder customersCsv() {
    return ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV);
  }

  private static ImportRequest.Builder orders() {
    return ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV).defaultCurrency("GBP");
  }

  private Customer byEmail(String email) {
    return crm.customers().findByEmail(EmailAddress.of(email)).orElseThrow();
  }

  // ---------------------------------------------------------------- date-only timestamps

  @Test
  void ordersWithDateOnlyPlacedAt_andADatePattern_arePlacedAtTheStartOfTheDayInUtcByDefault() {
    crm.customers().create(Customer.builder().id("k1"));
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o1,k1,2024-01-05,A,1,2.00
        o2,k1,2024-07-01,B,2,3.00
        """;
    ImportResult r = run(orders().dateTimeFormat("yyyy-MM-dd").build(), csv);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.created()).isEqualTo(2);
    assertThat(crm.orders().require(OrderId.of("o1")).placedAt()).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
    assertThat(crm.orders().require(OrderId.of("o2")).placedAt()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
  }

  @Test
  void dateOnlyPlacedAt_isTheStartOfTheDayInTheRequestsZone_withOrWithoutAPattern() {
    crm.customers().create(Customer.builder().id("k1"));
    String iso = "orderId,customerId,placedAt,sku,quantity,unitPrice\no1,k1,2024-07-01,A,1,2.00\n";
    assertThat(run(orders().zone("Europe/London").build(), iso).rejections()).isEmpty();
    // British Summer Time: midnight in London is 23:00 UTC the day before
    assertThat(crm.orders().require(OrderId.of("o1")).placedAt()).isEqualTo(Instant.parse("2024-06-30T23:00:00Z"));

    String uk = "orderId,customerId,placedAt,sku,quantity,unitPrice\no2,k1,05/01/2024,A,1,2.00\n";
    assertThat(run(orders().dateTimeFormat("dd/MM/yyyy", "America/New_York").build(), uk).rejections()).isEmpty();
    assertThat(crm.orders().require(OrderId.of("o2")).placedAt()).isEqualTo(Instant.parse("2024-01-05T05:00:00Z"));
  }

  @Test
  void aPatternWithTimeOrOffset_stillReadsThem() {
    crm.customers().create(Customer.builder().id("k1"));
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o1,k1,2024-01-05 10:30,A,1,2.00
        """;
    assertThat(run(orders().dateTimeFormat("yyyy-MM-dd HH:mm", "+02:00").build(), csv).rejections()).isEmpty();
    assertThat(crm.orders().require(OrderId.of("o1")).placedAt()).isEqualTo(Instant.parse("2024-01-05T08:30:00Z"));

    String offset = "orderId,customerId,placedAt,sku,quantity,unitPrice\no2,k1,2024-01-05 10:30 +05:00,A,1,2.00\n";
    assertThat(run(orders().dateTimeFormat("yyyy-MM-dd HH:mm XXX").build(), offset).rejections()).isEmpty();
    assertThat(crm.orders().require(OrderId.of("o2")).placedAt()).isEqualTo(Instant.parse("2024-01-05T05:30:00Z"));
  }

  @Test
  void aBadDate_isRejectedNamingTheRowTheFieldThePatternAndTheValue_goodRowsKept() {
    crm.customers().create(Customer.builder().id("k1"));
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o1,k1,2024-01-05,A,1,2.00
        o2,k1,05/01/2024,A,1,2.00
        o3,k1,2024-02-30,A,1,2.00
        o4,k1,2024-01-06 10:00,A,1,2.00
        o5,k1,2024-01-07,A,1,2.00
        """;
    ImportResult r = run(orders().dateTimeFormat("yyyy-MM-dd").build(), csv);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(tuple(3L, "placedAt"), tuple(4L, "placedAt"), tuple(5L, "placedAt"));
    assertThat(r.rejections().get(0).reason())
        .isEqualTo("not a date-time in the import's pattern 'yyyy-MM-dd' or outside the supported range '05/01/2024'");
    assertThat(r.rejections().get(1).reason()).endsWith("'2024-02-30'");
    assertThat(r.rejections().get(2).reason()).endsWith("'2024-01-06 10:00'");
    assertThat(crm.orders().get(OrderId.of("o5"))).isPresent();
  }

  @Test
  void aBadDateWithoutAPattern_namesTheIsoForms() {
    crm.customers().create(Customer.builder().id("k1"));
    ImportResult r = run(orders().build(), "orderId,customerId,placedAt,sku,quantity,unitPrice\no1,k1,5.1.2024,A,1,2.00\n");
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(tuple(2L, "placedAt"));
    assertThat(r.rejections().get(0).reason()).contains("ISO-8601", "2024-01-05", "'5.1.2024'");
  }

  @Test
  void badZoneOrPattern_failsWhenTheRequestIsBuilt() {
    assertThatThrownBy(() -> orders().zone("Mars/Olympus"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("zone:").hasMessageContaining("Mars/Olympus");
    assertThatThrownBy(() -> orders().dateTimeFormat("yyyy-MM-dd {"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dateTimeFormat:");
  }

  // ---------------------------------------------------------------- customers without an id column

  @Test
  void customersCsvWithoutAnIdColumn_createsCustomersWithGeneratedIds() {
    String csv = """
        email,givenName,familyName
        ada@example.com,Ada,Lovelace
        bob@example.com,Bob,Babbage
        ,Carol,Shaw
        """;
    ImportResult r = run(customersCsv().build(), csv);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.created()).isEqualTo(3);
    assertThat(crm.customers().count()).isEqualTo(3);
    assertThat(byEmail("ada@example.com").id()).isEqualTo(CustomerId.of("customer-1"));
    assertThat(byEmail("bob@example.com").name().full()).isEqualTo("Bob Babbage");
    assertThat(crm.customers().get(CustomerId.of("customer-3")).orElseThrow().name().full()).isEqualTo("Carol Shaw");
  }

  @Test
  void customersWithoutAnIdColumn_updateTheCustomerHoldingTheirEmail_soARerunChangesNothing() {
    crm.customers().create(Customer.builder().id("ada").email("ada@example.com").name("Ada", ""));
    String csv = """
        E-Mail,First Name,Last Name,Country
        ada@example.com,Ada,Lovelace,GB
        bob@example.com,Bob,Babbage,GB
        """;
    ImportResult first = run(customersCsv().build(), csv);
    assertThat(first.rejections()).isEmpty();
    assertThat(first.updated()).isEqualTo(1);
    assertThat(first.created()).isEqualTo(1);
    assertThat(byEmail("ada@example.com").id()).isEqualTo(CustomerId.of("ada"));
    assertThat(byEmail("ada@example.com").name().full()).isEqualTo("Ada Lovelace");

    ImportResult again = run(customersCsv().build(), csv);
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(again.created()).isZero();
    assertThat(crm.customers().count()).isEqualTo(2);
    assertThat(byEmail("ada@example.com").addresses()).containsExactly(PostalAddress.ofCountry("GB"));
  }

  @Test
  void customersWithoutAnIdColumn_badRowsAreRejectedNamingLineAndField_goodOnesCreated() {
    String csv = """
        email,phone
        not-an-email,
        ok@example.com,
        b@example.com,call me
        """;
    ImportResult r = run(customersCsv().build(), csv);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(tuple(2L, "email"), tuple(4L, "phone"));
    assertThat(r.rejections().get(0).reason()).contains("'not-an-email'");
  }

  @Test
  void anIdColumnWithAnEmptyValue_isStillRejectedAsMissing() {
    ImportResult r = run(customersCsv().build(), "id,email\nc1,a@example.com\n,b@example.com\n");
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field, RejectedRow::reason)
        .containsExactly(tuple(3L, "id", "missing"));
  }

  @Test
  void jsonLinesRowsWithoutAnId_getGeneratedIds_orUpdateByEmail() {
    String jsonl = """
        {"email":"ada@example.com","givenName":"Ada"}
        {"id":"c9","email":"bob@example.com"}
        {"email":"ada@example.com","familyName":"Lovelace"}
        {"id":null,"givenName":"Nobody"}
        """;
    ImportResult r = run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.JSON_LINES).build(), jsonl);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.created()).isEqualTo(3);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(byEmail("ada@example.com").name().full()).isEqualTo("Ada Lovelace");
    assertThat(byEmail("bob@example.com").id()).isEqualTo(CustomerId.of("c9"));
  }

  @Test
  void withoutAnIdColumn_dryRunCountsButWritesNothing() {
    ImportResult r = run(customersCsv().dryRun(true).build(), "email\na@example.com\nb@example.com\n");
    assertThat(r.created()).isEqualTo(2);
    assertThat(crm.customers().count()).isZero();
  }

  // ---------------------------------------------------------------- address parts on their own

  @Test
  void aCountryColumnAlone_isTheAddressCountry() {
    ImportResult r = run(customersCsv().build(), "id,Country\nc1,gb\nc2,DE\n");
    assertThat(r.rejections()).isEmpty();
    PostalAddress a = crm.customers().require(CustomerId.of("c1")).addresses().get(0);
    assertThat(a).isEqualTo(new PostalAddress(List.of(), "", "", "", "GB"));
    assertThat(a.lines()).isEmpty();
  }

  @Test
  void cityPostalCodeAndRegion_withTheCountry_needNoStreet() {
    String csv = """
        id,city,zip,region,country
        c1,Berlin,10115,,DE
        c2,,SW1A 1AA,,GB
        c3,Austin,,Texas,US
        """;
    ImportResult r = run(customersCsv().build(), csv);
    assertThat(r.rejections()).isEmpty();
    assertThat(crm.customers().require(CustomerId.of("c1")).addresses())
        .containsExactly(new PostalAddress(List.of(), "10115", "Berlin", "", "DE"));
    assertThat(crm.customers().require(CustomerId.of("c2")).addresses())
        .containsExactly(new PostalAddress(List.of(), "SW1A 1AA", "", "", "GB"));
    assertThat(crm.customers().require(CustomerId.of("c3")).addresses())
        .containsExactly(new PostalAddress(List.of(), "", "Austin", "Texas", "US"));
  }

  @Test
  void anyAddressPartStandsAlone_withoutStreetOrCountry() {
    String csv = """
        id,city,ZIP,region
        c1,Paris,,
        c2,,N1 9GU,
        c3,,,Bavaria
        """;
    ImportResult r = run(customersCsv().build(), csv);
    assertThat(r.rejections()).isEmpty();
    assertThat(crm.customers().require(CustomerId.of("c1")).addresses())
        .containsExactly(new PostalAddress(List.of(), "", "Paris", "", ""));
    assertThat(crm.customers().require(CustomerId.of("c2")).addresses().get(0).postalCode()).isEqualTo("N1 9GU");
    assertThat(crm.customers().require(CustomerId.of("c3")).addresses().get(0).region()).isEqualTo("Bavaria");
  }

  @Test
  void badAddressParts_areRejectedNamingTheField_goodRowsKept() {
    String csv = """
        id,street,city,postalCode,country
        c1,1 Main St,London,,GB
        c2,,,,Atlantis
        c3,1 Main St,,,GB
        c4,,,75001,FR
        c5,,Lyon\007,,FR
        """;
    ImportResult r = run(customersCsv().build(), csv);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(tuple(3L, "country"), tuple(4L, "city"), tuple(6L, "city"));
    assertThat(r.rejections().get(0).reason()).contains("'Atlantis'");
    assertThat(r.rejections().get(1).reason()).isEqualTo("missing");
    assertThat(crm.customers().require(CustomerId.of("c1")).addresses())
        .containsExactly(PostalAddress.of("1 Main St", "", "London", "GB"));
  }

  @Test
  void postalAddress_partsAloneAreValid_butNotNothingOrAStreetWithoutCity() {
    assertThat(PostalAddress.ofCountry("de").country()).isEqualTo("DE");
    assertThatThrownBy(() -> new PostalAddress(List.of(), "", "", "", ""))
        .hasMessageStartingWith("PostalAddress: needs at least one of");
    assertThatThrownBy(() -> new PostalAddress(List.of("1 Main St"), "", "", "", "GB"))
        .hasMessage("PostalAddress.city: must not be blank ''");
  }
}
