package org.ecrm.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.io.RejectedRow;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Sku;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.FaultyStorage;
import org.junit.jupiter.api.Test;

/**
 * A bulk import on a storage that throws at random store calls: each row is one atomic operation, so
 * a row the storage broke is reported as rejected and leaves nothing, and every other row is stored
 * whole (a product imported inactive is created and deactivated together, or not at all).
 */
class ImportFaultTest {

  @Test
  void everyRowIsStoredWholeOrRejectedWithNothingLeft() {
    StringBuilder csv = new StringBuilder("sku,name,category,listPrice,active\n");
    int rows = 400;
    for (int i = 0; i < rows; i++) {
      csv.append("P").append(i).append(",Product ").append(i).append(",cat").append(i % 7).append(",")
          .append(1 + i % 50).append(".25,").append(i % 2 == 0 ? "false" : "true").append('\n');
    }
    FaultyStorage faulty = new FaultyStorage(MemoryStorage.create(), 5, 0.08);
    Crm crm = Crm.builder().storage(faulty.storage()).build();
    ImportResult r = crm.imports().run(ImportRequest.builder(EntityKind.PRODUCT, ImportFormat.CSV)
        .defaultCurrency("EUR").build(), new StringReader(csv.toString()));
    faulty.off();
    Set<Long> rejectedLines = new HashSet<>();
    for (RejectedRow row : r.rejections()) {
      rejectedLines.add(row.line());
      assertThat(row.reason()).contains("injected fault");
    }
    System.out.printf("import under faults: %d rows, %d created, %d rejected by %d injected faults%n", rows,
        r.created(), r.rejections().size(), faulty.injected());
    assertThat(r.rejections()).isNotEmpty();
    assertThat(r.created() + r.rejections().size()).isEqualTo(rows);
    var products = faulty.inner().products();
    for (int i = 0; i < rows; i++) {
      long line = i + 2; // the header is line 1
      var p = products.get(Sku.of("P" + i));
      if (rejectedLines.contains(line)) {
        assertThat(p).as("rejected line " + line).isEmpty();
        assertThat(faulty.inner().audit().forEntity("Product", "P" + i)).as("audit of rejected line " + line)
            .isEmpty();
      } else {
        assertThat(p).as("line " + line).isPresent();
        assertThat(p.orElseThrow().active()).as("active of line " + line).isEqualTo(i % 2 == 1);
      }
    }
    assertThat(products.count()).isEqualTo(r.created());
  }
}
