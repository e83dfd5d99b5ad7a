package org.ecrm.segmentation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionBatch;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.TransactionSources;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the transaction CSV reader behind {@code ecrm segment} and {@code ecrm summary}
 * ({@link TransactionSources#csv}). Properties: only a missing header column or a row in another
 * currency stops the read (both {@link IllegalArgumentException}s with a message); every rejection names
 * a record and a field; and a good row that follows fuzzed (possibly bad) rows is never lost.
 */
class TransactionCsvFuzzTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final long GOOD_CUSTOMER = 987_654_321L;
  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempFile("ecrm-tx-fuzz", ".csv");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fuzzed records, each properly quoted so the record boundaries are known, then one good row. */
  @FuzzTest(maxDuration = "10m")
  void aGoodRowAfterBadOnesIsKept(FuzzedDataProvider data) throws IOException {
    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
    int rows = data.consumeInt(0, 6);
    for (int i = 0; i < rows; i++) {
      int fields = data.consumeInt(1, 5);
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          csv.append(',');
        }
        String v = data.consumeString(30);
        csv.append(data.consumeBoolean() ? '"' + v.replace("\"", "\"\"") + '"' : v.replaceAll("[\",\r\n]", ""));
      }
      csv.append(data.consumeBoolean() ? "\r\n" : "\n");
    }
    csv.append(GOOD_CUSTOMER).append(",2024-01-02,12.50\n");
    Collected c = read(csv.toString());
    assertThat(c.customers).as("input:%n%s%nrejections: %s", csv, c.rejections).contains(GOOD_CUSTOMER);
    assertThat(c.amounts.get(c.customers.lastIndexOf(GOOD_CUSTOMER))).isEqualTo(1_250L);
  }

  /** Arbitrary text: no exception but a header or currency refusal; rejections name record and field. */
  @FuzzTest(maxDuration = "5m")
  void anyTextIsReadOrRefusedWithAMessage(byte[] input) throws IOException {
    Files.write(FILE, input);
    try {
      read(null);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  /** Found by fuzzing: an empty customer id was rejected with an empty reason. */
  @Test
  void anEmptyCustomerIdIsRejectedWithAReason() throws IOException {
    Collected c = read("customer_id,date,amount\n,2024-01-02,1.00\n\"\",2024-01-02,1.00\na\u0001,2024-01-02,1.00\n"
        + GOOD_CUSTOMER + ",2024-01-02,12.50\n");
    assertThat(c.rejections).containsExactly(new RejectedRecord(2, "customer_id", "missing"),
        new RejectedRecord(3, "customer_id", "missing"),
        new RejectedRecord(4, "customer_id", "has a control character (U+0001)", "a\u0001"));
    assertThat(c.customers).containsExactly(GOOD_CUSTOMER);
  }

  /** Found by fuzzing: a column missing from the header escaped as FastCSV's CsvParseException. */
  @Test
  void aMissingHeaderColumnIsTheDocumentedIllegalArgumentException() {
    assertThatThrownBy(() -> read("customer_id,date,0,\"5.5\",EUR\nx,2024-13-01,1e3,EUR\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column \"amount\" in the header");
  }

  /** Found by fuzzing: text after a closing quote ended the whole read; now that row alone is rejected. */
  @Test
  void textAfterAClosingQuoteRejectsOnlyThatRow() throws IOException {
    Collected c = read("customer_id,date,amount\n1,2024-01-02,\"5.5\"x\n\"2\"3,2024-01-02,1.00\n4,2024-01-02,2.00\n");
    assertThat(c.customers).containsExactly(23L, 4L);
    assertThat(c.rejections).extracting(RejectedRecord::record, RejectedRecord::field)
        .containsExactly(org.assertj.core.api.Assertions.tuple(2L, "amount"));
  }

  /** Found by fuzzing: with FastCSV 4.1 a lone CR inside a quoted field swallowed the rows after it. */
  @Test
  void aCarriageReturnInsideAQuotedFieldKeepsTheNextRow() throws IOException {
    Collected c = read("customer_id,date,amount\n\"+]V\",_,\"\",\"V\n]\",\"]------\r----\"\n"
        + GOOD_CUSTOMER + ",2024-01-02,12.50\n");
    assertThat(c.customers).containsExactly(GOOD_CUSTOMER);
    assertThat(c.rejections).extracting(RejectedRecord::record).containsExactly(2L);
  }

  private static Collected read(String text) throws IOException {
    if (text != null) {
      Files.writeString(FILE, text, StandardCharsets.UTF_8);
    }
    Collected c = new Collected();
    TransactionSources.csv(FILE, CsvFormat.defaults(EUR)).read(c);
    for (RejectedRecord r : c.rejections) {
      assertThat(r.record()).as("%s", r).isPositive();
      assertThat(r.field()).as("%s", r).isNotNull();
      assertThat(r.reason()).as("%s", r).isNotBlank();
    }
    return c;
  }

  private static final class Collected implements TransactionSink {
    final List<Long> customers = new ArrayList<>();
    final List<Long> amounts = new ArrayList<>();
    final List<RejectedRecord> rejections = new ArrayList<>();

    @Override
    public void accept(TransactionBatch batch) {
      for (int i = 0; i < batch.size(); i++) {
        customers.add(batch.customer(i));
        amounts.add(batch.amountMinor(i));
      }
    }

    @Override
    public void reject(RejectedRecord rejection) {
      rejections.add(rejection);
    }

    @Override
    public void skip(String reason) {
      assertThat(reason).isNotBlank();
    }
  }
}
