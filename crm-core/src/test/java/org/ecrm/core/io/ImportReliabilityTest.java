package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.Sku;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the CSV and JSON Lines importers: each case shows that the bad row is rejected naming
 * its line and field, and that the good rows around it are kept. One test per row of IMPORTS.md.
 */
class ImportReliabilityTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
  private final Crm crm = Crm.builder().discoverStorage(false).clock(CLOCK).build();

  private ImportResult run(ImportRequest r, String input) {
    return crm.imports().run(r, new StringReader(input));
  }

  private static ImportRequest.Builder customersCsv() {
    return ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV);
  }

  private static ImportRequest.Builder customersJson() {
    return ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.JSON_LINES);
  }

  private static ImportRequest.Builder orders() {
    return ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV).defaultCurrency("GBP");
  }

  private void customers(String... ids) {
    for (String id : ids) {
      crm.customers().create(Customer.builder().id(id));
    }
  }

  // ---------------------------------------------------------------- field-size limit

  @Test
  void csvFieldLongerThanTheLimit_rejectsItsRowAlone_andTheNextRowsAreRead() {
    String big = "x".repeat(5_000);
    ImportResult r = run(customersCsv().maxFieldLength(1_000).build(),
        "id,email,firstName\nc1,a@example.com,Ada\nc2,b@example.com,\"" + big + "\"\nc3,c@example.com,Cy\n");
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(tuple(3L, "givenName"));
    assertThat(r.rejections().get(0).reason()).contains("longer than 1000 characters");
    assertThat(r.created()).isEqualTo(2);
    assertThat(crm.customers().get(CustomerId.of("c3"))).isPresent();
  }

  @Test
  void csv17MbField_rejectsItsRowAlone_andTheRestGoesOn() {
    String huge = "y".repeat(17 * 1024 * 1024);
    ImportResult r = run(customersCsv().build(),
        "id,email,firstName\nc1,a@example.com,Ada\nc2,b@example.com,\"" + huge + "\"\nc3,c@example.com,Cy\n");
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(tuple(3L, "givenName"));
    assertThat(r.rejections().get(0).reason()).contains("longer than " + InputFiles.DEFAULT_MAX_FIELD_LENGTH);
    assertThat(r.created()).as("the rows before and after").isEqualTo(2);
  }

  @Test
  void jsonLinesValueLongerThanTheLimit_rejectsItsRowAlone() {
    ImportResult r = run(customersJson().maxFieldLength(100).build(),
        "{\"id\":\"c1\",\"email\":\"a@example.com\"}\n{\"id\":\"c2\",\"firstName\":\"" + "z".repeat(101)
            + "\"}\n{\"id\":\"c3\",\"email\":\"c@example.com\"}\n");
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(tuple(2L, "givenName"));
    assertThat(r.created()).isEqualTo(2);
    assertThatThrownBy(() -> customersCsv().maxFieldLength(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFieldLength");
  }

  // ---------------------------------------------------------------- CSV customers: the header

  @Test
  void csvHeaderWithUtf8Bom_isStripped_andEveryRowImported() {
    ImportResult r = run(customersCsv().build(), "\uFEFFid,email\nc1,a@example.com\nc2,b@example.com\n");
    assertThat(r.rejections()).isEmpty();
    assertThat(r.created()).isEqualTo(2);
    assertThat(crm.customers().require(CustomerId.of("c1")).emails()).contains(EmailAddress.of("a@example.com"));
  }

  @Test
  void csvFileWithUtf8BomBytesAndUnmappedColumns_isImported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("customers.csv");
    byte[] body = "id,e-mail,phone_number\nc1,a@example.com,+44 20 7946 0000\nc2,b@example.com,\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    java.nio.file.Files.write(file, withBom);
    ImportResult r = crm.imports().run(customersCsv().build(), file);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.created()).isEqualTo(2);
    assertThat(crm.customers().require(CustomerId.of("c1")).phones()).hasSize(1);
  }

  @Test
  void csvCommonColumnAliases_areMapped_eMailAndPhoneNumber() {
    ImportResult r = run(customersCsv().build(),
        "Customer ID,e-mail,phone_number,First Name,Last_Name,ZIP\nc1,a@example.com,+44 20 7946 0000,Ada,Lovelace,N1\n");
    assertThat(r.rejections()).isEmpty();
    assertThat(r.warnings()).isEmpty();
    Customer c = crm.customers().require(CustomerId.of("c1"));
    assertThat(c.emails()).containsExactly(EmailAddress.of("a@example.com"));
    assertThat(c.phones()).containsExactly(PhoneNumber.parse("+44 20 7946 0000"));
    assertThat(c.name().full()).isEqualTo("Ada Lovelace");
  }

  @Test
  void csvUnmappedColumns_areReportedOncePerFile_andTheRowsImported() {
    ImportResult r = run(customersCsv().build(), "id,email,Shoe size,Loyalty\nc1,a@example.com,42,x\nc2,,43,y\n");
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.warnings()).singleElement().asString()
        .contains("'Shoe size' (column 3)", "'Loyalty' (column 4)", "no CUSTOMER field", "ignored");
  }

  @Test
  void csvUnmappedColumns_withStrictColumns_failBeforeAnyRowIsWritten() {
    ImportRequest req = customersCsv().strictColumns(true).build();
    assertThatThrownBy(() -> run(req, "id,email,Shoe size\nc1,a@example.com,42\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Shoe size' (column 3)").hasMessageContaining("strict columns")
        .hasMessageContaining("recognised: id, givenName");
    assertThat(crm.customers().count()).isZero();
    // the same file without the stray column passes strict mode
    assertThat(run(req, "id,email\nc1,a@example.com\n").created()).isEqualTo(1);
  }

  @Test
  void csvAliasOfAFieldAlreadyInTheHeader_isNotUsed_andReported() {
    ImportResult r = run(customersCsv().build(), "id,email,e-mail\nc1,a@example.com,b@example.com\n");
    assertThat(crm.customers().require(CustomerId.of("c1")).emails()).containsExactly(EmailAddress.of("a@example.com"));
    assertThat(r.warnings()).singleElement().asString().contains("'e-mail' (column 3, would be 'email' but column 2 already is)");
  }

  @Test
  void csvTwoColumnsMappedToOneField_isRefusedNamingBoth() {
    ImportRequest req = customersCsv().map("Mail", "email").build();
    assertThatThrownBy(() -> run(req, "id,Mail,email\nc1,a@example.com,b@example.com\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CSV header: columns 'Mail' (column 2) and 'email' (column 3) both map to field 'email'");
    assertThat(crm.customers().count()).isZero();
  }

  @Test
  void csvEmptyInputAndHeaderOnly_importNothing() {
    assertThat(run(customersCsv().build(), "").rows()).isZero();
    ImportResult headerOnly = run(customersCsv().build(), "id,email\n");
    assertThat(headerOnly.rows()).isZero();
    assertThat(headerOnly.rejections()).isEmpty();
  }

  // ---------------------------------------------------------------- CSV customers: the rows

  @Test
  void csvCustomerRowsWithBadFields_areRejectedNamingLineAndField_goodRowsKept() {
    String csv = """
        id,email,phone,stage,tags,street,city,country
        c1,a@example.com,,,,,,
        ,b@example.com,,,,,,
        c3,c@example.com,,SLEEPING,,,,
        c4,d@example.com,not a phone,,,,,
        c5,e@example.com,,,bad tag!,,,
        c6,f@example.com,,,,1 Main St,,GB
        c7,a@example.com,,,,,,
        c8,h@example.com,,,,1 Main St,London,Atlantis
        c9,i@example.com,,,,,,
        """;
    ImportResult r = run(customersCsv().build(), csv);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        tuple(3L, "id"), tuple(4L, "stage"), tuple(5L, "phone"), tuple(6L, "tags"), tuple(7L, "city"),
        tuple(8L, "email"), tuple(9L, "country"));
    assertThat(r.rejections().get(0).reason()).isEqualTo("missing");
    assertThat(r.rejections().get(1).reason()).contains("SLEEPING");
    assertThat(r.rejections().get(5).reason()).contains("a@example.com");
    assertThat(r.created()).isEqualTo(2);
    assertThat(crm.customers().get(CustomerId.of("c9"))).isPresent();
  }

  @Test
  void csvQuotedFieldWithNewline_keepsTheLineNumbersOfLaterRows() {
    String csv = "id,attr.note,email\nc1,\"two\nlines\",a@example.com\nc2,x,not-an-email\n";
    ImportResult r = run(customersCsv().build(), csv);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(tuple(4L, "email"));
  }

  // ---------------------------------------------------------------- JSON Lines

  @Test
  void jsonLinesWithBomOnTheFirstLine_isRead() {
    ImportResult r = run(customersJson().build(), "\uFEFF{\"id\":\"c1\",\"email\":\"a@example.com\"}\n");
    assertThat(r.rejections()).isEmpty();
    assertThat(r.created()).isEqualTo(1);
  }

  @Test
  void jsonLinesUnknownProperty_isWarnedOnce_andTheRowsKept() {
    String jsonl = """
        {"id":"c1","shoeSize":42}
        {"id":"c2","shoeSize":43}
        """;
    ImportResult r = run(customersJson().build(), jsonl);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.warnings()).singleElement().asString().startsWith("line 1: property 'shoeSize'");
  }

  @Test
  void jsonLinesUnknownProperty_withStrictColumns_rejectsTheRowNamingIt() {
    String jsonl = """
        {"id":"c1"}
        {"id":"c2","shoeSize":43}
        """;
    ImportResult r = run(customersJson().strictColumns(true).build(), jsonl);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(tuple(2L, "shoeSize"));
  }

  @Test
  void jsonLinesAliases_areMapped_andTheFieldsOwnNameWins() {
    String jsonl = """
        {"id":"c1","e-mail":"a@example.com","phone_number":"+44 20 7946 0000"}
        {"id":"c2","e-mail":"alias@example.com","email":"own@example.com"}
        """;
    ImportResult r = run(customersJson().build(), jsonl);
    assertThat(r.rejections()).isEmpty();
    assertThat(crm.customers().require(CustomerId.of("c1")).phones()).hasSize(1);
    assertThat(crm.customers().require(CustomerId.of("c2")).emails()).containsExactly(EmailAddress.of("own@example.com"));
  }

  @Test
  void jsonLinesBrokenLines_areRejected_andBlankLinesSkipped() {
    String jsonl = "{\"id\":\"c1\"}\n\n{\"id\":\"c2\"\n[1,2]\n\"text\"\n{\"id\":{\"a\":1}}\n{\"id\":\"c3\"}\n";
    ImportResult r = run(customersJson().build(), jsonl);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        tuple(3L, "row"), tuple(4L, "row"), tuple(5L, "row"), tuple(6L, "id"));
  }

  // ---------------------------------------------------------------- orders: atomic per order

  @Test
  void orderWithOneBadLine_isNotPlaced_allItsRowsRejected_andTheCorrectedFileImports() {
    customers("k1", "k2");
    String bad = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o11,k1,2025-03-01T10:00:00Z,A,1,2.00
        o12,k2,2025-03-02T10:00:00Z,A,1,2.00
        o12,k2,2025-03-02T10:00:00Z,B,2,2.x0
        o12,k2,2025-03-02T10:00:00Z,C,1,1.00
        o13,k1,2025-03-03T10:00:00Z,A,1,2.00
        """;
    ImportResult r = run(orders().build(), bad);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        tuple(3L, "orderId"), tuple(4L, "unitPrice"), tuple(5L, "orderId"));
    assertThat(r.rejections().get(0).reason()).contains("order 'o12' not placed", "line 4 (unitPrice)");
    assertThat(r.rejections().get(1).reason()).contains("'2.x0'");
    assertThat(crm.orders().get(OrderId.of("o12"))).isEmpty();

    ImportResult again = run(orders().build(), bad.replace("2.x0", "2.50"));
    assertThat(again.rejections()).isEmpty();
    assertThat(again.created()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(crm.orders().require(OrderId.of("o12")).lines()).hasSize(3);
    assertThat(crm.orders().require(OrderId.of("o12")).total()).isEqualTo(Money.of("8.00", "GBP"));
  }

  @Test
  void orderOfAMissingCustomer_isRejectedRowByRowNamingCustomerId() {
    customers("k1");
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o1,ghost,2025-03-01T10:00:00Z,A,1,2.00
        o1,ghost,2025-03-01T10:00:00Z,B,1,2.00
        o2,k1,2025-03-01T10:00:00Z,A,1,2.00
        """;
    ImportResult r = run(orders().build(), csv);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field, RejectedRow::reason).containsExactly(
        tuple(2L, "customerId", "unknown customer 'ghost'"), tuple(3L, "customerId", "unknown customer 'ghost'"));
  }

  @Test
  void orderWithLinesOfTwoCustomersOrTwoCurrencies_isRejectedWhole() {
    customers("k1", "k2");
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice,currency
        o1,k1,2025-03-01T10:00:00Z,A,1,2.00,GBP
        o1,k2,2025-03-01T10:00:00Z,B,1,2.00,GBP
        o2,k1,2025-03-01T10:00:00Z,A,1,2.00,GBP
        o2,k1,2025-03-01T10:00:00Z,B,1,2.00,EUR
        o3,k1,2025-03-01T10:00:00Z,A,1,2.00,GBP
        """;
    ImportResult r = run(orders().build(), csv);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(2L, 3L, 4L, 5L);
    assertThat(r.rejections().get(1).field()).isEqualTo("customerId");
    assertThat(r.rejections().get(2).reason()).contains("o2");
    assertThat(crm.orders().get(OrderId.of("o3"))).isPresent();
  }

  @Test
  void orderSplitIntoTwoBlocks_secondBlockRejectedAsAlreadyExisting() {
    customers("k1");
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o1,k1,2025-03-01T10:00:00Z,A,1,2.00
        o2,k1,2025-03-01T10:00:00Z,A,1,2.00
        o1,k1,2025-03-01T10:00:00Z,B,1,2.00
        """;
    ImportResult r = run(orders().build(), csv);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.rejections()).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(4);
      assertThat(x.reason()).contains("already exists with other lines");
    });
  }

  // ---------------------------------------------------------------- orders: dates and amounts

  @Test
  void datesOutsideTheSaneRange_areRejectedNamingPlacedAt_goodRowsKept() {
    customers("k1");
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o1,k1,9999-12-31,A,1,2.00
        o2,k1,0000-01-01,A,1,2.00
        o3,k1,+999999999-12-31,A,1,2.00
        o4,k1,1899-12-31T23:59:59Z,A,1,2.00
        o5,k1,1900-01-01T00:00:00Z,A,1,2.00
        o6,k1,2027-01-15T23:59:59Z,A,1,2.00
        o7,k1,2027-01-16T00:00:00Z,A,1,2.00
        o8,k1,2025-06-30,A,1,2.00
        o9,k1,the day after,A,1,2.00
        """;
    ImportResult r = run(orders().build(), csv);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        tuple(2L, "placedAt"), tuple(3L, "placedAt"), tuple(4L, "placedAt"), tuple(5L, "placedAt"),
        tuple(8L, "placedAt"), tuple(10L, "placedAt"));
    assertThat(r.rejections().get(0).reason())
        .isEqualTo("outside the accepted date range 1900-01-01 .. 2027-01-15 '9999-12-31'");
    assertThat(r.rejections().get(2).reason()).contains("'+999999999-12-31'");
    assertThat(r.rejections().get(5).reason()).contains("not a date-time", "'the day after'");
    assertThat(r.created()).isEqualTo(3);
    assertThat(crm.orders().require(OrderId.of("o8")).placedAt()).isEqualTo(Instant.parse("2025-06-30T00:00:00Z"));
  }

  @Test
  void dateRange_isConfigurable() {
    customers("k1");
    ImportRequest req = orders().dateRange(LocalDate.of(2010, 1, 1), LocalDate.of(2011, 12, 31)).build();
    ImportResult r = run(req, "orderId,customerId,placedAt,sku,quantity,unitPrice\n"
        + "o1,k1,2009-12-31T10:00:00Z,A,1,2.00\no2,k1,2011-12-31T10:00:00Z,A,1,2.00\no3,k1,2012-01-01T00:00:00Z,A,1,2.00\n");
    assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(2L, 4L);
    assertThat(r.rejections().get(1).reason()).contains("2010-01-01 .. 2011-12-31");
    assertThatThrownBy(() -> orders().dateRange(LocalDate.of(2012, 1, 1), LocalDate.of(2011, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dateRange");
  }

  @Test
  void amountsThatAreNotPlainDecimals_areRejectedNamingTheField() {
    customers("k1");
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice
        o1,k1,2025-03-01T10:00:00Z,A,1,1e3
        o2,k1,2025-03-01T10:00:00Z,A,1,"1,000.00"
        o3,k1,2025-03-01T10:00:00Z,A,1,NaN
        o4,k1,2025-03-01T10:00:00Z,A,1,0.001
        o5,k1,2025-03-01T10:00:00Z,A,1,-2.00
        o6,k1,2025-03-01T10:00:00Z,A,1,123456789012345678901234567890123
        o7,k1,2025-03-01T10:00:00Z,A,1,.50
        o8,k1,2025-03-01T10:00:00Z,A,1,1000
        """;
    ImportResult r = run(orders().build(), csv);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        tuple(2L, "unitPrice"), tuple(3L, "unitPrice"), tuple(4L, "unitPrice"), tuple(5L, "unitPrice"),
        tuple(6L, "unitPrice"), tuple(7L, "unitPrice"));
    assertThat(r.rejections().get(0).reason()).contains("not a plain decimal number", "'1e3'");
    assertThat(r.created()).isEqualTo(2);
    assertThat(crm.orders().require(OrderId.of("o8")).total()).isEqualTo(Money.of("1000.00", "GBP"));
  }

  @Test
  void quantitiesAndCurrencies_badOnesRejectedNamingTheField() {
    customers("k1");
    String csv = """
        orderId,customerId,placedAt,sku,quantity,unitPrice,currency
        o1,k1,2025-03-01T10:00:00Z,A,0,2.00,GBP
        o2,k1,2025-03-01T10:00:00Z,A,99999999999,2.00,GBP
        o3,k1,2025-03-01T10:00:00Z,A,1.5,2.00,GBP
        o4,k1,2025-03-01T10:00:00Z,A,1,2.00,XYZ
        o5,k1,2025-03-01T10:00:00Z,,1,2.00,GBP
        o6,k1,2025-03-01T10:00:00Z,A,1,2.00,
        """;
    ImportResult r = run(ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV).build(), csv);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        tuple(2L, "quantity"), tuple(3L, "quantity"), tuple(4L, "quantity"), tuple(5L, "currency"),
        tuple(6L, "sku"), tuple(7L, "currency"));
    assertThat(r.created()).isZero();
    ImportResult withDefault = run(orders().build(), csv.lines().filter(l -> !l.startsWith("o1,") && !l.startsWith("o2,")
        && !l.startsWith("o3,") && !l.startsWith("o4,") && !l.startsWith("o5,")).reduce("", (a, b) -> a + b + "\n"));
    assertThat(withDefault.created()).isEqualTo(1);
  }

  @Test
  void productPriceInExponentNotation_isRejected() {
    ImportResult r = run(ImportRequest.builder(EntityKind.PRODUCT, ImportFormat.CSV).defaultCurrency("GBP").build(),
        "sku,name,listPrice\nA,Alpha,1e3\nB,Beta,3.50\n");
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(tuple(2L, "listPrice"));
    assertThat(crm.products().require(Sku.of("B")).listPrice()).isEqualTo(Money.of("3.50", "GBP"));
  }
}
