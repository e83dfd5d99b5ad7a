package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Actor;
import org.junit.jupiter.api.Test;

/**
 * Imports the real UCI Online Retail file (541,909 rows) when {@code ../shared/data} is present:
 * customers from CustomerID, products from StockCode, orders from InvoiceNo with cancellations ('C')
 * as refunds of the customer's earlier purchases. The figures are the ones measured and documented.
 */
class OnlineRetailImportTest {

  static Path sharedData() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("crm-core"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("/nonexistent") : dir.resolveSibling("shared").resolve("data");
  }

  @Test
  void onlineRetail_importsCustomersProductsAndOrders() {
    Path file = sharedData().resolve("online-retail/online-retail.csv.gz");
    assumeTrue(Files.exists(file), "../shared/data is not present");
    Crm crm = Crm.builder().discoverStorage(false).build().as(Actor.service("online-retail-import"));

    ImportResult customers = crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
        .map("CustomerID", "id").map("Country", "attr.country").transform("id", OnlineRetailImportTest::stripFloat)
        .build(), file);
    report("customers", customers);
    assertThat(customers.rows()).isEqualTo(541_909);
    assertThat(customers.created()).isEqualTo(4_372);
    assertThat(customers.rejectedByField()).containsExactly(java.util.Map.entry("id", 135_080L));
    assertThat(crm.customers().count()).isEqualTo(4_372);

    ImportResult products = crm.imports().run(ImportRequest.builder(EntityKind.PRODUCT, ImportFormat.CSV)
        .map("StockCode", "sku").map("Description", "name").map("UnitPrice", "listPrice")
        .defaultCurrency("GBP").build(), file);
    report("products", products);
    assertThat(products.created()).isEqualTo(3_958);
    // 187 rows name a new sku without a description; 4 prices have fractions of a penny
    assertThat(products.rejectedByField()).containsExactly(java.util.Map.entry("listPrice", 4L),
        java.util.Map.entry("name", 187L));

    ImportResult orders = crm.imports().run(ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV)
        .map("InvoiceNo", "orderId").map("StockCode", "sku").map("Quantity", "quantity")
        .map("InvoiceDate", "placedAt").map("UnitPrice", "unitPrice").map("CustomerID", "customerId")
        .defaultCurrency("GBP").dateTimeFormat("yyyy-MM-dd HH:mm:ss", "Europe/London")
        .cancellationPrefix("C").transform("customerId", OnlineRetailImportTest::stripFloat).build(), file);
    report("orders", orders);
    assertThat(orders.rows()).isEqualTo(541_909);
    // invoices with a customer, not cancellations, all of whose lines are valid
    assertThat(orders.created()).isEqualTo(18_532);
    assertThat(orders.updated()).isEqualTo(7_570); // cancellation rows applied as refunds
    assertThat(orders.rejectedByField()).containsExactly(
        java.util.Map.entry("customerId", 135_080L), // no CustomerID: counted, not lost
        // invoice 542806's second, non-adjacent block (35), and the 118 other lines of the 4 invoices
        // with a price in fractions of a penny: an order is placed whole or not at all
        java.util.Map.entry("orderId", 153L),
        java.util.Map.entry("sku", 1_335L), // cancellations of purchases made before the data starts
        java.util.Map.entry("unitPrice", 4L)); // prices with fractions of a penny
    assertThat(crm.orders().count()).isEqualTo(18_532);
    // one customer's only invoice is one of the 4 with a sub-penny price
    assertThat(crm.orders().stream().map(o -> o.customerId()).distinct().count()).isEqualTo(4_338);
  }

  private static void report(String what, ImportResult r) {
    System.out.printf("%s: rows=%d created=%d updated=%d unchanged=%d rejected=%d %s %.0f rows/s%n", what,
        r.rows(), r.created(), r.updated(), r.unchanged(), r.rejected(), r.rejectedByField(), r.rowsPerSecond());
  }

  static String stripFloat(String v) {
    return v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
  }
}
