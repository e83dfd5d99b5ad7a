package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Sku;
import org.junit.jupiter.api.Test;

class ImportTest {
  private final Crm crm = Crm.builder().discoverStorage(false).build();

  private ImportResult run(ImportRequest r, String input) {
    return crm.imports().run(r, new StringReader(input));
  }

  @Test
  void customersCsv_upsertByEmail_countsCreatedUpdatedUnchangedAndRejected() {
    String csv = """
        Mail,First,Last,Phone,Tags,Shop id,Tier
        ada@example.com,Ada,Lovelace,+44 20 7946 0000,vip;b2b,S-1,gold
        bob@example.com,Bob,,,,,
        not-an-email,Eve,,,,,
        ada@example.com,Ada,Lovelace,+44 20 7946 0000,vip;b2b,S-1,gold
        BOB@example.com,Bob,Babbage,,,,
        carol@example.com,Carol,,call me,,,
        dave@example.com,Dave,,,bad tag,,
        """;
    ImportRequest req = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
        .map("Mail", "email").map("First", "givenName").map("Last", "familyName").map("Phone", "phone")
        .map("Tags", "tags").map("Shop id", "external.shop").map("Tier", "attr.tier")
        .upsertBy(UpsertKey.EMAIL).build();
    ImportResult r = run(req, csv);
    assertThat(r.rows()).isEqualTo(7);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.unchanged()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(org.assertj.core.api.Assertions.tuple(4L, "email"),
            org.assertj.core.api.Assertions.tuple(7L, "phone"),
            org.assertj.core.api.Assertions.tuple(8L, "tags"));
    assertThat(r.rejections().get(0).reason()).contains("invalid e-mail address 'not-an-email'");
    Customer ada = crm.customers().findByEmail(EmailAddress.of("ada@example.com")).orElseThrow();
    assertThat(ada.tags()).containsExactly("b2b", "vip");
    assertThat(ada.externalId("shop")).contains(ExternalId.of("shop", "S-1"));
    assertThat(ada.attributes().get("tier")).isEqualTo(AttributeValue.of("gold"));
    assertThat(crm.customers().findByEmail(EmailAddress.of("bob@example.com")).orElseThrow().name().full())
        .isEqualTo("Bob Babbage");
    assertThat(crm.customers().count()).isEqualTo(2);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"memory", "h2"})
  void aKeyAnotherCustomerHolds_isRejectedNamingTheFieldItsColumnMapsTo_theOtherRowsKept(String kind) {
    org.ecrm.core.spi.Storage storage = kind.equals("memory") ? org.ecrm.core.memory.MemoryStorage.create()
        : org.ecrm.core.jdbc.H2Kit.newStorage();
    try (storage) {
      Crm crm = Crm.builder().discoverStorage(false).storage(storage).build();
      crm.customers().create(Customer.builder().id("pre-1").email("taken@example.com").externalId("crm", "X1"));
      String csv = """
          Key,Mail,First,CRM no
          n-1,new1@example.com,Ann,A1
          n-2,TAKEN@example.com,Bob,A2
          n-3,new3@example.com,Cid,X1
          n-4,new4@example.com,Dan,A4
          """;
      ImportResult r = crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
          .map("Key", "id").map("Mail", "email").map("First", "givenName").map("CRM no", "external.crm").build(),
          new StringReader(csv));
      assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
          org.assertj.core.api.Assertions.tuple(3L, "email"),
          org.assertj.core.api.Assertions.tuple(4L, "external.crm"));
      assertThat(r.rejections().get(0).reason()).contains("taken@example.com", "pre-1");
      assertThat(r.rejections().get(1).reason()).contains("crm:X1", "pre-1");
      assertThat(r.created()).isEqualTo(2);
      assertThat(crm.customers().get(CustomerId.of("n-1"))).isPresent();
      assertThat(crm.customers().get(CustomerId.of("n-4"))).isPresent();
      assertThat(crm.customers().count()).isEqualTo(3);

      // upserting by external id, a new customer whose id another customer holds: rejected at its id
      String byExternal = """
          Key,Mail,CRM no
          pre-1,other@example.com,X9
          n-5,new5@example.com,X5
          """;
      ImportResult s = crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
          .map("Key", "id").map("Mail", "email").map("CRM no", "external.crm").upsertBy(UpsertKey.EXTERNAL_ID)
          .externalSystem("crm").build(), new StringReader(byExternal));
      assertThat(s.rejections()).extracting(RejectedRow::line, RejectedRow::field)
          .containsExactly(org.assertj.core.api.Assertions.tuple(2L, "id"));
      assertThat(s.rejections().get(0).reason()).contains("pre-1");
      assertThat(s.created()).isEqualTo(1);
      assertThat(crm.customers().findByExternalId(ExternalId.of("crm", "X5"))).isPresent();
      assertThat(crm.customers().findByExternalId(ExternalId.of("crm", "X9"))).isEmpty();
    }
  }

  @Test
  void dryRun_countsButWritesNothing() {
    String csv = "id,email\nc1,a@example.com\nc2,bad\n";
    ImportRequest req = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).dryRun(true).build();
    ImportResult r = run(req, csv);
    assertThat(r.dryRun()).isTrue();
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(crm.customers().count()).isZero();
  }

  @Test
  void jsonLines_upsertByExternalId_reportsBadLines() {
    String jsonl = """
        {"web":"u1","email":"a@example.com","givenName":"Ann","extra":"ignored"}
        {"web":"u1","familyName":"Smith"}
        {not json
        ["an array"]
        {"web":"u2","email":{"nested":true}}
        {"email":"c@example.com"}

        {"web":"u3","email":"a@example.com"}
        """;
    ImportRequest req = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.JSON_LINES)
        .map("web", "external.web").upsertBy(UpsertKey.EXTERNAL_ID).externalSystem("web").build();
    ImportResult r = run(req, jsonl);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(3L, 4L, 5L, 6L, 8L);
    assertThat(r.rejections().get(3).field()).isEqualTo("external.web");
    assertThat(r.rejections().get(3).reason()).isEqualTo("missing");
    assertThat(r.rejections().get(4).reason()).contains("already belongs");
    assertThat(crm.customers().findByExternalId(ExternalId.of("web", "u1")).orElseThrow().name().full())
        .isEqualTo("Ann Smith");
  }

  @Test
  void productsAndOrders_withCancellationsAsRefunds() {
    crm.customers().create(Customer.builder().id("17850"));
    String products = """
        StockCode,Description,UnitPrice
        85123A,WHITE HANGING HEART,2.55
        71053,WHITE METAL LANTERN,3.39
        POST,,18.00
        X1,TOO PRECISE,0.085
        85123A,WHITE HANGING HEART,2.95
        """;
    ImportResult p = run(ImportRequest.builder(EntityKind.PRODUCT, ImportFormat.CSV).map("StockCode", "sku")
        .map("Description", "name").map("UnitPrice", "listPrice").defaultCurrency("GBP").build(), products);
    assertThat(p.created()).isEqualTo(2);
    assertThat(p.updated()).isEqualTo(1);
    assertThat(p.rejectedByField()).containsEntry("name", 1L).containsEntry("listPrice", 1L);
    assertThat(crm.products().require(Sku.of("85123A")).listPrice()).isEqualTo(Money.of("2.95", "GBP"));

    String lines = """
        InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID
        536365,85123A,6,2010-12-01 08:26:00,2.55,17850.0
        536365,71053,6,2010-12-01 08:26:00,3.39,17850.0
        536366,22633,6,2010-12-01 08:28:00,1.85,
        536367,22633,-2,2010-12-01 08:30:00,1.85,17850.0
        536368,22633,1,2010-12-01 08:31:00,1.85,99999.0
        C536369,85123A,-2,2010-12-01 09:00:00,2.55,17850.0
        C536370,85123A,-10,2010-12-01 09:05:00,2.55,17850.0
        C536371,99999Z,-1,2010-12-01 09:06:00,1.00,17850.0
        536372,22633,1,yesterday,1.85,17850.0
        536365,85123A,6,2010-12-01 08:26:00,2.55,17850.0
        536365,71053,6,2010-12-01 08:26:00,3.39,17850.0
        """;
    List<Long> progress = new ArrayList<>();
    ImportRequest req = ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV).map("InvoiceNo", "orderId")
        .map("StockCode", "sku").map("Quantity", "quantity").map("InvoiceDate", "placedAt")
        .map("UnitPrice", "unitPrice").map("CustomerID", "customerId").defaultCurrency("GBP")
        .dateTimeFormat("yyyy-MM-dd HH:mm:ss", "Europe/London").cancellationPrefix("C")
        .transform("customerId", v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v)
        .progressEvery(4).listener((rows, rate) -> progress.add(rows)).build();
    ImportResult r = run(req, lines);
    assertThat(r.rows()).isEqualTo(11);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(2); // two cancellation rows applied as refunds
    assertThat(r.unchanged()).isEqualTo(2); // the repeated block of 536365
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        org.assertj.core.api.Assertions.tuple(4L, "customerId"),
        org.assertj.core.api.Assertions.tuple(5L, "quantity"),
        org.assertj.core.api.Assertions.tuple(6L, "customerId"),
        org.assertj.core.api.Assertions.tuple(9L, "sku"),
        org.assertj.core.api.Assertions.tuple(10L, "placedAt"));
    var order = crm.orders().require(OrderId.of("536365"));
    assertThat(order.total()).isEqualTo(Money.of("35.64", "GBP"));
    assertThat(order.placedAt()).isEqualTo(java.time.Instant.parse("2010-12-01T08:26:00Z"));
    // C536369 returned 2, C536370 asked for 10 but only 4 were left to return
    assertThat(order.refunds()).extracting(x -> x.returned().get(0).quantity()).containsExactly(2, 4);
    assertThat(order.refundedTotal()).isEqualTo(Money.of("15.30", "GBP"));
    assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    assertThat(crm.orders().ofCustomer(CustomerId.of("17850"))).hasSize(1);
    assertThat(progress).containsExactly(4L, 8L, 11L);
  }

  @Test
  void badRequests_failFast() {
    assertThatThrownBy(() -> ImportRequest.builder(EntityKind.PRODUCT, ImportFormat.CSV).upsertBy(UpsertKey.EMAIL).build())
        .hasMessage("upsertBy EMAIL is for customers only, not PRODUCT");
    assertThatThrownBy(() -> ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).upsertBy(UpsertKey.EXTERNAL_ID).build())
        .hasMessage("upsertBy EXTERNAL_ID needs externalSystem(...)");
    assertThatThrownBy(() -> ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).map("a", "email").map("a", "phone"))
        .hasMessage("column 'a' was already mapped to 'email'");
    assertThatThrownBy(() -> ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).progressEvery(0))
        .hasMessage("progressEvery: must be positive '0'");
    ImportRequest unknownField = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).map("x", "shoeSize").build();
    assertThatThrownBy(() -> run(unknownField, "x\n1\n")).hasMessageContaining("maps to a field CUSTOMER rows do not have 'shoeSize'");
  }

  @Test
  void csv_rowWithWrongFieldCount_isRejectedAndTheRestKept() {
    String csv = "id,email\nc1,a@example.com\nc2\nc3,c@example.com,extra\nc4,d@example.com\n";
    ImportResult r = run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).build(), csv);
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(3L, 4L);
    assertThat(r.rejections().get(0).reason()).isEqualTo("expected 2 fields, found 1");
  }

  @Test
  void accounts_upsertById() {
    ImportResult r = run(ImportRequest.builder(EntityKind.ACCOUNT, ImportFormat.CSV).build(),
        "id,name,domain\na1,ACME,acme.example\na1,ACME Ltd,acme.example\na2,,\na1,ACME Ltd,acme.example\n");
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.unchanged()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(x -> assertThat(x.field()).isEqualTo("name"));
  }
}
