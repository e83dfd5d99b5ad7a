package org.ecrm.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.util.List;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.io.RejectedRow;
import org.ecrm.core.io.UpsertKey;
import org.ecrm.core.model.EmailAddress;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the CSV and JSON Lines row readers of the bulk import. Properties: only a bad header may stop an
 * import (an {@link IllegalArgumentException}); every row is counted once as created, updated, unchanged
 * or rejected; every rejection names a line of the input and a field; and a good row that follows fuzzed
 * (possibly bad) rows is never lost. In {@code mvn verify} this runs over the corpus in
 * {@code src/test/resources/org/ecrm/core/fuzz/ImportRowsFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it
 * fuzzes.
 */
class ImportRowsFuzzTest {
  private static final String GOOD = "zz-good-row@example.org";

  /** Fuzzed CSV records (each properly quoted, so the record boundaries are known), then one good row. */
  @FuzzTest(maxDuration = "10m")
  void csvKeepsAGoodRowAfterBadOnes(FuzzedDataProvider data) {
    Crm crm = Crm.builder().discoverStorage(false).build();
    StringBuilder csv = new StringBuilder("email,givenName,familyName,phone,tags,attr.tier\n");
    int rows = data.consumeInt(0, 6);
    for (int i = 0; i < rows; i++) {
      int fields = data.consumeInt(1, 7);
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          csv.append(',');
        }
        String v = data.consumeString(40);
        csv.append(data.consumeBoolean() ? '"' + v.replace("\"", "\"\"") + '"' : v.replaceAll("[\",\r\n]", ""));
      }
      csv.append(data.consumeBoolean() ? "\r\n" : "\n");
    }
    csv.append(GOOD).append(",Good,Row,,,gold\n");
    ImportRequest req = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV).upsertBy(UpsertKey.EMAIL).build();
    ImportResult r = crm.imports().run(req, new StringReader(csv.toString()));
    checkCounts(r, lines(csv.toString()));
    assertThat(crm.customers().findByEmail(EmailAddress.of(GOOD))).as("input:%n%s%nresult: %s", csv, r).isPresent();
  }

  /** Arbitrary text as CSV: never an exception other than a header refusal, counts add up. */
  @FuzzTest(maxDuration = "5m")
  void csvOfAnyTextFailsOnlyOnItsHeader(FuzzedDataProvider data) {
    run(ImportFormat.CSV, data.consumeRemainingAsString());
  }

  /** Fuzzed JSON Lines (one line each), then one good line. */
  @FuzzTest(maxDuration = "10m")
  void jsonLinesKeepAGoodRowAfterBadOnes(FuzzedDataProvider data) {
    Crm crm = Crm.builder().discoverStorage(false).build();
    StringBuilder jsonl = new StringBuilder();
    int rows = data.consumeInt(0, 6);
    for (int i = 0; i < rows; i++) {
      jsonl.append(data.consumeString(200).replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    jsonl.append("{\"email\":\"").append(GOOD).append("\",\"givenName\":\"Good\"}\n");
    ImportRequest req = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.JSON_LINES)
        .upsertBy(UpsertKey.EMAIL).build();
    ImportResult r = crm.imports().run(req, new StringReader(jsonl.toString()));
    checkCounts(r, rows + 2);
    assertThat(crm.customers().findByEmail(EmailAddress.of(GOOD))).as("input:%n%s%nresult: %s", jsonl, r).isPresent();
  }

  /** Found by fuzzing: text after a closing quote ("a"b) threw FastCSV's CsvParseException out of the import. */
  @Test
  void textAfterAClosingQuoteIsOneRowNotAnImportFailure() {
    Crm crm = Crm.builder().discoverStorage(false).build();
    ImportResult r = crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
        .upsertBy(UpsertKey.EMAIL).build(), new StringReader(
            "email,givenName\n\"not an\" e-mail,B\nc@example.com,\"C\"q\nd@example.com,D\n"));
    assertThat(r.rows()).isEqualTo(3);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(org.assertj.core.api.Assertions.tuple(2L, "email"));
    assertThat(crm.customers().findByEmail(EmailAddress.of("c@example.com")).orElseThrow().name().given())
        .isEqualTo("Cq");
    assertThat(crm.customers().findByEmail(EmailAddress.of("d@example.com"))).isPresent();
  }

  /** Found by fuzzing: with FastCSV 4.1 a lone CR inside a quoted field swallowed the next row. */
  @Test
  void aCarriageReturnInsideAQuotedFieldKeepsTheNextRow() {
    Crm crm = Crm.builder().discoverStorage(false).build();
    ImportResult r = crm.imports().run(ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
        .upsertBy(UpsertKey.EMAIL).build(), new StringReader(
            "email,givenName,familyName\n\"]]\",E,\"\u0000]]]c.E\\===@\rexternal\"\n" + GOOD + ",Good,Row\n"));
    assertThat(r.rows()).isEqualTo(2);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field)
        .containsExactly(org.assertj.core.api.Assertions.tuple(2L, "email"));
    assertThat(crm.customers().findByEmail(EmailAddress.of(GOOD))).isPresent();
  }

  /** Found by fuzzing: a bad order id escaped the import, or rejected (and lost) the next order's row. */
  @Test
  void aBadOrderIdRejectsItsOwnRowsAndKeepsTheNextOrder() {
    Crm crm = Crm.builder().discoverStorage(false).build();
    String customer = crm.customers().create(org.ecrm.core.model.Customer.builder().name("Ada", "Lovelace")
        .email("ada@example.com")).id().value();
    String csv = "orderId,customerId,placedAt,sku,quantity,unitPrice,currency\n"
        + "O\u00011," + customer + ",2024-01-02T10:00:00Z,X,1,9.99,EUR\n"
        + "O\u00011," + customer + ",2024-01-02T10:00:00Z,Y,1,1.00,EUR\n"
        + "O2," + customer + ",2024-01-03T10:00:00Z,X,2,9.99,EUR\n"
        + "O\u00013," + customer + ",2024-01-04T10:00:00Z,X,1,9.99,EUR\n";
    ImportResult r = crm.imports().run(ImportRequest.builder(EntityKind.ORDER, ImportFormat.CSV).build(),
        new StringReader(csv));
    assertThat(r.rows()).isEqualTo(4);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejections()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
        org.assertj.core.api.Assertions.tuple(2L, "orderId"), org.assertj.core.api.Assertions.tuple(3L, "orderId"),
        org.assertj.core.api.Assertions.tuple(5L, "orderId"));
    assertThat(crm.orders().require(org.ecrm.core.model.OrderId.of("O2")).lines()).hasSize(1);
  }

  private static void run(ImportFormat format, String text) {
    Crm crm = Crm.builder().discoverStorage(false).build();
    for (EntityKind kind : List.of(EntityKind.CUSTOMER, EntityKind.ORDER)) {
      ImportResult r;
      try {
        r = crm.imports().run(ImportRequest.builder(kind, format).build(), new StringReader(text));
      } catch (IllegalArgumentException e) {
        assertThat(format).isEqualTo(ImportFormat.CSV);
        assertThat(e.getMessage()).isNotBlank();
        continue;
      }
      checkCounts(r, lines(text) + 1);
    }
  }

  /** Physical lines, any of CR LF, CR or LF ending one. */
  private static long lines(String text) {
    return text.split("\r\n|\r|\n", -1).length;
  }

  private static void checkCounts(ImportResult r, long maxLine) {
    assertThat(r.created() + r.updated() + r.unchanged() + r.rejected()).as("%s", r).isEqualTo(r.rows());
    for (RejectedRow x : r.rejections()) {
      assertThat(x.line()).as("%s", x).isBetween(1L, maxLine);
      assertThat(x.field()).as("%s", x).isNotNull();
      assertThat(x.reason()).as("%s", x).isNotBlank();
    }
  }
}
